package cn.jiuji.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.assistance.CaseFixtures;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SPEC §12, the bad-input suite: fuzzed values, long strings, wrong types and broken bodies and
 * files sent to every entry point of {@code /api} and to the {@code /engine-rest} endpoints staff
 * and clients use, as a user allowed to call each. No answer may be a 500 or worse: a bad request
 * is the client's fault and gets a 4xx. The fuzz is seeded, so a failure repeats.
 */
@ApplicationTest
class BadInputSuiteTest {

  static final String PASSWORD = "demo";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  /** Values no field expects: blanks, control characters, huge, odd numbers, markup, other scripts. */
  static List<String> fuzzedTexts() {
    List<String> values = new ArrayList<>(List.of("", " ", "\u3000", "-1", "-5", "0", "2147483648", "99999999999999999999",
        "1e400", "NaN", "Infinity", "-Infinity", "null", "true", "[]", "{}", "%", "%00", "\u0000", "\u0001\u0002",
        "'; DROP TABLE grant_ledger; --", "<script>alert(1)</script>", "${T(java.lang.Runtime).getRuntime().exec('id')}",
        "#{1+1}", "../../etc/passwd", "YSYY-2026-00001'", "\uD83D\uDE00".repeat(50), "家".repeat(5_000),
        "x".repeat(70_000), "2026-13-45", "0000-01-01", "+999999999-12-31", "\uFFFF\uFFFE", "\uD800"));
    Random random = new Random(20261202);
    for (int i = 0; i < 12; i++) {
      StringBuilder junk = new StringBuilder();
      int length = 1 + random.nextInt(300);
      for (int c = 0; c < length; c++) {
        junk.append((char) (random.nextBoolean() ? random.nextInt(0x80) : 0x4E00 + random.nextInt(0x5000)));
      }
      values.add(junk.toString());
    }
    return values;
  }

  /** JSON bodies that are not what any endpoint takes, or hold values of the wrong kind. */
  static List<String> fuzzedBodies() {
    List<String> bodies = new ArrayList<>(List.of("", "{", "}", "[]", "null", "42", "\"text\"", "{\"variables\": []}",
        "{\"variables\": null}", "{\"variables\": {\"x\": 1}}", "{\"variables\": {\"visitFindings\": {\"value\": {\"a\": [1, 2]}}}}",
        "{\"variables\": {\"householdSize\": {\"value\": 1e400, \"type\": \"Double\"}}}",
        "{\"variables\": {\"householdSize\": {\"value\": \"NaN\", \"type\": \"Double\"}}}",
        "{\"variables\": {\"householdSize\": {\"value\": 4, \"type\": \"Date\"}}}",
        "{\"variables\": {\"householdSize\": {\"value\": \"abc\", \"type\": \"Long\"}}}",
        "{\"variables\": {\"householdSize\": {\"value\": 4, \"type\": \"NoSuchType\"}}}",
        "{\"variables\": {\"visitFindings\": {\"value\": \"" + "家".repeat(5_000) + "\"}}}",
        "{\"userId\": " + "[".repeat(2_000) + "]".repeat(2_000) + "}",
        "{\"userId\": {\"$ne\": null}}", "{\"userId\": 12345}", "{\"message\": " + "\"x\"".repeat(3) + "}",
        "\u0000\u0001", "{\"variables\": {\"\": {\"value\": 1}}}"));
    for (String text : fuzzedTexts()) {
      bodies.add("{\"variables\": {\"visitFindings\": {\"value\": " + quoted(text) + "}}, \"userId\": " + quoted(text)
          + ", \"message\": " + quoted(text) + "}");
    }
    return bodies;
  }

