package cn.jiuji.system;

import cn.jiuji.base.CountyClock;
import cn.jiuji.household.BankAccounts;
import cn.jiuji.household.IdNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Citizen ID numbers in the answers of Camunda's REST API (both roots, so Cockpit's and Tasklist's
 * variable views too): masked ({@code 350526********1234}) for users whose work does not need the
 * full number, and for the others, each full number they get recorded in {@code id_number_read}
 * (SPEC §12). The case summaries of {@code /api} mask by themselves.
 *
 * <p>Why on the answer: the engine has no permission for one variable of an instance, and the same
 * value leaves through a dozen endpoints (variable instances, historic variables and details, a
 * task's form variables, an instance's variables); they all carry it as a value next to its name.
 * A JSON answer that holds one of the variables' names is read and rewritten; others pass untouched.
 *
 * <p>Bank account numbers (SPEC §8, {@code jiuji.privacy.bank-account-variables}) travel the same
 * ways and are masked the same way, for everyone, to their last four digits: no one's work in the
 * webapps needs the whole number, which leaves only in the payment list for the bank.
 */
final class IdNumberMasking extends OncePerRequestFilter {

  private final RestRoute.Roots roots;
  private final ProcessEngineConfigurationImpl engine;
  private final EngineLookups lookups;
  private final PrivacyProperties privacy;
  private final JdbcTemplate jdbc;
  private final CountyClock clock;
  private final ObjectMapper json = JsonMapper.builder().build();
  private final List<byte[]> names;

