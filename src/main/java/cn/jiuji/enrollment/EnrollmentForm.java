package cn.jiuji.enrollment;

import cn.jiuji.assistance.CaseVariable;
import cn.jiuji.assistance.RuleBreak;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads what an enrollment form submitted, whatever type the client sent (Tasklist sends radio
 * choices as text), refuses what is missing or malformed with a Chinese message, and stores the
 * value back with the type {@link EnrollmentVariables} names.
 */
final class EnrollmentForm {

  private final VariableScope scope;

  EnrollmentForm(VariableScope scope) {
    this.scope = scope;
  }

  boolean yesNo(CaseVariable<Boolean> variable, String label) {
    Object value = scope.getVariable(variable.name());
    Boolean result = null;
    if (value instanceof Boolean b) {
      result = b;
    } else if ("true".equals(value) || "false".equals(value)) {
      result = Boolean.valueOf((String) value);
    }
    if (result == null) {
      throw new RuleBreak("请选择：" + label);
    }
    variable.set(scope, result);
    return result;
  }

  /** A whole number, 0 or more (yuan, persons). */
  long wholeNumber(CaseVariable<Long> variable, String label) {
    Object value = scope.getVariable(variable.name());
    BigDecimal number;
    try {
      if (value instanceof Number n) {
        number = new BigDecimal(n.toString());
      } else if (value instanceof String s && !s.isBlank()) {
        number = new BigDecimal(s.trim());
      } else {
        throw new RuleBreak("请填写：" + label);
      }
    } catch (NumberFormatException e) {
      throw new RuleBreak(label + " “" + value + "” 不是有效的数字");
    }
    if (number.signum() < 0) {
      throw new RuleBreak(label + "不能为负数");
    }
    if (number.stripTrailingZeros().scale() > 0) {
      throw new RuleBreak(label + "请填写整数");
    }
    long result;
    try {
      result = number.longValueExact();
    } catch (ArithmeticException e) {
      throw new RuleBreak(label + " “" + value + "” 超出范围");
    }
    variable.set(scope, result);
    return result;
  }

  String text(CaseVariable<String> variable, String label, boolean required) {
    Object value = scope.getVariable(variable.name());
    String text = value == null ? "" : value.toString().trim();
    if (required && text.isEmpty()) {
      throw new RuleBreak("请填写：" + label);
    }
    variable.set(scope, text);
    return text;
  }
}
