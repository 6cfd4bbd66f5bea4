package cn.jiuji.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The process variables a deployed Camunda Form (processes/*.form) lets a worker submit: the
 * {@code key} of every input component, found recursively (groups, dynamic lists). A component
 * inside a group or list with a {@code path} submits its value into that path's variable, a dotted
 * key ({@code a.b}) into variable {@code a}. A variable is editable when at least one component
 * that writes it is neither {@code readonly} nor {@code disabled}; otherwise the form only shows it.
 */
final class FormFields {

  /** One variable of the form; {@code label} is what the worker reads next to it. */
  record Field(String name, String label, boolean editable) {}

  static final FormFields NONE = new FormFields(Map.of(), FormLimits.NONE);

  private final Map<String, Field> fields;
  private final FormLimits limits;

  private FormFields(Map<String, Field> fields, FormLimits limits) {
    this.fields = fields;
    this.limits = limits;
  }

  static FormFields of(JsonNode schema) {
    Map<String, Field> fields = new LinkedHashMap<>();
    collect(schema, null, false, fields);
    return new FormFields(Map.copyOf(fields), FormLimits.of(schema));
  }

  /** What the form declares of its editable fields (required, min, max, lengths, pattern, options). */
  FormLimits limits() {
    return limits;
  }

  Optional<Field> field(String variable) {
    return Optional.ofNullable(fields.get(variable));
  }

  Map<String, Field> all() {
    return fields;
  }

  /** These fields and the given variables, editable (those a form shows keep their label). */
  FormFields plus(java.util.Collection<String> variables) {
    if (variables.isEmpty()) {
      return this;
    }
    Map<String, Field> more = new LinkedHashMap<>(fields);
    variables.forEach(name -> more.merge(name, new Field(name, name, true),
        (old, added) -> new Field(name, old.label(), true)));
    return new FormFields(Map.copyOf(more), limits);
  }

  private static void collect(JsonNode container, String enclosingVariable, boolean enclosingReadonly,
      Map<String, Field> fields) {
    for (JsonNode component : container.path("components")) {
      boolean readonly = enclosingReadonly || isSet(component.path("readonly")) || isSet(component.path("disabled"));
      String path = component.path("path").asText("");
      String variable = enclosingVariable;
      if (!path.isBlank() && variable == null) {
        variable = firstSegment(path);
      }
      String key = component.path("key").asText("");
      // a button's key (old schemas: "submit", "reset") is no value the form submits
      if (!key.isBlank() && !"button".equals(component.path("type").asText())) {
        String name = variable != null ? variable : firstSegment(key);
        String label = component.path("label").asText("").isBlank() ? name : component.path("label").asText();
        fields.merge(name, new Field(name, label, !readonly),
            (old, added) -> new Field(name, old.label(), old.editable() || added.editable()));
      }
      collect(component, variable, readonly, fields);
    }
  }

  /** {@code true}, not {@code false}, absent or a FEEL expression ("=..."), which may come out false. */
  static boolean isSet(JsonNode flag) {
    return flag.isBoolean() && flag.booleanValue();
  }

  private static String firstSegment(String path) {
    int dot = path.indexOf('.');
    return dot < 0 ? path.trim() : path.substring(0, dot).trim();
  }
}
