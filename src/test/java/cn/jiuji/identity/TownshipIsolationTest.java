package cn.jiuji.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.assistance.CaseAccess;
import cn.jiuji.assistance.CaseFixtures;
import cn.jiuji.system.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SPEC §4 tried from the outside, over HTTP with the demo users: what an intruder or a curious
 * colleague would attempt is refused (401, 403, 404 or an empty list) and changes nothing, which
 * the engine's own API confirms afterwards; what each role's work needs still works.
 */
@ApplicationTest
class TownshipIsolationTest {

  static final String PASSWORD = "demo";
  static final String CASE_PROCESS = "temporaryAssistance";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired CaseAccess caseAccess;
  @Autowired IdentityService identity;

  final ObjectMapper json = new ObjectMapper();
  WebClient web;

  @BeforeEach
  void client() {
    web = new WebClient(port);
  }

  /** A xunzhong case waiting at the township's first home visit, started by the system. */
  record Case(String processInstanceId, String caseNo, String idNumber, String taskId) {}

  Case xunzhongCase() {
    Map<String, Object> start = CaseFixtures.start("xunzhong", "GENERAL", 132_667.0);
    ProcessInstance instance = runtime.startProcessInstanceByKey(CASE_PROCESS, start);
    Task visit = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(visit.getTaskDefinitionKey()).isEqualTo("firstVisit");
    String caseNo = (String) runtime.getVariable(instance.getId(), "caseNo");
    return new Case(instance.getId(), caseNo, (String) start.get("idNumber"), visit.getId());
  }

  // --- a township worker and another township's case ---------------------------------------

  @Test
  void aTownshipWorkerNeitherListsNorOpensAnotherTownshipsCase() throws Exception {
    Case xunzhong = xunzhongCase();
    String pid = xunzhong.processInstanceId();
    String task = xunzhong.taskId();

    List<HttpResponse<String>> lists = List.of(
        get("/engine-rest/task?processInstanceId=" + pid + "&maxResults=100"),
        get("/engine-rest/process-instance?processInstanceIds=" + pid + "&maxResults=100"),
        get("/engine-rest/process-instance?businessKey=" + xunzhong.caseNo() + "&maxResults=100"),
        get("/engine-rest/variable-instance?processInstanceIdIn=" + pid + "&maxResults=100"),
        get("/engine-rest/history/process-instance?processInstanceId=" + pid + "&maxResults=100"),
        get("/engine-rest/history/task?processInstanceId=" + pid + "&maxResults=100"),
        get("/engine-rest/history/variable-instance?processInstanceId=" + pid + "&maxResults=100"),
        get("/engine-rest/history/activity-instance?processInstanceId=" + pid + "&maxResults=100"),
        get("/engine-rest/history/detail?processInstanceId=" + pid + "&maxResults=100"));
    for (HttpResponse<String> list : lists) {
      assertThat(list.statusCode()).as(list.uri().toString()).isEqualTo(200);
      assertThat(json.readTree(list.body())).as(list.uri().toString()).isEmpty();
    }

    List<HttpResponse<String>> opened = List.of(
        get("/engine-rest/task/" + task),
        get("/engine-rest/task/" + task + "/variables"),
        get("/engine-rest/task/" + task + "/form-variables"),
        get("/engine-rest/process-instance/" + pid),
        get("/engine-rest/process-instance/" + pid + "/variables"),
        get("/engine-rest/process-instance/" + pid + "/variables/idNumber"),
        get("/engine-rest/history/process-instance/" + pid),
        get("/api/cases/" + xunzhong.caseNo()));
    for (HttpResponse<String> response : opened) {
      assertThat(response.statusCode()).as(response.uri().toString()).isIn(403, 404);
      assertThat(response.body()).as(response.uri().toString())
          .doesNotContain(xunzhong.idNumber()).doesNotContain("颜某斌");
    }
  }

  @Test
  void aTownshipWorkerListsOnlyTheirOwnTownshipsTasks() throws Exception {
    xunzhongCase();
    String sanban = runtime.startProcessInstanceByKey(CASE_PROCESS,
        CaseFixtures.start("sanban", "GENERAL", 132_667.0)).getId();
    var response = get("/engine-rest/task?maxResults=2000");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode visible = json.readTree(response.body());
    assertThat(visible.findValuesAsText("processInstanceId")).contains(sanban);
    for (JsonNode task : visible) {
      String pid = task.path("processInstanceId").asText();
      assertThat(runtime.getVariable(pid, "township")).as(task.toString()).isEqualTo("sanban");
    }
  }

