package cn.jiuji.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.assistance.Elements;
import cn.jiuji.system.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A meeting as its users hold it over the REST API: civil affairs calls it with the start form's
 * fields, the leading group reads the agenda and submits the decision form as Tasklist sends it
 * (every field of the form, the read-only ones unchanged, the list as Json), through the same
 * checks as every other form.
 */
@ApplicationTest
class MeetingRestTest {

  static final String START = "/engine-rest/process-definition/key/approvalMeeting/start";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  final ObjectMapper json = new ObjectMapper();
  WebClient web;
  MeetingFixtures fixtures;

  @BeforeEach
  void client() {
    web = new WebClient(port);
    fixtures = new MeetingFixtures(runtime, tasks, identity);
    for (var pi : runtime.createProcessInstanceQuery().list()) {
      runtime.deleteProcessInstance(pi.getId(), "test", true, true);
    }
  }

  @Test
  void civilAffairsCallsTheMeetingAndTheLeadingGroupDecidesItWithTheWholeForm() throws Exception {
    ProcessInstance approve = fixtures.caseAtApproval(100_000, 15_000);
    ProcessInstance overCap = fixtures.caseAtApproval(100_000, 15_000);
    String start = "{\"variables\":{\"meetingDate\":{\"value\":\"2026-06-12\"},"
        + "\"meetingTitle\":{\"value\":\"2026年第1次县社会救助领导小组会议\"}}}";

    HttpResponse<String> township = web.postJson(START, start, "xunzhong1", "demo");
    // a township does not even see the meetings' model
    assertThat(township.statusCode()).as(township.body()).isEqualTo(404);
    HttpResponse<String> started = web.postJson(START, start, "civil1", "demo");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String meetingId = json.readTree(started.body()).path("id").asText();
    String taskId = tasks.createTaskQuery().processInstanceId(meetingId).singleResult().getId();

    HttpResponse<String> values = web.get("/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false", "group1", "demo");
    assertThat(values.statusCode()).as(values.body()).isEqualTo(200);
    JsonNode variables = json.readTree(values.body());
    assertThat(variables.path("decisions").path("type").asText()).isEqualTo("Json");
    ArrayNode agenda = (ArrayNode) json.readTree(variables.path("decisions").path("value").asText());
    assertThat(agenda).extracting(n -> n.path("caseNo").asText())
        .containsExactly(approve.getBusinessKey(), overCap.getBusinessKey());

    // Tasklist sends the whole list back, the cases' figures included, with the choices made
    for (JsonNode entry : agenda) {
      ((ObjectNode) entry).put("approved", "true").put("approvalNote", "同意");
    }
    ((ObjectNode) agenda.get(1)).put("approvedAmount", 41_000);
    HttpResponse<String> refused = submit(taskId, variables, agenda, "group1");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(json.readTree(refused.body()).path("message").asText())
        .startsWith("案件 " + overCap.getBusinessKey() + "：批准金额 41000 元");
    assertThat(approve).isNotNull();
    assertThat(tasks.createTaskQuery().processInstanceId(approve.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo(Elements.GROUP_APPROVAL);

    ((ObjectNode) agenda.get(1)).put("approved", "later");
    HttpResponse<String> byCivilAffairs = submit(taskId, variables, agenda, "civil1");
    assertThat(byCivilAffairs.statusCode()).as(byCivilAffairs.body()).isEqualTo(403);

    ObjectNode smuggled = body(variables, agenda);
    ((ObjectNode) smuggled.get("variables")).putObject("meetingCases").put("type", "Json").put("value", "[]");
    HttpResponse<String> smuggling = web.postJson("/engine-rest/task/" + taskId + "/submit-form",
        smuggled.toString(), "group1", "demo");
    assertThat(smuggling.statusCode()).as(smuggling.body()).isEqualTo(400);
    assertThat(json.readTree(smuggling.body()).path("message").asText())
        .isEqualTo("表单中没有“meetingCases”这一项，不能随任务提交");

    HttpResponse<String> decided = submit(taskId, variables, agenda, "group1");
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(204);
    assertThat(runtime.getVariable(approve.getId(), "batchNo")).isEqualTo("2026-01");
    assertThat(runtime.getVariable(approve.getId(), "approvedBy")).isEqualTo("group1");
    assertThat(tasks.createTaskQuery().processInstanceId(overCap.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo(Elements.GROUP_APPROVAL);
    assertThat(runtime.getVariable(overCap.getId(), "batchNo")).isNull();
  }

  private HttpResponse<String> submit(String taskId, JsonNode stored, ArrayNode decisions, String user) {
    return web.postJson("/engine-rest/task/" + taskId + "/submit-form", body(stored, decisions).toString(), user, "demo");
  }

  /** What Tasklist sends: every field of the form, those it shows read-only as they came. */
  private ObjectNode body(JsonNode stored, ArrayNode decisions) {
    ObjectNode variables = json.createObjectNode();
    for (String shown : new String[] {"meetingTitle", "meetingDate", "caseCount"}) {
      variables.putObject(shown).set("value", stored.path(shown).path("value"));
    }
    variables.putObject("decisions").put("type", "Json").put("value", decisions.toString());
    variables.putObject("attendees").put("value", "郑组长、黄组员、苏组员");
    variables.putObject("minutes").put("value", "会议逐案研究。");
    ObjectNode body = json.createObjectNode();
    body.set("variables", variables);
    return body;
  }
}
