package cn.jiuji.system;

import cn.jiuji.base.RuleBreak;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * SPEC §12: what a deployed Camunda Form declares of its fields is checked on the server too, so
 * that a request made without Tasklist gets no further than the form would let it: {@code required},
 * {@code min}, {@code max}, {@code minLength}, {@code maxLength}, {@code pattern}, a number for a
 * number field, text for a text field, yes or no for a checkbox, and one of its options for a
 * select or radio. A limit given as a FEEL expression ({@code "=..."}) is not a fixed figure and is
 * left to the form. A field the form hides ({@code conditional.hide}, evaluated in FEEL as form-js
 * does, over the task's variables and the submitted ones) is not required; what is sent for it is
 * still held to its limits. Fields inside lists and groups with a {@code path} submit Json, which
 * the rules of the step check.
 */
final class FormLimits {

  /** One input component of the form with the limits it declares; absent limits are null. */
  record Limit(String key, String label, String type, boolean required, BigDecimal min, BigDecimal max,
      Integer minLength, Integer maxLength, Pattern pattern, Set<String> options, String hide) {}

  static final FormLimits NONE = new FormLimits(List.of());

  private static final Set<String> NUMBER = Set.of("number");
  private static final Set<String> TEXT = Set.of("textfield", "textarea");
  private static final Set<String> CHOICE = Set.of("select", "radio");

  private final List<Limit> limits;

  private FormLimits(List<Limit> limits) {
    this.limits = limits;
  }

  List<Limit> all() {
    return limits;
  }

  /**
   * The values a form's conditions read, as form-js holds them: a select's or radio's value is its
   * option's text ({@code "false"}), also where a REST client sent or the engine keeps a boolean.
   */
  Map<String, Object> asTheFormHoldsThem(Map<String, Object> variables) {
    Map<String, Object> held = new java.util.HashMap<>(variables);
    for (Limit limit : limits) {
      if (CHOICE.contains(limit.type()) && held.get(limit.key()) instanceof Boolean flag) {
        held.put(limit.key(), flag.toString());
      }
    }
    return held;
  }

  static FormLimits of(JsonNode schema) {
    List<Limit> found = new ArrayList<>();
    collect(schema, false, found);
    return new FormLimits(List.copyOf(found));
  }

  private static void collect(JsonNode container, boolean readonly, List<Limit> found) {
    for (JsonNode component : container.path("components")) {
      if (!component.path("path").asText("").isBlank() || "dynamiclist".equals(component.path("type").asText())) {
        continue; // a list or a group with a path submits one Json variable
      }
      boolean shownOnly = readonly || FormFields.isSet(component.path("readonly")) || FormFields.isSet(component.path("disabled"));
      String key = component.path("key").asText("");
      String type = component.path("type").asText("");
      if (!shownOnly && !key.isBlank() && !key.contains(".") && !"button".equals(type)) {
        found.add(limit(component, key, type));
      }
      collect(component, shownOnly, found);
    }
  }

  private static Limit limit(JsonNode component, String key, String type) {
    JsonNode validate = component.path("validate");
    String label = component.path("label").asText("").isBlank() ? key : component.path("label").asText();
    Set<String> options = null;
    if (CHOICE.contains(type) && component.path("values").isArray() && !component.path("values").isEmpty()) {
      options = new LinkedHashSet<>();
      for (JsonNode option : component.path("values")) {
        options.add(option.path("value").asText());
      }
    }
    String hide = component.path("conditional").path("hide").asText("");
    return new Limit(key, label, type, FormFields.isSet(validate.path("required")), figure(validate.path("min")),
        figure(validate.path("max")), length(validate.path("minLength")), length(validate.path("maxLength")),
        pattern(validate.path("pattern")), options == null ? null : Set.copyOf(options),
        hide.startsWith("=") ? hide.substring(1) : null);
  }

  /**
   * Refuses the first field whose submitted value breaks its form's limits, or a required field that
   * is visible and left empty (only where the whole form is submitted: a completion or a start).
   *
   * @param submitted the editable variables sent, as Camunda's REST API takes them ({@code {value, type}})
   * @param wholeForm whether the request submits the form (required fields count) or changes some of its variables
   * @param context the variables the form's conditions read: the task's, the submitted ones over them
   * @param hidden evaluates a FEEL condition over such variables
   */
  void check(Map<String, JsonNode> submitted, boolean wholeForm, Supplier<Map<String, Object>> context,
      Function<Condition, Boolean> hidden) {
    Map<String, Object> variables = null;
    for (Limit limit : limits) {
      JsonNode sent = submitted.get(limit.key());
      JsonNode value = sent == null ? null : sent.path("value");
      if (empty(value)) {
        if (wholeForm && limit.required()) {
          if (limit.hide() != null) {
            if (variables == null) {
              variables = context.get();
            }
            if (Boolean.TRUE.equals(hidden.apply(new Condition(limit.hide(), variables)))) {
              continue;
            }
          }
          throw RuleBreak.badRequest("“" + limit.label() + "”为必填项，请填写后再提交");
        }
        continue;
      }
      checkValue(limit, value);
    }
  }

  /** A form's condition and the variables it reads. */
  record Condition(String expression, Map<String, Object> variables) {}

  private static void checkValue(Limit limit, JsonNode value) {
    String named = "“" + limit.label() + "”";
    if (NUMBER.contains(limit.type())) {
      BigDecimal number = number(value);
      if (number == null) {
        throw RuleBreak.badRequest(named + "应填数字");
      }
      if (limit.min() != null && number.compareTo(limit.min()) < 0) {
        throw RuleBreak.badRequest(named + "不能小于" + limit.min().toPlainString());
      }
      if (limit.max() != null && number.compareTo(limit.max()) > 0) {
        throw RuleBreak.badRequest(named + "不能大于" + limit.max().toPlainString());
      }
    } else if (TEXT.contains(limit.type())) {
      if (!value.isTextual()) {
        throw RuleBreak.badRequest(named + "应填文字");
      }
      String text = value.asText();
      int length = text.codePointCount(0, text.length());
      if (limit.minLength() != null && length < limit.minLength()) {
        throw RuleBreak.badRequest(named + "至少填写" + limit.minLength() + "个字");
      }
      if (limit.maxLength() != null && length > limit.maxLength()) {
        throw RuleBreak.badRequest(named + "最多" + limit.maxLength() + "个字，现有" + length + "个字");
      }
      if (limit.pattern() != null && !limit.pattern().matcher(text).find()) {
        throw RuleBreak.badRequest(named + "的格式不对，请按表单的说明填写");
      }
    } else if ("checkbox".equals(limit.type())) {
      if (!value.isBoolean() && !(value.isTextual() && Set.of("true", "false").contains(value.asText()))) {
        throw RuleBreak.badRequest(named + "只能为是或否");
      }
    } else if (CHOICE.contains(limit.type()) && limit.options() != null) {
      if (!value.isValueNode() || !limit.options().contains(value.asText())) {
        throw RuleBreak.badRequest(named + "只能选表单列出的一项");
      }
    }
  }

  /** Nothing given: absent, null, or text of blanks only (full-width spaces too), as form-js counts it. */
  static boolean empty(JsonNode value) {
    return value == null || value.isMissingNode() || value.isNull()
        || value.isTextual() && value.asText().codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
  }

  private static BigDecimal number(JsonNode value) {
    if (value.isNumber()) {
      return value.isDouble() && !Double.isFinite(value.doubleValue()) ? null : value.decimalValue();
    }
    if (value.isTextual()) {
      try {
        return new BigDecimal(value.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** A fixed figure; a FEEL expression or text is none. */
  private static BigDecimal figure(JsonNode limit) {
    if (limit.isNumber()) {
      return limit.decimalValue();
    }
    if (limit.isTextual() && !limit.asText().startsWith("=")) {
      try {
        return new BigDecimal(limit.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static Integer length(JsonNode limit) {
    BigDecimal figure = figure(limit);
    return figure == null ? null : figure.intValue();
  }

  /** form-js looks for the pattern in the value (RegExp test); one Java cannot read is left to the form. */
  private static Pattern pattern(JsonNode pattern) {
    if (!pattern.isTextual() || pattern.asText().isEmpty() || pattern.asText().startsWith("=")) {
      return null;
    }
    try {
      return Pattern.compile(pattern.asText());
    } catch (PatternSyntaxException e) {
      return null;
    }
  }
}
