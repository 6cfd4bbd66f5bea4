package cn.jiuji.system;

import cn.jiuji.base.RuleBreak;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;

/**
 * A worker submits what the form shows, nothing else: the variables a request of a non-administrator
 * writes ({@link VariableWrite}) may be only those of the deployed Camunda Form of its task or start
 * event. A variable the form shows read-only may come back unchanged (Tasklist sends every field of
 * the form) and is then left out, so that the stored value keeps its type; changed, it is refused.
 * Endpoints no form governs take no variables from such users at all. A refusal is a {@link RuleBreak}
 * with the Chinese message, naming what was refused.
 */
final class FormPolicy {

  private static final Set<String> START_FIELDS = Set.of("variables", "withVariablesInReturn", "businessKey",
      "caseInstanceId", "startInstructions", "skipCustomListeners", "skipIoMappings");
  static final String UNFORMED = "流程变量只能随任务表单或启动表单提交；此接口写入流程变量仅限管理员使用";

  private final EngineLookups engine;
  private final RestStartProperties starts;
  private final ObjectMapper json;

  FormPolicy(EngineLookups engine, RestStartProperties starts, ObjectMapper json) {
    this.engine = engine;
    this.starts = starts;
    this.json = json;
  }

  /** Whether the check needs the body: not for a single named variable or a refusal in any case. */
  static boolean readsBody(VariableWrite write) {
    return !(write instanceof VariableWrite.TaskVariable || write instanceof VariableWrite.AdministratorsOnly
        || write instanceof VariableWrite.Unformed unformed && unformed.always());
  }

  /**
   * The body to pass on: the one sent, the one checked, or none (null) when the request has no
   * body to read.
   *
   * @throws RuleBreak what the user may not send
   */
  byte[] check(VariableWrite write, byte[] sent, RequestUser user) throws IOException {
    if (write instanceof VariableWrite.AdministratorsOnly refused) {
      throw RuleBreak.forbidden(refused.message());
    }
    if (write instanceof VariableWrite.TaskBody body) {
      return checkTaskBody(body, sent, user);
    }
    if (write instanceof VariableWrite.TaskPatch patch) {
      return checkTaskPatch(patch, sent, user);
    }
    if (write instanceof VariableWrite.TaskVariable variable) {
      checkTaskVariable(variable, user);
      return null;
    }
    if (write instanceof VariableWrite.Start start) {
      return checkStart(start, sent, user);
    }
    return checkUnformed((VariableWrite.Unformed) write, sent);
  }

  private byte[] checkTaskBody(VariableWrite.TaskBody write, byte[] sent, RequestUser user) throws IOException {
    ObjectNode body = readBody(sent);
    Task task = engine.task(write.taskId());
    if (body == null || task == null) {
      return sent; // nothing to check, or the REST API answers that the task does not exist
    }
    return onTask(task, user, () -> {
      onlyFields(body, write.fields());
      JsonNode variables = body.path("variables");
      if (variables.isObject()) {
        body.set("variables", allowed((ObjectNode) variables, engine.taskForm(task),
            names -> engine.taskValues(task.getId(), names), () -> engine.taskVariables(task.getId()), Context.TASK));
      }
      return json.writeValueAsBytes(body);
    });
  }

  private byte[] checkTaskPatch(VariableWrite.TaskPatch write, byte[] sent, RequestUser user) throws IOException {
    ObjectNode body = readBody(sent);
    Task task = engine.task(write.taskId());
    if (body == null || task == null) {
      return sent;
    }
    return onTask(task, user, () -> patch(body, task));
  }

  private byte[] patch(ObjectNode body, Task task) throws IOException {
    onlyFields(body, Set.of("modifications", "deletions"));
    FormFields form = engine.taskForm(task);
    JsonNode modifications = body.path("modifications");
    if (modifications.isObject()) {
      body.set("modifications", allowed((ObjectNode) modifications, form,
          names -> engine.taskValues(task.getId(), names), () -> engine.taskVariables(task.getId()),
          Context.TASK_VARIABLE));
    }
    List<String> unknown = new ArrayList<>();
    for (JsonNode deletion : body.path("deletions")) {
      String name = deletion.asText();
      var field = form.field(name);
      if (field.isEmpty()) {
        unknown.add(name);
      } else if (!field.get().editable()) {
        throw readonly(field.get());
      }
    }
    if (!unknown.isEmpty()) {
      throw notInForm(unknown, Context.TASK_VARIABLE);
    }
    return json.writeValueAsBytes(body);
  }