  @Test
  void aTownshipWorkerCannotClaimCompleteOrChangeAnotherTownshipsTask() {
    Case xunzhong = xunzhongCase();
    String task = xunzhong.taskId();
    long variablesBefore = runtime.createVariableInstanceQuery()
        .processInstanceIdIn(xunzhong.processInstanceId()).count();

    List<HttpResponse<String>> attempts = List.of(
        web.postJson("/engine-rest/task/" + task + "/claim", "{\"userId\":\"sanban1\"}", "sanban1", PASSWORD),
        web.postJson("/engine-rest/task/" + task + "/complete", visitAnswers().toString(), "sanban1", PASSWORD),
        web.postJson("/engine-rest/task/" + task + "/submit-form", visitAnswers().toString(), "sanban1", PASSWORD),
        web.postJson("/engine-rest/task/" + task + "/variables",
            "{\"modifications\":{\"approvedAmount\":{\"value\":40000,\"type\":\"Long\"}}}", "sanban1", PASSWORD),
        web.putJson("/engine-rest/process-instance/" + xunzhong.processInstanceId() + "/variables/township",
            "{\"value\":\"sanban\",\"type\":\"String\"}", "sanban1", PASSWORD),
        web.postJson("/engine-rest/task/" + task + "/identity-links",
            "{\"groupId\":\"townshipSanban\",\"type\":\"candidate\"}", "sanban1", PASSWORD));
    for (HttpResponse<String> attempt : attempts) {
      assertThat(attempt.statusCode()).as(attempt.uri() + " " + attempt.body()).isIn(403, 404);
    }

    assertUntouched(xunzhong, variablesBefore);
  }

  // --- deploying --------------------------------------------------------------------------

  @Test
  void onlyDesignersDeployModels() throws Exception {
    for (String user : List.of("sanban1", "civil1", "manager1", "group1", "medical1")) {
      String name = "probe-" + user + "-" + UUID.randomUUID();
      var refused = deploy(name, user);
      assertThat(refused.statusCode()).as(user + ": " + refused.body()).isEqualTo(403);
      assertThat(repository.createDeploymentQuery().deploymentName(name).count()).as(user).isZero();
    }

    String name = "probe-designer1-" + UUID.randomUUID();
    var deployed = deploy(name, "designer1");
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    String deploymentId = json.readTree(deployed.body()).path("id").asText();
    try {
      assertThat(repository.createProcessDefinitionQuery().deploymentId(deploymentId).count()).isEqualTo(1);
    } finally {
      var deleted = web.delete("/engine-rest/deployment/" + deploymentId, "designer1", PASSWORD);
      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
    }
    assertThat(repository.createDeploymentQuery().deploymentId(deploymentId).count()).isZero();
  }

  // --- no login ---------------------------------------------------------------------------

