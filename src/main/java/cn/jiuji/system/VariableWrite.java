package cn.jiuji.system;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The requests to Camunda's REST API (engine-rest, and the same resources under the webapps'
 * {@code /camunda/api/engine}) that write process variables, by what governs them: a task's form,
 * a start form, or nothing (the API's own variable endpoints, messages, signals, …). Derived from
 * the resources of camunda-engine-rest 7.24; a path is split into its segments after the REST
 * root and, when given, after {@code engine/{name}}.
 */
sealed interface VariableWrite {

  /** Completion, form submission, resolving: {@code variables} in the body. */
  record TaskBody(String taskId, Set<String> fields) implements VariableWrite {}

  /** {@code POST task/{id}/variables}: {@code modifications} and {@code deletions}. */
  record TaskPatch(String taskId) implements VariableWrite {}

  /** One named variable of a task: set, delete, upload. */
  record TaskVariable(String taskId, String name, boolean deletion) implements VariableWrite {}

  /** Starting a process (start, submit-form) by definition id, or by key and optionally tenant. */
  record Start(String definitionId, String key, String tenantId) implements VariableWrite {}

  /**
   * An endpoint no form governs. {@code always}: it exists only to write variables (the process
   * instance's or execution's variable endpoints); otherwise it writes those in its body, if any.
   */
  record Unformed(boolean always) implements VariableWrite {}

  /** What only administrators may do, whatever its variables: it would bypass the forms. */
  record AdministratorsOnly(String message) implements VariableWrite {}

  Set<String> COMPLETION = Set.of("variables", "withVariablesInReturn");

  static Optional<VariableWrite> of(String method, List<String> path) {
    if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
      return Optional.empty();
    }
    Segments s = new Segments(path);
    if (s.is("task", "*", "complete") || s.is("task", "*", "submit-form") || s.is("task", "*", "resolve")) {
      return Optional.of(new TaskBody(s.get(1), COMPLETION));
    }
    if (s.is("task", "*", "bpmnError") || s.is("task", "*", "bpmnEscalation")) {
      // no model of ours catches one on a user task: an uncaught error ends the case unrecorded
      return Optional.of(new AdministratorsOnly("任务只能通过提交表单完成；以 BPMN 错误或升级结束任务仅限管理员"));
    }
    if (s.is("task", "*", "variables") || s.is("task", "*", "localVariables")) {
      return Optional.of(new TaskPatch(s.get(1)));
    }
    if (namedVariable(s, "task", "variables") && path.size() > 3
        || namedVariable(s, "task", "localVariables") && path.size() > 3) {
      return Optional.of(new TaskVariable(s.get(1), s.get(3), "DELETE".equals(method)));
    }
    for (String operation : List.of("restart", "restart-async")) {
      if (s.is("process-definition", "*", operation) || s.is("process-definition", "key", "*", operation)
          || s.is("process-definition", "key", "*", "tenant-id", "*", operation)) {
        // a restart starts at any step, skipping listeners if asked: no start form governs it
        return Optional.of(new AdministratorsOnly("重新启动已结束的流程仅限管理员"));
      }
    }
    for (String operation : List.of("start", "submit-form")) {
      if (s.is("process-definition", "key", "*", "tenant-id", "*", operation)) {
        return Optional.of(new Start(null, s.get(2), s.get(4)));
      }
      if (s.is("process-definition", "key", "*", operation)) {
        return Optional.of(new Start(null, s.get(2), null));
      }
      if (s.is("process-definition", "*", operation)) {
        return Optional.of(new Start(s.get(1), null, null));
      }
    }
    if (namedVariable(s, "process-instance", "variables") || namedVariable(s, "execution", "localVariables")
        || s.is("process-instance", "variables-async")
        || namedVariable(s, "case-instance", "variables") || namedVariable(s, "case-execution", "variables")
        || namedVariable(s, "case-execution", "localVariables")) {
      return Optional.of(new Unformed(true));
    }
    if (s.is("message") || s.is("signal") || s.is("condition")
        || s.is("process-instance", "message-async")
        || s.is("process-instance", "*", "modification") || s.is("process-instance", "*", "modification-async")
        || s.is("modification", "execute") || s.is("modification", "executeAsync")
        || s.is("migration", "execute") || s.is("migration", "executeAsync")
        || s.is("execution", "*", "signal") || s.is("execution", "*", "messageSubscriptions", "*", "trigger")
        || s.is("external-task", "*", "complete") || s.is("external-task", "*", "bpmnError")
        || s.is("external-task", "*", "failure")
        || s.is("case-definition", "*", "create") || s.is("case-definition", "key", "*", "create")
        || s.is("case-definition", "key", "*", "tenant-id", "*", "create")
        || s.is("case-instance", "*", "complete") || s.is("case-instance", "*", "close")
        || s.is("case-instance", "*", "terminate")
        || s.is("case-execution", "*", "complete") || s.is("case-execution", "*", "disable")
        || s.is("case-execution", "*", "manual-start") || s.is("case-execution", "*", "reenable")
        || s.is("case-execution", "*", "terminate")) {
      return Optional.of(new Unformed(false));
    }
    return Optional.empty();
  }

  /** {@code resource/{id}/variables}, {@code …/variables/{name}} and {@code …/variables/{name}/data}. */
  private static boolean namedVariable(Segments s, String resource, String variables) {
    return s.is(resource, "*", variables) || s.is(resource, "*", variables, "*")
        || s.is(resource, "*", variables, "*", "data");
  }

  /** Path segments matched case-insensitively, {@code *} for any one segment. */
  record Segments(List<String> path) {

    String get(int index) {
      return path.get(index);
    }

    boolean is(String... pattern) {
      return path.size() == pattern.length && startsWith(pattern);
    }

    boolean startsWith(String... pattern) {
      if (path.size() < pattern.length) {
        return false;
      }
      for (int i = 0; i < pattern.length; i++) {
        if (!"*".equals(pattern[i])
            && !pattern[i].toLowerCase(Locale.ROOT).equals(path.get(i).toLowerCase(Locale.ROOT))) {
          return false;
        }
      }
      return true;
    }
  }
}