  private void checkTaskVariable(VariableWrite.TaskVariable write, RequestUser user) throws IOException {
    Task task = engine.task(write.taskId());
    if (task == null) {
      return;
    }
    onTask(task, user, () -> {
      var field = engine.taskForm(task).field(write.name());
      if (field.isEmpty()) {
        throw notInForm(List.of(write.name()), Context.TASK_VARIABLE);
      }
      if (!field.get().editable()) {
        throw readonly(field.get());
      }
      return null;
    });
  }

  /**
   * Runs the check of a request on a task. To a user who cannot see the task, a refusal says no
   * more than the engine would (that it is not theirs), nothing of its form.
   */
  private byte[] onTask(Task task, RequestUser user, Check check) throws IOException {
    try {
      return check.run();
    } catch (RuleBreak refused) {
      if (!engine.userSeesTask(user, task.getId())) {
        throw RuleBreak.forbidden("您没有权限处理此任务");
      }
      throw refused;
    }
  }

  private interface Check {
    byte[] run() throws IOException;
  }

  private byte[] checkStart(VariableWrite.Start write, byte[] sent, RequestUser user) throws IOException {
    ObjectNode body = readBody(sent);
    ProcessDefinition definition = engine.definition(write);
    if (body == null || definition == null) {
      return sent; // nothing to check, or the REST API answers that there is no such process
    }
    try {
      return start(body, definition);
    } catch (RuleBreak refused) {
      if (!engine.userSeesDefinition(user, definition.getId())) {
        throw RuleBreak.forbidden("您没有权限启动此流程");
      }
      throw refused;
    }
  }

  private byte[] start(ObjectNode body, ProcessDefinition definition) throws IOException {
    onlyFields(body, START_FIELDS);
    if (!SubmittedJson.isBlank(body.path("businessKey"))) {
      throw RuleBreak.badRequest("业务编号（businessKey，即案件编号）由系统分配，启动流程时不能指定");
    }
    if (!SubmittedJson.isBlank(body.path("caseInstanceId"))) {
      throw RuleBreak.badRequest("启动流程时不能指定 caseInstanceId");
    }
    if (!SubmittedJson.isBlank(body.path("startInstructions")) || body.path("skipCustomListeners").asBoolean(false)
        || body.path("skipIoMappings").asBoolean(false)) {
      throw RuleBreak.badRequest("流程只能从开始处启动：不能指定从哪一步开始，也不能跳过监听器或输入输出映射");
    }
    JsonNode variables = body.path("variables");
    if (variables.isObject()) {
      FormFields fields = engine.startForm(definition).plus(starts.startVariables(definition.getKey()));
      body.set("variables", allowed((ObjectNode) variables, fields, names -> Map.of(), Map::of, Context.START));
    }
    return json.writeValueAsBytes(body);
  }

  private byte[] checkUnformed(VariableWrite.Unformed write, byte[] sent) throws IOException {
    if (!write.always()) {
      if (sent.length == 0) {
        return sent;
      }
      JsonNode body = parse(sent);
      if (!SubmittedJson.hasVariables(body)) {
        return json.writeValueAsBytes(body);
      }
    }
    throw RuleBreak.forbidden(UNFORMED);
  }