  @Test
  void anonymousRequestsReachNothing() throws Exception {
    Case xunzhong = xunzhongCase();
    String pid = xunzhong.processInstanceId();
    String engineApi = "/camunda/api/engine/engine/default";
    List<String> paths = List.of(
        "/engine-rest/task?maxResults=10",
        "/engine-rest/task/" + xunzhong.taskId() + "/variables",
        "/engine-rest/process-instance/" + pid + "/variables",
        "/engine-rest/history/process-instance?maxResults=10",
        "/engine-rest/history/variable-instance?processInstanceId=" + pid + "&maxResults=10",
        "/engine-rest/deployment?maxResults=10",
        "/engine-rest/user?maxResults=10",
        "/engine-rest/authorization?maxResults=10",
        "/api/cases/" + xunzhong.caseNo(),
        engineApi + "/task?maxResults=10",
        engineApi + "/process-instance/" + pid + "/variables",
        engineApi + "/history/variable-instance?processInstanceId=" + pid + "&maxResults=10",
        "/camunda/api/cockpit/plugin/base/default/process-instance?maxResults=10",
        "/camunda/api/admin/auth/user/default");
    for (String path : paths) {
      var response = web.get(path, null, null);
      assertThat(response.statusCode()).as(path).isIn(401, 403, 404);
      assertThat(response.body()).as(path).doesNotContain(xunzhong.idNumber()).doesNotContain("颜某斌");
    }

    String businessKey = "ANON-" + UUID.randomUUID();
    List<HttpResponse<String>> changes = List.of(
        web.postJson("/engine-rest/process-definition/key/" + CASE_PROCESS + "/start",
            "{\"businessKey\":\"" + businessKey + "\",\"variables\":{}}", null, null),
        web.postJson("/engine-rest/task/" + xunzhong.taskId() + "/complete", visitAnswers().toString(), null, null),
        web.delete("/engine-rest/process-instance/" + pid, null, null),
        web.postJson("/api/screening/imports", "{}", null, null),
        web.postJson("/api/calendar/reload", "{}", null, null),
        web.postJson(engineApi + "/task/" + xunzhong.taskId() + "/complete", visitAnswers().toString(), null, null),
        deploy("anonymous-" + businessKey, null));
    for (HttpResponse<String> change : changes) {
      assertThat(change.statusCode()).as(change.uri().toString()).isIn(401, 403);
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count()).isZero();
    assertThat(repository.createDeploymentQuery().deploymentName("anonymous-" + businessKey).count()).isZero();
    assertUntouched(xunzhong, runtime.createVariableInstanceQuery().processInstanceIdIn(pid).count());
  }

  // --- county roles -----------------------------------------------------------------------

