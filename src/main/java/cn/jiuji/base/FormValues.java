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

  /**
   * A text, without the invisible characters around it; a required one made only of them
   * (spaces, full-width spaces U+3000, no-break and zero-width spaces, line breaks) is missing.
   */
  public String text(CaseVariable<String> variable, String label, boolean required) {
    Object value = scope.getVariable(variable.name());
    String text = value == null ? "" : stripped(value.toString());
    if (required && text.isEmpty()) {
      throw RuleBreak.badRequest("请填写：" + label);
    }
    variable.set(scope, text);
    return text;
  }

  /** True for null and for a text of invisible characters only (see {@link #stripped}). */
  public static boolean isBlank(String text) {
    return text == null || stripped(text).isEmpty();
  }

  /**
   * The text without the invisible characters at either end: Unicode whitespace and space
   * separators (U+3000 and the no-break spaces among them, which {@link String#strip} keeps),
   * control characters and zero-width format characters (U+200B, U+FEFF ...).
   */
  public static String stripped(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && invisible(text.codePointAt(start))) {
      start += Character.charCount(text.codePointAt(start));
    }
    while (end > start && invisible(text.codePointBefore(end))) {
      end -= Character.charCount(text.codePointBefore(end));
    }
    return text.substring(start, end);
  }

  private static boolean invisible(int codePoint) {
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
        || Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT
        // the Hangul fillers, which show as blanks too
        || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0;
  }
}