  @Test
  void noBadInputToAnyEntryPointGetsA500() throws Exception {
    var web = new WebClient(port);
    var instance = runtime.startProcessInstanceByKey("temporaryAssistance", CaseFixtures.start("xunzhong", "GENERAL", 132_667.0));
    String task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    String caseNo = instance.getBusinessKey();

    List<String> failures = new ArrayList<>();
    int sent = 0;
    // query parameters and path segments of every GET
    for (String text : fuzzedTexts()) {
      String q = URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
      for (String path : List.of("/api/cases?township=" + q + "&step=" + q + "&page=" + q, "/api/cases/" + q,
          "/api/cases/" + q + "/file", "/api/cases/" + q + "/approval-form.pdf", "/api/calendar/due?at=" + q,
          "/api/statistics?year=" + q + "&township=" + q, "/api/statistics/ledger?year=" + q + "&township=" + q,
          "/engine-rest/task?maxResults=" + q + "&firstResult=" + q, "/engine-rest/task?processInstanceBusinessKey=" + q,
          "/engine-rest/task/" + q, "/engine-rest/task/" + q + "/form-variables", "/engine-rest/history/process-instance?maxResults=" + q,
          "/engine-rest/process-instance/" + q + "/variables", "/engine-rest/task?dueBefore=" + q,
          "/engine-rest/history/variable-instance?variableName=" + q + "&maxResults=10",
          "/engine-rest/process-instance?variables=" + q + "&maxResults=10",
          "/api/batches/" + q + "/payment-list", "/api/batches/" + q + "/payment-list?format=" + q)) {
        sent++;
        record(failures, "GET " + path, web.get(path, "civil1", PASSWORD));
      }
    }
    // bodies of every write a worker or designer sends
    for (String body : fuzzedBodies()) {
      for (String path : List.of("/engine-rest/task/" + task + "/complete", "/engine-rest/task/" + task + "/submit-form",
          "/engine-rest/task/" + task + "/claim", "/engine-rest/task/" + task + "/assignee",
          "/engine-rest/task/" + task + "/comment/create", "/engine-rest/task/" + task + "/variables",
          "/engine-rest/process-definition/key/temporaryAssistance/start",
          "/engine-rest/process-definition/key/temporaryAssistance/submit-form", "/engine-rest/task",
          "/engine-rest/process-instance", "/engine-rest/decision-definition/key/assistanceAmount/evaluate")) {
        sent++;
        record(failures, "POST " + path + " " + abbreviated(body), web.postJson(path, body, "xunzhong1", PASSWORD));
      }
      sent++;
      record(failures, "PUT variable " + abbreviated(body), web.putJson(
          "/engine-rest/task/" + task + "/variables/visitFindings", body, "xunzhong1", PASSWORD));
    }
    // broken files to the import and to the deployment
    for (Map.Entry<String, byte[]> file : brokenFiles().entrySet()) {
      sent += 2;
      record(failures, "import " + file.getKey(), web.postMultipart("/api/screening/imports", Map.of(), "file",
          file.getKey(), file.getValue(), "civil1", PASSWORD));
      sent++;
      record(failures, "bank return " + file.getKey(), web.postMultipart("/api/batches/2026-01/bank-return", Map.of(),
          "file", file.getKey(), file.getValue(), "civil1", PASSWORD));
      record(failures, "deploy " + file.getKey(), web.postMultipart("/engine-rest/deployment/create",
          Map.of("deployment-name", "fuzz"), "data", file.getKey(), file.getValue(), "designer1", PASSWORD));
    }

    assertThat(sent).as("requests sent").isGreaterThan(1_000);
    assertThat(failures).as("answers of 500 or more, out of %d requests", sent).isEmpty();
    assertThat(tasks.createTaskQuery().taskId(task).count()).as("the task is still open").isEqualTo(1);
  }

  static Map<String, byte[]> brokenFiles() {
    byte[] zipHeader = {0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0};
    byte[] random = new byte[4_096];
    new Random(7).nextBytes(random);
    return Map.of("empty.csv", new byte[0], "header-only.csv", "身份证号,姓名\n".getBytes(StandardCharsets.UTF_8),
        "truncated.xlsx", zipHeader, "random.xlsx", random, "random.csv", random,
        "nul.csv", "a,b\n\u0000\u0000\n".getBytes(StandardCharsets.UTF_8), "broken.bpmn", "<bpmn:definitions".getBytes(StandardCharsets.UTF_8),
        "not-a-model.form", "{\"components\": ".getBytes(StandardCharsets.UTF_8), "binary.dmn", random);
  }

  static void record(List<String> failures, String request, HttpResponse<String> response) {
    if (response.statusCode() >= 500) {
      failures.add(response.statusCode() + " " + abbreviated(request) + " → " + abbreviated(response.body()));
    }
  }

  static String abbreviated(String text) {
    return text.length() <= 160 ? text : text.substring(0, 160) + "…(" + text.length() + ")";
  }

  static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
