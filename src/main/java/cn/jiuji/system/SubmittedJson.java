package cn.jiuji.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** How the form policy reads what a request sent: its variables, and values compared with the stored ones. */
final class SubmittedJson {

  /** What Camunda's REST API writes dates as, and so what a form sends a date back as. */
  private static final String REST_DATE_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSZ";
  /** The properties through which Camunda's REST API takes variables, at any depth of a body. */
  private static final Set<String> VARIABLE_FIELDS = Set.of("variables", "localVariables", "modifications",
      "deletions", "processVariables", "processVariablesLocal", "processVariablesToTriggeredScope");

  private SubmittedJson() {}

  static boolean hasVariables(JsonNode node) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (VARIABLE_FIELDS.stream().anyMatch(field.getKey()::equalsIgnoreCase) && !isBlank(field.getValue())) {
          return true;
        }
        if (hasVariables(field.getValue())) {
          return true;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        if (hasVariables(element)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether a value sent for a read-only field is the stored one, as Tasklist sends it back:
   * numbers as numbers, yes/no as booleans or "true"/"false", an absent variable as empty.
   */
  static boolean unchanged(JsonNode sent, Object stored) {
    if (stored == null) {
      return isBlank(sent) || sent.isBoolean() && !sent.booleanValue();
    }
    if (sent.isNull() || sent.isMissingNode()) {
      return false;
    }
    if (stored instanceof Boolean b) {
      return sent.isBoolean() ? sent.booleanValue() == b : sent.isTextual() && sent.asText().equals(b.toString());
    }
    if (stored instanceof Number n) {
      try {
        BigDecimal given = sent.isNumber() ? sent.decimalValue() : new BigDecimal(sent.asText().trim());
        return given.compareTo(new BigDecimal(n.toString())) == 0;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    if (stored instanceof Date date) {
      return sent.asText().equals(new SimpleDateFormat(REST_DATE_FORMAT).format(date));
    }
    return sent.isValueNode() && sent.asText().equals(stored.toString());
  }

  static boolean isBlank(JsonNode node) {
    return node.isMissingNode() || node.isNull()
        || node.isTextual() && node.asText().isBlank()
        || node.isContainerNode() && node.isEmpty();
  }
}