  IdNumberMasking(RestRoute.Roots roots, ProcessEngineConfigurationImpl engine, PrivacyProperties privacy,
      JdbcTemplate jdbc, CountyClock clock) {
    this.roots = roots;
    this.clock = clock;
    this.engine = engine;
    this.lookups = new EngineLookups(engine, json);
    this.privacy = privacy;
    this.jdbc = jdbc;
    this.names = java.util.stream.Stream.concat(privacy.maskedVariables().stream(),
            privacy.bankAccountVariables().stream())
        .map(n -> ("\"" + n + "\"").getBytes(StandardCharsets.UTF_8)).toList();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    RestRoute route = roots.of(request).orElse(null);
    // a long-polling fetch of external tasks answers asynchronously; the models have no external tasks
    if (route == null || route.path().endsWith("fetchAndLock")) {
      chain.doFilter(request, response);
      return;
    }
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, answer);
      byte[] body = answer.getContentAsByteArray();
      String type = answer.getContentType();
      boolean single = singleVariable(route);
      if (type != null && type.contains("json") && (single || names.stream().anyMatch(name -> contains(body, name)))) {
        RequestUser user = RequestUser.of(request, route, engine, lookups);
        byte[] rewritten = rewrite(body, user, route, request.getRequestURI(), single);
        if (rewritten != body) {
          answer.resetBuffer();
          answer.getOutputStream().write(rewritten);
        }
      }
    } finally {
      answer.copyBodyToResponse();
    }
  }

  /**
   * {@code .../variables/idNumber} (an instance's, a task's, an execution's): the answer is the
   * typed value alone, {@code {"type":"String","value":"…"}}, without the variable's name in it.
   */
  private boolean singleVariable(RestRoute route) {
    List<String> segments = route.segments();
    int n = segments.size();
    return n >= 2 && (privacy.maskedVariables().contains(segments.get(n - 1))
        || privacy.bankAccountVariables().contains(segments.get(n - 1)))
        && (segments.get(n - 2).equals("variables") || segments.get(n - 2).equals("localVariables"));
  }

  private byte[] rewrite(byte[] body, RequestUser user, RestRoute route, String path, boolean single)
      throws IOException {
    JsonNode tree;
    try {
      tree = json.readTree(body);
    } catch (IOException notJson) {
      return body;
    }
    boolean full = user != null && (user.administrator() || privacy.seesFullNumbers(user.groups()));
    List<Read> reads = new ArrayList<>();
    boolean[] accountsMasked = {false};
    if (single && tree instanceof ObjectNode typed) {
      String name = route.segments().get(route.segments().size() - 1);
      if (privacy.bankAccountVariables().contains(name)) {
        accountsMasked[0] |= maskAccount(typed, "value");
      } else {
        take(typed, "value", full, reads, null);
      }
    } else {
      visit(tree, full, reads, null, accountsMasked);
    }
    if (full) {
      record(user, reads, route, path);
      if (!accountsMasked[0]) {
        return body;
      }
    }
    return json.writeValueAsBytes(tree);
  }

  /** A full number handed out, and the instance it belongs to when the answer names it. */
  private record Read(String idNumber, String processInstanceId) {}

  private void visit(JsonNode node, boolean full, List<Read> reads, String instance, boolean[] accountsMasked) {
    if (node.isArray()) {
      node.forEach(element -> visit(element, full, reads, instance, accountsMasked));
      return;
    }
    if (!(node instanceof ObjectNode object)) {
      return;
    }
    String here = object.path("processInstanceId").isTextual() ? object.get("processInstanceId").asText() : instance;
    // {name: "idNumber", value: "…"} (variable instances), {variableName: "idNumber", value: "…"} (details)
    for (String nameField : List.of("name", "variableName")) {
      if (object.path(nameField).isTextual() && privacy.maskedVariables().contains(object.get(nameField).asText())) {
        take(object, "value", full, reads, here);
      }
      if (object.path(nameField).isTextual() && privacy.bankAccountVariables().contains(object.get(nameField).asText())) {
        accountsMasked[0] |= maskAccount(object, "value");
      }
    }
    List<String> keys = new ArrayList<>();
    object.fieldNames().forEachRemaining(keys::add);
    for (String key : keys) {
      JsonNode value = object.get(key);
      // {idNumber: {value: "…", type: "String"}} (an instance's or a task's variables)
      if (privacy.maskedVariables().contains(key) && value instanceof ObjectNode typed) {
        take(typed, "value", full, reads, here);
      } else if (privacy.bankAccountVariables().contains(key) && value instanceof ObjectNode typed) {
        accountsMasked[0] |= maskAccount(typed, "value");
      } else {
        visit(value, full, reads, here, accountsMasked);
      }
    }
  }

  private static void take(ObjectNode holder, String field, boolean full, List<Read> reads, String instance) {
    JsonNode value = holder.get(field);
    if (value == null || !value.isTextual()) {
      return;
    }
    if (full) {
      reads.add(new Read(value.asText(), instance));
    } else {
      holder.set(field, TextNode.valueOf(IdNumbers.mask(value.asText())));
    }
  }

  /** Masks a bank account value in place; true when there was one. */
  private static boolean maskAccount(ObjectNode holder, String field) {
    JsonNode value = holder.get(field);
    if (value == null || !value.isTextual()) {
      return false;
    }
    holder.set(field, TextNode.valueOf(BankAccounts.mask(value.asText())));
    return true;
  }

  private void record(RequestUser user, List<Read> reads, RestRoute route, String path) {
    Set<Read> distinct = new LinkedHashSet<>(reads);
    String pathInstance = instanceOfPath(route);
    OffsetDateTime now = clock.now().atOffset(ZoneOffset.UTC);
    String shortPath = path.length() > 1000 ? path.substring(0, 1000) : path;
    for (Read read : distinct) {
      String instance = read.processInstanceId() != null ? read.processInstanceId() : pathInstance;
      String idNumber = read.idNumber().length() > 18 ? read.idNumber().substring(0, 18) : read.idNumber();
      jdbc.update("INSERT INTO id_number_read (user_id, read_at, id_number, process_instance_id, case_no, request_path)"
          + " VALUES (?, ?, ?, ?, ?, ?)", user.id(), now, idNumber, instance, caseOf(instance), shortPath);
    }
  }

  /** process-instance/{id}/… or task/{id}/…: the instance the answer is about. */
  private String instanceOfPath(RestRoute route) {
    List<String> segments = route.segments();
    if (segments.size() >= 2 && segments.get(0).equals("process-instance")) {
      return segments.get(1);
    }
    if (segments.size() >= 2 && segments.get(0).equals("task")) {
      var task = lookups.task(segments.get(1));
      return task == null ? null : task.getProcessInstanceId();
    }
    return null;
  }

  private String caseOf(String instance) {
    if (instance == null) {
      return null;
    }
    var found = lookups.unchecked(() -> engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(instance).singleResult());
    return found == null ? null : found.getBusinessKey();
  }

  private static boolean contains(byte[] body, byte[] name) {
    outer:
    for (int i = 0; i <= body.length - name.length; i++) {
      for (int j = 0; j < name.length; j++) {
        if (body[i + j] != name[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
