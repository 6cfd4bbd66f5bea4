package cn.jiuji.base;


import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads what a form submitted, whatever type the client sent (Tasklist sends radio choices as
 * text and numbers as it likes), refuses what is missing or malformed with a Chinese message,
 * and stores the value back with the type the contract names (Boolean, Long).
 */
public final class FormValues {

  private final VariableScope scope;

  public FormValues(VariableScope scope) {
    this.scope = scope;
  }

  public boolean yesNo(CaseVariable<Boolean> variable, String label) {
    Object value = scope.getVariable(variable.name());
    Boolean result = null;
    if (value instanceof Boolean b) {
      result = b;
    } else if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
      result = Boolean.valueOf(s);
    }
    if (result == null) {
      throw RuleBreak.badRequest("请选择：" + label);
    }
    variable.set(scope, result);
    return result;
  }

  public boolean flag(CaseVariable<Boolean> variable) {
    Object value = scope.getVariable(variable.name());
    boolean result = Boolean.TRUE.equals(value) || "true".equals(value);
    variable.set(scope, result);
    return result;
  }

  /** A whole number, 0 or more: yuan, persons. */
  public long wholeNumber(CaseVariable<Long> variable, String label) {
    Object value = scope.getVariable(variable.name());
    BigDecimal amount;
    try {
      if (value instanceof Number n) {
        amount = new BigDecimal(n.toString());
      } else if (value instanceof String s && !s.isBlank()) {
        amount = new BigDecimal(s.trim());
      } else {
        throw RuleBreak.badRequest("请填写：" + label);
      }
    } catch (NumberFormatException e) {
      throw RuleBreak.badRequest(label + " “" + value + "” 不是有效的数字");
    }
    if (amount.signum() < 0) {
      throw RuleBreak.badRequest(label + "不能为负数");
    }
    if (amount.stripTrailingZeros().scale() > 0) {
      throw RuleBreak.badRequest(label + "请填写整数");
    }
    long result;
    try {
      result = amount.longValueExact();
    } catch (ArithmeticException e) {
      throw RuleBreak.badRequest(label + " “" + value + "” 超出范围");
    }
    variable.set(scope, result);
    return result;
  }

  public String text(CaseVariable<String> variable, String label, boolean required) {
    Object value = scope.getVariable(variable.name());
    String text = value == null ? "" : value.toString().trim();
    if (required && text.isEmpty()) {
      throw RuleBreak.badRequest("请填写：" + label);
    }
    variable.set(scope, text);
    return text;
  }
}