  /**
   * The submitted variables the form lets through: editable ones as sent, read-only ones only
   * unchanged and then left out; any other name is refused, all of them named at once. The editable
   * ones are then held to the form's limits ({@link FormLimits}), its required fields where the
   * request submits the whole form (a completion or a start).
   */
  private ObjectNode allowed(ObjectNode variables, FormFields form, Function<List<String>, Map<String, Object>> stored,
      Supplier<Map<String, Object>> all, Context context) {
    List<String> unknown = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    ObjectNode passed = json.createObjectNode();
    variables.fieldNames().forEachRemaining(name -> {
      var field = form.field(name);
      if (field.isEmpty()) {
        unknown.add(name);
      } else if (field.get().editable()) {
        requirePlainType(name, variables.get(name));
        passed.set(name, variables.get(name));
      } else {
        shown.add(name);
      }
    });
    if (!unknown.isEmpty()) {
      throw notInForm(unknown, context);
    }
    Map<String, Object> current = shown.isEmpty() ? Map.of() : stored.apply(shown);
    for (String name : shown) {
      if (!SubmittedJson.unchanged(variables.get(name).path("value"), current.get(name))) {
        throw readonly(form.field(name).orElseThrow());
      }
    }
    Map<String, JsonNode> sent = new HashMap<>();
    passed.fields().forEachRemaining(entry -> sent.put(entry.getKey(), entry.getValue()));
    form.limits().check(sent, context != Context.TASK_VARIABLE, () -> form.limits().asTheFormHoldsThem(conditionVariables(all.get(), sent)),
        engine::hidden);
    return passed;
  }

  /** What a form's conditions read: the stored variables with the submitted values over them. */
  private static Map<String, Object> conditionVariables(Map<String, Object> stored, Map<String, JsonNode> sent) {
    Map<String, Object> variables = new HashMap<>(stored);
    sent.forEach((name, variable) -> {
      JsonNode value = variable.path("value");
      if (value.isTextual()) {
        variables.put(name, value.asText());
      } else if (value.isBoolean()) {
        variables.put(name, value.booleanValue());
      } else if (value.isIntegralNumber()) {
        variables.put(name, value.longValue());
      } else if (value.isNumber()) {
        variables.put(name, value.doubleValue());
      } else if (value.isNull()) {
        variables.put(name, null);
      }
    });
    return variables;
  }

  /**
   * SPEC §12: from outside only String, Boolean, Long, Integer, Double, Date and Json (and an empty
   * value), never a Java object, a file or XML, which the engine would deserialize or store as
   * given; an untyped value is fine, the engine takes it as JSON gives it.
   */
  private static final Set<String> PLAIN_TYPES =
      Set.of("string", "boolean", "long", "integer", "short", "double", "date", "json", "null");

  private static void requirePlainType(String name, JsonNode sent) {
    JsonNode type = sent == null ? null : sent.get("type");
    if (type == null || type.isNull()) {
      return;
    }
    if (!type.isTextual() || !PLAIN_TYPES.contains(type.asText().toLowerCase(java.util.Locale.ROOT))) {
      throw RuleBreak.badRequest("“" + name + "”的值类型“" + type.asText()
          + "”不能提交：只能提交文本、数字、是/否、日期或 JSON");
    }
  }

  private enum Context { TASK, TASK_VARIABLE, START }

  private static RuleBreak notInForm(List<String> names, Context context) {
    String quoted = "“" + String.join("”“", names) + "”";
    String item = names.size() == 1 ? "这一项" : "这些项";
    return RuleBreak.badRequest(switch (context) {
      case TASK -> "表单中没有" + quoted + item + "，不能随任务提交";
      case TASK_VARIABLE -> "表单中没有" + quoted + item + "，不能在任务中修改";
      case START -> "启动表单中没有" + quoted + item + "，不能随流程启动提交";
    });
  }

  private static RuleBreak readonly(FormFields.Field field) {
    String named = field.label().equals(field.name()) ? "“" + field.name() + "”"
        : "“" + field.label() + "”（" + field.name() + "）";
    return RuleBreak.badRequest(named + "在表单中只供查看，不能修改");
  }

  /** Refuses top-level properties the endpoint's DTO does not have (or Jackson might bind otherwise). */
  private static void onlyFields(ObjectNode body, Set<String> fields) {
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!fields.contains(name)) {
        throw RuleBreak.badRequest("请求中不能包含“" + name + "”");
      }
    }
  }

  /** The JSON object sent, or null for an empty body (nothing to check: Camunda reads it as {}). */
  private ObjectNode readBody(byte[] raw) {
    if (raw.length == 0) {
      return null;
    }
    JsonNode body = parse(raw);
    if (!body.isObject()) {
      throw RuleBreak.badRequest("请求内容应为 JSON 对象");
    }
    return (ObjectNode) body;
  }

  private JsonNode parse(byte[] raw) {
    try {
      return json.readTree(raw);
    } catch (JsonProcessingException e) {
      throw RuleBreak.badRequest("请求内容不是有效的 JSON");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