  @Test
  void managersReadEveryCaseButChangeNothing() throws Exception {
    Case xunzhong = xunzhongCase();
    String pid = xunzhong.processInstanceId();
    String task = xunzhong.taskId();
    long variablesBefore = runtime.createVariableInstanceQuery().processInstanceIdIn(pid).count();

    assertThat(get("/engine-rest/process-instance/" + pid, "manager1").statusCode()).isEqualTo(200);
    assertThat(json.readTree(get("/engine-rest/task?processInstanceId=" + pid + "&maxResults=10", "manager1").body()))
        .hasSize(1);
    assertThat(json.readTree(get("/engine-rest/history/process-instance?processInstanceId=" + pid
        + "&maxResults=10", "manager1").body())).hasSize(1);

    List<HttpResponse<String>> attempts = List.of(
        web.postJson("/engine-rest/task/" + task + "/complete", visitAnswers().toString(), "manager1", PASSWORD),
        web.postJson("/engine-rest/task/" + task + "/claim", "{\"userId\":\"manager1\"}", "manager1", PASSWORD),
        web.delete("/engine-rest/process-instance/" + pid, "manager1", PASSWORD),
        web.putJson("/engine-rest/process-instance/" + pid + "/suspended", "{\"suspended\":true}", "manager1", PASSWORD),
        web.putJson("/engine-rest/process-instance/" + pid + "/variables/approvedAmount",
            "{\"value\":40000,\"type\":\"Long\"}", "manager1", PASSWORD),
        web.delete("/engine-rest/history/process-instance/" + pid, "manager1", PASSWORD));
    for (HttpResponse<String> attempt : attempts) {
      assertThat(attempt.statusCode()).as(attempt.uri() + " " + attempt.body()).isEqualTo(403);
    }

    assertUntouched(xunzhong, variablesBefore);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pid).count()).isEqualTo(1);
  }

  @Test
  void theLeadingGroupCannotClaimATownshipTask() throws Exception {
    Case xunzhong = xunzhongCase();
    long variablesBefore = runtime.createVariableInstanceQuery()
        .processInstanceIdIn(xunzhong.processInstanceId()).count();

    var claim = web.postJson("/engine-rest/task/" + xunzhong.taskId() + "/claim",
        "{\"userId\":\"group1\"}", "group1", PASSWORD);
    assertThat(claim.statusCode()).as(claim.body()).isIn(403, 404);
    var complete = web.postJson("/engine-rest/task/" + xunzhong.taskId() + "/complete",
        visitAnswers().toString(), "group1", PASSWORD);
    assertThat(complete.statusCode()).as(complete.body()).isIn(403, 404);
    assertThat(json.readTree(get("/engine-rest/task?processInstanceId=" + xunzhong.processInstanceId()
        + "&maxResults=10", "group1").body())).isEmpty();

    assertUntouched(xunzhong, variablesBefore);
  }

  @Test
  void countyStaffSeeTheCountysCasesButWorkOnlyTheirOwnSteps() throws Exception {
    Case xunzhong = xunzhongCase();
    Case other = xunzhongCase();
    String pids = xunzhong.processInstanceId() + "," + other.processInstanceId();

    assertThat(json.readTree(get("/engine-rest/process-instance?processInstanceIds=" + pids
        + "&maxResults=10", "civil1").body())).hasSize(2);
    assertThat(json.readTree(get("/engine-rest/task?processInstanceId=" + xunzhong.processInstanceId()
        + "&maxResults=10", "civil1").body())).hasSize(1);
    assertThat(json.readTree(get("/engine-rest/history/variable-instance?processInstanceId="
        + xunzhong.processInstanceId() + "&variableName=idNumber&maxResults=10", "civil1").body()))
        .hasSize(1);
    assertThat(get("/engine-rest/process-instance/" + xunzhong.processInstanceId() + "/variables", "leader1")
        .statusCode()).isEqualTo(200);

    // the first home visit is the township's work, not the county's
    var complete = web.postJson("/engine-rest/task/" + xunzhong.taskId() + "/complete",
        visitAnswers().toString(), "civil1", PASSWORD);
    assertThat(complete.statusCode()).as(complete.body()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(xunzhong.taskId()).count()).isEqualTo(1);
  }

  @Test
  void partnerDepartmentsAndDesignersSeeNoCaseData() throws Exception {
    Case xunzhong = xunzhongCase();
    for (String user : List.of("medical1", "charity1", "disabled1", "designer1")) {
      assertThat(json.readTree(get("/engine-rest/task?processInstanceId=" + xunzhong.processInstanceId()
          + "&maxResults=10", user).body())).as(user).isEmpty();
      assertThat(json.readTree(get("/engine-rest/history/process-instance?processInstanceId="
          + xunzhong.processInstanceId() + "&maxResults=10", user).body())).as(user).isEmpty();
      assertThat(get("/engine-rest/process-instance/" + xunzhong.processInstanceId() + "/variables", user)
          .statusCode()).as(user).isIn(403, 404);
    }
  }

  // --- what the work needs ----------------------------------------------------------------

  @Test
  void aTownshipWorkerReportsSeesAndCompletesTheirOwnCase() throws Exception {
    Map<String, Object> start = CaseFixtures.report("GENERAL", 132_667.0);
    ObjectNode variables = json.createObjectNode();
    start.forEach((name, value) -> variables.set(name, typed(value)));
    ObjectNode body = json.createObjectNode();
    body.set("variables", variables);

    var started = web.postJson("/engine-rest/process-definition/key/" + CASE_PROCESS + "/start",
        body.toString(), "sanban1", PASSWORD);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String pid = json.readTree(started.body()).path("id").asText();

    JsonNode visible = json.readTree(get("/engine-rest/task?processInstanceId=" + pid + "&maxResults=10").body());
    assertThat(visible).hasSize(1);
    assertThat(visible.get(0).path("taskDefinitionKey").asText()).isEqualTo("firstVisit");
    String task = visible.get(0).path("id").asText();

    var formVariables = get("/engine-rest/task/" + task + "/form-variables");
    assertThat(formVariables.statusCode()).isEqualTo(200);
    assertThat(json.readTree(formVariables.body()).path("idNumberMasked").path("value").asText())
        .matches("\\d{6}\\*{8}\\d{3}[\\dX]");
    assertThat(get("/engine-rest/process-instance/" + pid + "/variables").statusCode()).isEqualTo(200);

    // another township sees none of it
    assertThat(json.readTree(get("/engine-rest/task?processInstanceId=" + pid + "&maxResults=10", "xunzhong1")
        .body())).isEmpty();

    var completed = web.postJson("/engine-rest/task/" + task + "/complete", visitAnswers().toString(),
        "sanban1", PASSWORD);
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().processInstanceId(pid).singleResult().getTaskDefinitionKey())
        .isEqualTo("preliminaryOpinion");

    assertThat(json.readTree(get("/engine-rest/history/process-instance?processInstanceId=" + pid
        + "&maxResults=10").body())).hasSize(1);
    assertThat(json.readTree(get("/engine-rest/history/task?processInstanceId=" + pid
        + "&maxResults=10").body())).hasSize(2);
    assertThat(json.readTree(get("/engine-rest/history/variable-instance?processInstanceId=" + pid
        + "&variableName=visitFindings&maxResults=10").body())).hasSize(1);
  }

  @Test
  void theLeadingGroupSeesItsApprovalTaskAndTheCaseOnceGranted() throws Exception {
    Case xunzhong = xunzhongCase();
    String pid = xunzhong.processInstanceId();
    tasks.complete(xunzhong.taskId(), CaseFixtures.visit(true, false));
    tasks.complete(tasks.createTaskQuery().processInstanceId(pid).singleResult().getId(),
        CaseFixtures.opinion(true, 19_900, 0));
    tasks.complete(tasks.createTaskQuery().processInstanceId(pid).singleResult().getId(),
        CaseFixtures.review(true, 19_900));

    JsonNode approval = json.readTree(get("/engine-rest/task?processInstanceId=" + pid + "&maxResults=10",
        "group2").body());
    assertThat(approval).hasSize(1);
    assertThat(approval.get(0).path("taskDefinitionKey").asText()).isEqualTo("groupApproval");
    assertThat(get("/engine-rest/task/" + approval.get(0).path("id").asText() + "/form-variables", "group2")
        .statusCode()).isEqualTo(200);

    // as a controller serving a logged-in member would call it: the member's own rights do not
    // include creating authorizations, and need not
    identity.setAuthentication("group2", List.of(Groups.LEADING_GROUP));
    try {
      caseAccess.grantLeadingGroup(pid);
    } finally {
      identity.clearAuthentication();
    }
    assertThat(get("/engine-rest/process-instance/" + pid, "group2").statusCode()).isEqualTo(200);
    assertThat(json.readTree(get("/engine-rest/history/task?processInstanceId=" + pid + "&maxResults=10",
        "group2").body())).hasSize(4);
    // the approval is the leading group's: no township sees or claims it
    assertThat(json.readTree(get("/engine-rest/task?processInstanceId=" + pid + "&maxResults=10",
        "xunzhong1").body())).isEmpty();
  }

  // --- helpers ----------------------------------------------------------------------------

  void assertUntouched(Case c, long variablesBefore) {
    Task task = tasks.createTaskQuery().taskId(c.taskId()).singleResult();
    assertThat(task).as("the first visit is still open").isNotNull();
    assertThat(task.getAssignee()).isNull();
    assertThat(task.isSuspended()).isFalse();
    assertThat(tasks.getIdentityLinksForTask(c.taskId()))
        .allSatisfy(link -> assertThat(link.getGroupId()).isEqualTo("townshipXunzhong"));
    assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(c.processInstanceId()).count())
        .isEqualTo(variablesBefore);
    assertThat(runtime.getVariable(c.processInstanceId(), "township")).isEqualTo("xunzhong");
    assertThat(runtime.getVariable(c.processInstanceId(), "visitFindings")).isNull();
    assertThat(runtime.getVariable(c.processInstanceId(), "approvedAmount")).isNull();
  }

  HttpResponse<String> get(String path) {
    return get(path, "sanban1");
  }

  HttpResponse<String> get(String path, String user) {
    return web.get(path, user, PASSWORD);
  }

  ObjectNode visitAnswers() {
    ObjectNode variables = json.createObjectNode();
    CaseFixtures.visit(true, true).forEach((name, value) -> variables.set(name, typed(value)));
    ObjectNode body = json.createObjectNode();
    body.set("variables", variables);
    return body;
  }

  ObjectNode typed(Object value) {
    ObjectNode node = json.createObjectNode();
    node.set("value", json.valueToTree(value));
    node.put("type", value.getClass().getSimpleName());
    return node;
  }

  HttpResponse<String> deploy(String name, String user) {
    String key = "probe" + UUID.randomUUID().toString().replace("-", "");
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="probeDefinitions"
            targetNamespace="http://jiuji.cn/probe">
          <bpmn:process id="%s" name="部署权限探测" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="probeStarted" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key);
    return web.postMultipart("/engine-rest/deployment/create", Map.of("deployment-name", name),
        "probe.bpmn", "probe.bpmn", bpmn.getBytes(StandardCharsets.UTF_8), user, PASSWORD);
  }
}
