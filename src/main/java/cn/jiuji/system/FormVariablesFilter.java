package cn.jiuji.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A worker submits what the form shows, nothing else. In front of Camunda's REST API (our
 * {@code /engine-rest} and the webapps' {@code /camunda/api/engine}, through which Tasklist
 * submits its forms), a request by anyone but an administrator that writes process variables
 * may name only the variables of the deployed Camunda Form of its task or start event: a worker
 * cannot, with a task of theirs, overwrite the township, the approved amount or the case number
 * that earlier steps or the system recorded. A variable the form shows read-only may come back
 * unchanged (Tasklist sends every field of the form) and is then left out, so that the stored
 * value keeps its type; changed, it is refused. Endpoints no form governs (a process instance's
 * variables, messages, signals, …) take no variables from such users at all.
 *
 * <p>Why a filter and not a check inside the engine: only here are the variables the user sent
 * told apart from those the application's own code sets in the same command, the answer is a
 * 400 before anything runs, and the body passed on is the one that was checked (parsed and
 * written anew, so no second JSON reader can see something else in it). Both REST roots serve
 * the same resources; {@link VariableWrite} lists every variable-writing one of them.
 */
final class FormVariablesFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(FormVariablesFilter.class);
  /** What Camunda's REST API writes dates as, and so what a form sends a date back as. */
  /** 1 MiB: see {@link #body}. */
  private static final int MAX_BODY = 1 << 20;
  private static final String REST_DATE_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSZ";
  private static final Set<String> VARIABLE_FIELDS = Set.of("variables", "localVariables", "modifications",
      "deletions", "processVariables", "processVariablesLocal", "processVariablesToTriggeredScope");
  private static final Set<String> START_FIELDS = Set.of("variables", "withVariablesInReturn", "businessKey",
      "caseInstanceId", "startInstructions", "skipCustomListeners", "skipIoMappings");

  private final String engineRest;
  private final String webappRoot;
  /** Its services exist once the engine is built, after the servlet filters are created. */
  private final ProcessEngineConfigurationImpl engine;
  private final RestStartProperties starts;
  private final ObjectMapper json = JsonMapper.builder()
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  /**
   * @param engineRest our REST root, {@code /engine-rest}: resources of the default engine, and
   *     of any engine under {@code engine/{name}}
   * @param webappRoot the webapps' REST root, {@code /camunda/api/engine}: {@code engine/{name}} only
   */
  FormVariablesFilter(String engineRest, String webappRoot, ProcessEngineConfigurationImpl engine,
      RestStartProperties starts) {
    this.engineRest = engineRest;
    this.webappRoot = webappRoot;
    this.engine = engine;
    this.starts = starts;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    List<String> path = enginePath(request);
    var write = path == null ? null : VariableWrite.of(request.getMethod(), path).orElse(null);
    if (write == null) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body;
    try {
      User user = user(request);
      if (user == null) {
        // the login in front answers this; here only for safety, and without a word about the task
        throw new Refused(HttpServletResponse.SC_UNAUTHORIZED, "AuthenticationException", "请先登录");
      }
      if (isAdministrator(user)) {
        body = null; // administrators' requests pass as they came
      } else {
        byte[] sent = write instanceof VariableWrite.TaskVariable || write instanceof VariableWrite.AdministratorsOnly
            || write instanceof VariableWrite.Unformed unformed && unformed.always()
            ? null : body(request);
        body = check(write, sent, user);
      }
    } catch (Refused refused) {
      refuse(response, refused);
      return;
    } catch (RuntimeException e) {
      LOG.error("Could not check the variables of {} {}", request.getMethod(), request.getRequestURI(), e);
      refuse(response, new Refused(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "ProcessEngineException",
          "系统暂时无法处理该请求，请稍后重试或联系管理员"));
      return;
    }
    chain.doFilter(body == null ? request : new CheckedBody(request, body), response);
  }

  /**
   * The request's body, read into memory to be checked: at most {@value #MAX_BODY} bytes (a form's
   * answers take a few kilobytes), so that no request can fill the heap.
   */
  private static byte[] body(HttpServletRequest request) throws IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      throw new Refused(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "InvalidRequestException",
          "提交的内容过大（超过 1 MB），表单数据不会有这么多，请检查后重新提交");
    }
    return body;
  }

  /** The segments after the REST root and {@code engine/{name}}; null outside the roots. */
  private List<String> enginePath(HttpServletRequest request) {
    String full = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    for (String root : List.of(engineRest, webappRoot)) {
      if (!full.startsWith(root + "/")) {
        continue;
      }
      List<String> segments = new ArrayList<>(Arrays.stream(full.substring(root.length()).split("/"))
          .filter(segment -> !segment.isEmpty()).toList());
      if (segments.size() >= 2 && segments.get(0).equalsIgnoreCase("engine")) {
        // whatever the name: there is one engine, and an unknown name is the REST API's 404 later
        segments.subList(0, 2).clear();
      }
      return segments;
    }
    return null;
  }

  /** Who sends the request, with the groups the engine checks their authorizations by. */
  private record User(String id, List<String> groups) {}

  /**
   * The REST API's login has told the engine who the user is. The webapps' login runs after this
   * filter (the webapps register their filters after all of the application's), so there the
   * session names the user, whose groups are read afresh.
   */
  private User user(HttpServletRequest request) {
    Authentication current = engine.getIdentityService().getCurrentAuthentication();
    if (current != null) {
      return new User(current.getUserId(), current.getGroupIds() == null ? List.of() : current.getGroupIds());
    }
    String id = webappUser(request);
    return id == null ? null : new User(id, unchecked(() -> engine.getIdentityService().createGroupQuery()
        .groupMember(id).list()).stream().map(Group::getId).toList());
  }

  /** Camunda's own notion: a member of an admin group (camunda-admin) or an admin user. */
  private boolean isAdministrator(User user) {
    return engine.getAdminUsers() != null && engine.getAdminUsers().contains(user.id())
        || engine.getAdminGroups() != null && user.groups().stream().anyMatch(engine.getAdminGroups()::contains);
  }

  private String webappUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (session == null || !path.startsWith(webappRoot + "/")) {
      return null;
    }
    var user = AuthenticationUtil.getAuthsFromSession(session)
        .getAuthenticationForProcessEngine(engine.getProcessEngineName());
    return user == null ? null : user.getIdentityId();
  }

  /**
   * The body to pass on: the one sent, the one checked, or none (null) when the request has no
   * body to read; or a refusal.
   */
  private byte[] check(VariableWrite write, byte[] sent, User user) throws IOException {
    if (write instanceof VariableWrite.AdministratorsOnly refused) {
      throw new Refused(HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", refused.message());
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

  private byte[] checkTaskBody(VariableWrite.TaskBody write, byte[] sent, User user) throws IOException {
    ObjectNode body = readBody(sent);
    Task task = task(write.taskId());
    if (body == null || task == null) {
      return sent; // nothing to check, or the REST API answers that the task does not exist
    }
    return onTask(task, user, () -> {
      onlyFields(body, write.fields());
      JsonNode variables = body.path("variables");
      if (variables.isObject()) {
        body.set("variables", allowed((ObjectNode) variables, taskForm(task), new TaskValues(task.getId()),
            Context.TASK));
      }
      return json.writeValueAsBytes(body);
    });
  }

  private byte[] checkTaskPatch(VariableWrite.TaskPatch write, byte[] sent, User user) throws IOException {
    ObjectNode body = readBody(sent);
    Task task = task(write.taskId());
    if (body == null || task == null) {
      return sent;
    }
    return onTask(task, user, () -> patch(body, task));
  }

  private byte[] patch(ObjectNode body, Task task) throws IOException {
    onlyFields(body, Set.of("modifications", "deletions"));
    FormFields form = taskForm(task);
    JsonNode modifications = body.path("modifications");
    if (modifications.isObject()) {
      body.set("modifications", allowed((ObjectNode) modifications, form, new TaskValues(task.getId()),
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

  private void checkTaskVariable(VariableWrite.TaskVariable write, User user) throws IOException {
    Task task = task(write.taskId());
    if (task == null) {
      return;
    }
    onTask(task, user, () -> {
      var field = taskForm(task).field(write.name());
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
  private byte[] onTask(Task task, User user, Check check) throws IOException {
    try {
      return check.run();
    } catch (Refused refused) {
      if (asUser(user, () -> engine.getTaskService().createTaskQuery().taskId(task.getId()).count()) == 0) {
        throw new Refused(HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", "您没有权限处理此任务");
      }
      throw refused;
    }
  }

  private interface Check {
    byte[] run() throws IOException;
  }

  private byte[] checkStart(VariableWrite.Start write, byte[] sent, User user) throws IOException {
    ObjectNode body = readBody(sent);
    ProcessDefinition definition = definition(write);
    if (body == null || definition == null) {
      return sent; // nothing to check, or the REST API answers that there is no such process
    }
    try {
      return start(body, definition);
    } catch (Refused refused) {
      if (asUser(user, () -> engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionId(definition.getId()).count()) == 0) {
        throw new Refused(HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", "您没有权限启动此流程");
      }
      throw refused;
    }
  }

  private byte[] start(ObjectNode body, ProcessDefinition definition) throws IOException {
    onlyFields(body, START_FIELDS);
    if (!isBlank(body.path("businessKey"))) {
      throw new Refused(400, "InvalidRequestException", "业务编号（businessKey，即案件编号）由系统分配，启动流程时不能指定");
    }
    if (!isBlank(body.path("caseInstanceId"))) {
      throw new Refused(400, "InvalidRequestException", "启动流程时不能指定 caseInstanceId");
    }
    if (!isBlank(body.path("startInstructions")) || body.path("skipCustomListeners").asBoolean(false)
        || body.path("skipIoMappings").asBoolean(false)) {
      throw new Refused(400, "InvalidRequestException",
          "流程只能从开始处启动：不能指定从哪一步开始，也不能跳过监听器或输入输出映射");
    }
    JsonNode variables = body.path("variables");
    if (variables.isObject()) {
      FormFields fields = startForm(definition).plus(starts.startVariables(definition.getKey()));
      body.set("variables", allowed((ObjectNode) variables, fields, names -> Map.of(), Context.START));
    }
    return json.writeValueAsBytes(body);
  }

  private byte[] checkUnformed(VariableWrite.Unformed write, byte[] sent) throws IOException {
    if (!write.always()) {
      if (sent.length == 0) {
        return sent;
      }
      JsonNode body = parse(sent);
      if (!hasVariables(body)) {
        return json.writeValueAsBytes(body);
      }
    }
    throw new Refused(HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
        "流程变量只能随任务表单或启动表单提交；此接口写入流程变量仅限管理员使用");
  }

  /**
   * The submitted variables the form lets through: editable ones as sent, read-only ones only
   * unchanged and then left out; any other name is refused, all of them named at once.
   */
  private ObjectNode allowed(ObjectNode variables, FormFields form, StoredValues stored, Context context) {
    List<String> unknown = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    ObjectNode passed = json.createObjectNode();
    variables.fieldNames().forEachRemaining(name -> {
      var field = form.field(name);
      if (field.isEmpty()) {
        unknown.add(name);
      } else if (field.get().editable()) {
        passed.set(name, variables.get(name));
      } else {
        shown.add(name);
      }
    });
    if (!unknown.isEmpty()) {
      throw notInForm(unknown, context);
    }
    Map<String, Object> current = shown.isEmpty() ? Map.of() : stored.get(shown);
    for (String name : shown) {
      if (!unchanged(variables.get(name).path("value"), current.get(name))) {
        throw readonly(form.field(name).orElseThrow());
      }
    }
    return passed;
  }

  private enum Context { TASK, TASK_VARIABLE, START }

  private static Refused notInForm(List<String> names, Context context) {
    String quoted = "“" + String.join("”“", names) + "”";
    String item = names.size() == 1 ? "这一项" : "这些项";
    String message = switch (context) {
      case TASK -> "表单中没有" + quoted + item + "，不能随任务提交";
      case TASK_VARIABLE -> "表单中没有" + quoted + item + "，不能在任务中修改";
      case START -> "启动表单中没有" + quoted + item + "，不能随流程启动提交";
    };
    return new Refused(400, "InvalidRequestException", message);
  }

  private static Refused readonly(FormFields.Field field) {
    String named = field.label().equals(field.name()) ? "“" + field.name() + "”"
        : "“" + field.label() + "”（" + field.name() + "）";
    return new Refused(400, "InvalidRequestException", named + "在表单中只供查看，不能修改");
  }

  /** Refuses top-level properties the endpoint's DTO does not have (or Jackson might bind otherwise). */
  private static void onlyFields(ObjectNode body, Set<String> fields) {
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!fields.contains(name)) {
        throw new Refused(400, "InvalidRequestException", "请求中不能包含“" + name + "”");
      }
    }
  }

  private static boolean hasVariables(JsonNode node) {
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

  private static boolean isBlank(JsonNode node) {
    return node.isMissingNode() || node.isNull()
        || node.isTextual() && node.asText().isBlank()
        || node.isContainerNode() && node.isEmpty();
  }

  // --- the engine, read without the user's authorizations: it only tells which form applies ---

  private Task task(String taskId) {
    return unchecked(() -> engine.getTaskService().createTaskQuery().taskId(taskId).singleResult());
  }

  private FormFields taskForm(Task task) {
    return form(() -> engine.getFormService().getDeployedTaskForm(task.getId()));
  }

  private ProcessDefinition definition(VariableWrite.Start write) {
    return unchecked(() -> {
      var query = engine.getRepositoryService().createProcessDefinitionQuery();
      if (write.definitionId() != null) {
        return query.processDefinitionId(write.definitionId()).singleResult();
      }
      query.processDefinitionKey(write.key()).latestVersion();
      if (write.tenantId() != null) {
        query.tenantIdIn(write.tenantId());
      }
      List<ProcessDefinition> found = query.list();
      // several tenants' definitions of one key: the REST API refuses to choose, so do we
      return found.size() == 1 ? found.get(0) : null;
    });
  }

  private FormFields startForm(ProcessDefinition definition) {
    return form(() -> engine.getFormService().getDeployedStartForm(definition.getId()));
  }

  /** The deployed Camunda Form, or none (a task without one takes no variables from workers). */
  private FormFields form(Callable<InputStream> deployed) {
    return unchecked(() -> {
      try (InputStream form = deployed.call()) {
        return FormFields.of(json.readTree(form));
      } catch (ProcessEngineException e) {
        return FormFields.NONE;
      }
    });
  }

  /** The values the read-only fields show; a variable that does not exist is missing. */
  private interface StoredValues {
    Map<String, Object> get(List<String> names);
  }

  private final class TaskValues implements StoredValues {
    private final String taskId;

    TaskValues(String taskId) {
      this.taskId = taskId;
    }

    @Override
    public Map<String, Object> get(List<String> names) {
      VariableMap found = unchecked(() -> engine.getTaskService().getVariablesTyped(taskId, names, false));
      Map<String, Object> values = new HashMap<>();
      for (String name : found.keySet()) {
        TypedValue value = found.getValueTyped(name);
        // an object not deserialized shows as its JSON or XML text
        values.put(name, value instanceof SerializableValue serializable && !serializable.isDeserialized()
            ? serializable.getValueSerialized() : value.getValue());
      }
      return values;
    }
  }

  /** A query with the user's authorizations, as the REST API would run it. */
  private <T> T asUser(User user, Callable<T> query) {
    var identity = engine.getIdentityService();
    if (identity.getCurrentAuthentication() != null) {
      return call(query);
    }
    identity.setAuthentication(user.id(), user.groups());
    try {
      return call(query);
    } finally {
      identity.clearAuthentication();
    }
  }

  private static <T> T call(Callable<T> query) {
    try {
      return query.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T unchecked(Callable<T> lookup) {
    return engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(lookup));
  }

  // --- the request and the answer ---------------------------------------------------------

  /** The JSON object sent, or null for an empty body (nothing to check: Camunda reads it as {}). */
  private ObjectNode readBody(byte[] raw) {
    if (raw.length == 0) {
      return null;
    }
    JsonNode body = parse(raw);
    if (!body.isObject()) {
      throw new Refused(400, "InvalidRequestException", "请求内容应为 JSON 对象");
    }
    return (ObjectNode) body;
  }

  private JsonNode parse(byte[] raw) {
    try {
      return json.readTree(raw);
    } catch (JsonProcessingException e) {
      throw new Refused(400, "InvalidRequestException", "请求内容不是有效的 JSON");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void refuse(HttpServletResponse response, Refused refused) throws IOException {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("type", refused.type);
    body.put("message", refused.getMessage());
    response.setStatus(refused.status);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(json.writeValueAsBytes(body));
  }

  /** A request the filter turns away, with the Chinese message for the user. */
  private static final class Refused extends RuntimeException {
    private final int status;
    private final String type;

    Refused(int status, String type, String message) {
      super(message, null, false, false);
      this.status = status;
      this.type = type;
    }
  }

  /** The request with the body that was checked in place of the one that was sent. */
  private static final class CheckedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CheckedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      var in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public String getCharacterEncoding() {
      return StandardCharsets.UTF_8.name();
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public String getHeader(String name) {
      if ("Content-Length".equalsIgnoreCase(name)) {
        return Integer.toString(body.length);
      }
      if ("Transfer-Encoding".equalsIgnoreCase(name)) {
        return null;
      }
      return super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      if ("Content-Length".equalsIgnoreCase(name)) {
        return Collections.enumeration(List.of(Integer.toString(body.length)));
      }
      if ("Transfer-Encoding".equalsIgnoreCase(name)) {
        return Collections.emptyEnumeration();
      }
      return super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      List<String> names = new ArrayList<>(Collections.list(super.getHeaderNames()));
      names.removeIf(name -> "Transfer-Encoding".equalsIgnoreCase(name) || "Content-Length".equalsIgnoreCase(name));
      names.add("Content-Length");
      return Collections.enumeration(names);
    }
  }
}
