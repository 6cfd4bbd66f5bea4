package cn.jiuji.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.assistance.CaseFixtures;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SPEC §12, the attack suite: what an outside tester tried against the running application (as the
 * demo users and as an anonymous client), each attempt over HTTP, each asserting its refusal (the
 * status and, where it matters, the Chinese reason) and that nothing changed: the cases, their
 * variables, tasks, assignees and candidates, comments, the ledger, deployments, users, groups and
 * authorizations read the same after the attempt as before it. A read that must show nothing
 * asserts that the answer holds none of what it must not show.
 */
@ApplicationTest
class AttackSuiteTest {

  static final String PASSWORD = "demo";
  static final String WEBAPP_API = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired JdbcTemplate jdbc;
  WebClient web;

  /** One attempt: who, what request, the status it must get and what the answer must not hold. */
  record Attempt(String name, Supplier<HttpResponse<String>> request, int status, String mustContain,
      List<String> mustNotContain) {}

  ProcessInstance sanban;
  Task approval;
  ProcessInstance xunzhong;
  Task visit;
  String sanbanId;

  @TestFactory
  Stream<DynamicTest> everyAttemptIsRefusedAndChangesNothing() {
    web = new WebClient(port);
    // a sanban case waiting for the leading group (reviewed at 12,200), a xunzhong case at its first visit
    var start = CaseFixtures.start("sanban", "GENERAL", 132_667.0);
    sanbanId = (String) start.get("idNumber");
    sanban = runtime.startProcessInstanceByKey("temporaryAssistance", start);
    complete(sanban, CaseFixtures.visit(true, false));
    complete(sanban, CaseFixtures.opinion(true, 12_200, 0));
    complete(sanban, CaseFixtures.review(true, 12_200));
    approval = open(sanban);
    assertThat(approval.getTaskDefinitionKey()).isEqualTo("groupApproval");
    xunzhong = runtime.startProcessInstanceByKey("temporaryAssistance", CaseFixtures.start("xunzhong", "GENERAL", 90_000.0));
    visit = open(xunzhong);

    List<Attempt> attempts = new ArrayList<>();
    anonymous(attempts);
    anotherTownship(attempts);
    handOver(attempts);
    money(attempts);
    smuggling(attempts);
    designers(attempts);
    readOnlyManagers(attempts);
    administratorsOnly(attempts);
    payments(attempts);
    sensitiveData(attempts);
    assertThat(attempts).as("the attack suite's size").hasSizeGreaterThanOrEqualTo(60);

    return attempts.stream().map(attempt -> DynamicTest.dynamicTest(attempt.name(), () -> {
      Map<String, Object> before = state();
      HttpResponse<String> response = attempt.request().get();
      assertThat(response.statusCode()).as("%s: %s", attempt.name(), response.body()).isEqualTo(attempt.status());
      if (attempt.mustContain() != null) {
        assertThat(response.body()).as(attempt.name()).contains(attempt.mustContain());
      }
      for (String hidden : attempt.mustNotContain()) {
        assertThat(response.body()).as("%s shows nothing of %s", attempt.name(), hidden).doesNotContain(hidden);
      }
      assertThat(state()).as("%s changed nothing", attempt.name()).isEqualTo(before);
    }));
  }

  // --- the families of attempts ---------------------------------------------------------------

  void anonymous(List<Attempt> a) {
    String caseNo = sanban.getBusinessKey();
    for (String path : List.of("/api/cases", "/api/cases/" + caseNo, "/api/cases/" + caseNo + "/file",
        "/api/cases/" + caseNo + "/approval-form.pdf", "/api/calendar/due?at=2026-06-12T10:00:00Z",
        "/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/user", "/engine-rest/history/variable-instance",
        "/engine-rest/process-instance/" + sanban.getId() + "/variables", WEBAPP_API + "/task")) {
      a.add(attempt("anonymous GET " + path, () -> web.get(path, null, null), 401));
    }
    a.add(attempt("anonymous completes a task", () -> web.postJson("/engine-rest/task/" + visit.getId() + "/complete",
        body(CaseFixtures.visit(true, false)), null, null), 401));
    a.add(attempt("anonymous starts a case", () -> web.postJson(
        "/engine-rest/process-definition/key/temporaryAssistance/start", body(CaseFixtures.report("GENERAL", 90_000)), null, null), 401));
    a.add(attempt("anonymous deploys", () -> web.postMultipart("/engine-rest/deployment/create", Map.of("deployment-name", "x"),
        "data", "x.bpmn", "<x/>".getBytes(StandardCharsets.UTF_8), null, null), 401));
    // (a user the other attempts do not use: a failed login holds that user's next login back a while)
    a.add(attempt("a wrong password", () -> web.get("/engine-rest/task", "medical1", "guess"), 401));
    a.add(new Attempt("a task that does not exist", () -> web.postJson("/engine-rest/task/no-such-task/complete",
        body(CaseFixtures.visit(true, false)), "xunzhong1", PASSWORD), 404, "该任务不存在", List.of()));
    a.add(attempt("anonymous reloads the calendar", () -> web.postJson("/api/calendar/reload", "", null, null), 401));
  }

  void anotherTownship(List<Attempt> a) {
    String caseNo = sanban.getBusinessKey();
    List<String> secret = List.of(sanbanId, "颜某斌");
    for (String path : List.of("/api/cases/" + caseNo, "/api/cases/" + caseNo + "/file",
        "/api/cases/" + caseNo + "/approval-form.pdf")) {
      a.add(new Attempt("xunzhong1 reads sanban's " + path, () -> web.get(path, "xunzhong1", PASSWORD), 404,
          "未找到案件", secret));
    }
    a.add(new Attempt("xunzhong1 lists cases", () -> web.get("/api/cases", "xunzhong1", PASSWORD), 200, null,
        List.of(caseNo)));
    a.add(new Attempt("xunzhong1 reads sanban's variables", () -> web.get(
        "/engine-rest/process-instance/" + sanban.getId() + "/variables", "xunzhong1", PASSWORD), 403, null, secret));
    a.add(new Attempt("xunzhong1 reads the approval task's form variables", () -> web.get(
        "/engine-rest/task/" + approval.getId() + "/form-variables", "xunzhong1", PASSWORD), 403, null, secret));
    a.add(new Attempt("xunzhong1 reads sanban's history", () -> web.get(
        "/engine-rest/history/variable-instance?processInstanceId=" + sanban.getId() + "&maxResults=50", "xunzhong1", PASSWORD),
        200, null, secret));
    a.add(attempt("xunzhong1 claims sanban's approval", () -> web.postJson(
        "/engine-rest/task/" + approval.getId() + "/claim", "{\"userId\": \"xunzhong1\"}", "xunzhong1", PASSWORD), 403));
    a.add(attempt("xunzhong1 completes sanban's approval", () -> web.postJson(
        "/engine-rest/task/" + approval.getId() + "/complete", body(CaseFixtures.approval(true, 12_200)), "xunzhong1", PASSWORD), 403));
    a.add(attempt("xunzhong1 writes a variable of sanban's case", () -> web.putJson(
        "/engine-rest/process-instance/" + sanban.getId() + "/variables/approvedAmount", "{\"value\": 40000, \"type\": \"Long\"}",
        "xunzhong1", PASSWORD), 403));
    a.add(attempt("sanban1 completes xunzhong's first visit", () -> web.postJson(
        "/engine-rest/task/" + visit.getId() + "/complete", body(CaseFixtures.visit(true, false)), "sanban1", PASSWORD), 403));
    a.add(attempt("sanban1 reports a xunzhong family", () -> web.postJson(
        "/engine-rest/process-definition/key/temporaryAssistance/start",
        body(CaseFixtures.report("GENERAL", 90_000), Map.of("township", "xunzhong")), "sanban1", PASSWORD), 400));
  }

  void handOver(List<Attempt> a) {
    a.add(new Attempt("group1 hands the approval to a township worker", () -> web.postJson(
        "/engine-rest/task/" + approval.getId() + "/assignee", "{\"userId\": \"xunzhong1\"}", "group1", PASSWORD), 403, "不能交给其办理", List.of()));
    a.add(new Attempt("group1 delegates the approval to civil1", () -> web.postJson(
        "/engine-rest/task/" + approval.getId() + "/delegate", "{\"userId\": \"civil1\"}", "group1", PASSWORD), 403, "不能交给其办理", List.of()));
    a.add(new Attempt("xunzhong1 hands its visit to sanban1", () -> web.postJson(
        "/engine-rest/task/" + visit.getId() + "/assignee", "{\"userId\": \"sanban1\"}", "xunzhong1", PASSWORD), 403, "不能交给其办理", List.of()));
    a.add(new Attempt("xunzhong1 adds sanban's group as a candidate", () -> web.postJson(
        "/engine-rest/task/" + visit.getId() + "/identity-links", "{\"groupId\": \"townshipSanban\", \"type\": \"candidate\"}",
        "xunzhong1", PASSWORD), 403, "不能再交给", List.of()));
    a.add(new Attempt("group1 makes a township worker the approval's owner", () -> web.putJson(
        "/engine-rest/task/" + approval.getId(), "{\"name\": \"审批\", \"owner\": \"sanban1\"}", "group1", PASSWORD), 403, "不能交给其办理", List.of()));
  }

  void money(List<Attempt> a) {
    String complete = "/engine-rest/task/" + approval.getId() + "/complete";
    a.add(attempt("an approval above the reviewed amount with a blank reason", () -> web.postJson(complete,
        body(CaseFixtures.approval(true, 20_000), Map.of("approvalNote", " \u3000 ")), "group1", PASSWORD), 400));
    a.add(attempt("an overridden approval of 100,000,000,000", () -> web.postJson(complete,
        body(CaseFixtures.approval(true, 100_000_000_000L), Map.of("capOverride", true, "capOverrideReason", "特殊情况",
            "approvalNote", "领导小组研究同意")), "group1", PASSWORD), 400));
    a.add(attempt("a cap override whose reason is a full-width space", () -> web.postJson(complete,
        body(CaseFixtures.approval(true, 45_000), Map.of("capOverride", true, "capOverrideReason", "\u3000",
            "approvalNote", "领导小组研究同意")), "group1", PASSWORD), 400));
    a.add(attempt("a negative approved amount", () -> web.postJson(complete,
        body(CaseFixtures.approval(true, -5_000)), "group1", PASSWORD), 400));
    a.add(attempt("an approved amount as text", () -> web.postJson(complete,
        "{\"variables\": {\"approved\": {\"value\": true}, \"approvedAmount\": {\"value\": \"一万\"},"
            + " \"approvalNote\": {\"value\": \"同意\"}}}", "group1", PASSWORD), 400));
    a.add(attempt("an approved amount of NaN", () -> web.postJson(complete,
        "{\"variables\": {\"approved\": {\"value\": true}, \"approvedAmount\": {\"value\": \"NaN\", \"type\": \"Double\"},"
            + " \"approvalNote\": {\"value\": \"同意\"}}}", "group1", PASSWORD), 400));
    a.add(attempt("an approval above the cap without an override", () -> web.postJson(complete,
        body(CaseFixtures.approval(true, 45_000), Map.of("approvalNote", "领导小组研究同意按45000救助")), "group1", PASSWORD), 400));
    a.add(attempt("an approved amount sent as a Java object", () -> web.postJson(complete,
        "{\"variables\": {\"approved\": {\"value\": true}, \"approvalNote\": {\"value\": \"同意\"}, \"approvedAmount\":"
            + " {\"value\": \"{}\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"java.util.HashMap\","
            + " \"serializationDataFormat\": \"application/json\"}}}}", "group1", PASSWORD), 400));
  }

  void smuggling(List<Attempt> a) {
    String visitComplete = "/engine-rest/task/" + visit.getId() + "/complete";
    a.add(attempt("a township worker stores approvedAmount with its visit", () -> web.postJson(visitComplete,
        body(CaseFixtures.visit(true, false), Map.of("approvedAmount", 40_000L)), "xunzhong1", PASSWORD), 400));
    a.add(attempt("a township worker moves its case to another township", () -> web.postJson(visitComplete,
        body(CaseFixtures.visit(true, false), Map.of("township", "sanban")), "xunzhong1", PASSWORD), 400));
    a.add(attempt("a changed read-only case number", () -> web.postJson(visitComplete,
        body(CaseFixtures.visit(true, false), Map.of("caseNo", "YSYY-2020-00001")), "xunzhong1", PASSWORD), 400));
    a.add(attempt("a household of 1,000", () -> web.postJson(visitComplete,
        body(CaseFixtures.visit(true, false), Map.of("householdSize", 1_000L)), "xunzhong1", PASSWORD), 400));
    a.add(attempt("findings of 2,500 characters", () -> web.postJson(visitComplete,
        body(CaseFixtures.visit(true, false), Map.of("visitFindings", "困".repeat(2_500))), "xunzhong1", PASSWORD), 400));
    a.add(attempt("a start with a business key of one's own", () -> web.postJson(
        "/engine-rest/process-definition/key/temporaryAssistance/start",
        "{\"businessKey\": \"YSYY-2020-00001\", " + body(CaseFixtures.report("GENERAL", 90_000)).substring(1), "sanban1", PASSWORD), 400));
    a.add(attempt("a start half-way, at the approval", () -> web.postJson(
        "/engine-rest/process-definition/key/temporaryAssistance/start",
        "{\"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"groupApproval\"}]}", "sanban1", PASSWORD), 400));
    a.add(attempt("a second open case of the same household", () -> web.postJson(
        "/engine-rest/process-definition/key/temporaryAssistance/start",
        body(CaseFixtures.report("GENERAL", 90_000), Map.of("idNumber", sanbanId)), "sanban1", PASSWORD), 400));
    a.add(attempt("a variable written outside any form", () -> web.postJson(
        "/engine-rest/process-instance/" + xunzhong.getId() + "/variables",
        "{\"modifications\": {\"approvedAmount\": {\"value\": 40000}}}", "xunzhong1", PASSWORD), 403));
    a.add(attempt("a visit as a Java object", () -> web.postJson(visitComplete,
        "{\"variables\": {\"visitFindings\": {\"value\": \"{}\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\":"
            + " \"org.springframework.context.support.GenericApplicationContext\", \"serializationDataFormat\": \"application/json\"}}}}",
        "xunzhong1", PASSWORD), 400));
  }

  void designers(List<Attempt> a) {
    String exec = model("exfiltrate", "camunda:expression=\"${T(java.lang.Runtime).getRuntime().exec('id')}\"");
    a.add(attempt("a designer deploys Runtime.exec", () -> web.postMultipart("/engine-rest/deployment/create",
        Map.of("deployment-name", "exfiltrate"), "data", "exfiltrate.bpmn", exec.getBytes(StandardCharsets.UTF_8),
        "designer1", PASSWORD), 400));
    String script = model("scripted", "").replace("<bpmn:serviceTask id=\"step\" name=\"查询户籍\" />",
        "<bpmn:scriptTask id=\"step\" name=\"查询户籍\" scriptFormat=\"javascript\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>");
    a.add(attempt("a designer deploys a script task", () -> web.postMultipart("/engine-rest/deployment/create",
        Map.of("deployment-name", "scripted"), "data", "scripted.bpmn", script.getBytes(StandardCharsets.UTF_8),
        "designer1", PASSWORD), 400));
    String main = repository.createDeploymentQuery().deploymentName("jiuji").list().get(0).getId();
    a.add(attempt("a designer deletes the models with every case (cascade)", () -> web.delete(
        "/engine-rest/deployment/" + main + "?cascade=true", "designer1", PASSWORD), 403));
    a.add(attempt("a township worker deploys", () -> web.postMultipart("/engine-rest/deployment/create",
        Map.of("deployment-name", "mine"), "data", "mine.bpmn", model("mine", "").getBytes(StandardCharsets.UTF_8),
        "sanban1", PASSWORD), 403));
  }

  void readOnlyManagers(List<Attempt> a) {
    a.add(attempt("manager1 comments on a task", () -> web.postJson("/engine-rest/task/" + approval.getId() + "/comment/create",
        "{\"message\": \"催一下\"}", "manager1", PASSWORD), 403));
    a.add(attempt("manager1 claims a task", () -> web.postJson("/engine-rest/task/" + approval.getId() + "/claim",
        "{\"userId\": \"manager1\"}", "manager1", PASSWORD), 403));
    a.add(attempt("manager1 completes a task", () -> web.postJson("/engine-rest/task/" + approval.getId() + "/complete",
        body(CaseFixtures.approval(true, 12_200)), "manager1", PASSWORD), 403));
    a.add(attempt("manager1 starts a case", () -> web.postJson("/engine-rest/process-definition/key/temporaryAssistance/start",
        body(CaseFixtures.report("GENERAL", 90_000)), "manager1", PASSWORD), 403));
    a.add(attempt("leader1 approves money", () -> web.postJson("/engine-rest/task/" + approval.getId() + "/complete",
        body(CaseFixtures.approval(true, 12_200)), "leader1", PASSWORD), 403));
    a.add(attempt("civil1 approves money", () -> web.postJson("/engine-rest/task/" + approval.getId() + "/complete",
        body(CaseFixtures.approval(true, 12_200)), "civil1", PASSWORD), 403));
  }

  void administratorsOnly(List<Attempt> a) {
    a.add(attempt("civil1 creates a user", () -> web.postJson("/engine-rest/user/create",
        "{\"profile\": {\"id\": \"mole\", \"firstName\": \"\", \"lastName\": \"内鬼\"}, \"credentials\": {\"password\": \"x\"}}",
        "civil1", PASSWORD), 403));
    a.add(attempt("civil1 joins the administrators", () -> web.putJson("/engine-rest/group/camunda-admin/members/civil1", "",
        "civil1", PASSWORD), 403));
    a.add(attempt("sanban1 grants itself every case", () -> web.postJson("/engine-rest/authorization/create",
        "{\"type\": 1, \"permissions\": [\"ALL\"], \"userId\": \"sanban1\", \"resourceType\": 8, \"resourceId\": \"*\"}",
        "sanban1", PASSWORD), 403));
    a.add(attempt("civil1 deletes a case", () -> web.delete("/engine-rest/process-instance/" + xunzhong.getId(), "civil1", PASSWORD), 403));
    a.add(attempt("civil1 moves a case to the approval", () -> web.postJson(
        "/engine-rest/process-instance/" + xunzhong.getId() + "/modification",
        "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"groupApproval\"}]}", "civil1", PASSWORD), 403));
    a.add(attempt("civil1 suspends a case", () -> web.putJson("/engine-rest/process-instance/" + xunzhong.getId() + "/suspended",
        "{\"suspended\": true}", "civil1", PASSWORD), 403));
    a.add(attempt("civil1 correlates a message", () -> web.postJson("/engine-rest/message",
        "{\"messageName\": \"anything\"}", "civil1", PASSWORD), 403));
    a.add(attempt("civil1 throws a BPMN error into a task", () -> web.postJson("/engine-rest/task/" + visit.getId() + "/bpmnError",
        "{\"errorCode\": \"x\"}", "civil1", PASSWORD), 403));
    a.add(attempt("civil1 reloads the calendar", () -> web.postJson("/api/calendar/reload", "", "civil1", PASSWORD), 403));
    a.add(attempt("sanban1 sets a job's retries", () -> web.putJson("/engine-rest/job/retries",
        "{\"retries\": 5, \"processInstances\": [\"" + sanban.getId() + "\"]}", "sanban1", PASSWORD), 403));
    a.add(attempt("sanban1 deletes a task variable outside its form", () -> web.delete(
        "/engine-rest/task/" + visit.getId() + "/variables/township", "sanban1", PASSWORD), 403));
  }

  void payments(List<Attempt> a) {
    a.add(attempt("sanban1 downloads a payment list with full account and ID numbers", () -> web.get(
        "/api/batches/" + sanban.getBusinessKey() + "/payment-list", "sanban1", PASSWORD), 403));
    a.add(attempt("manager1 downloads a payment list", () -> web.get(
        "/api/batches/" + sanban.getBusinessKey() + "/payment-list?format=csv", "manager1", PASSWORD), 403));
    a.add(attempt("sanban1 imports a bank return that pays its family", () -> web.postMultipart(
        "/api/batches/" + sanban.getBusinessKey() + "/bank-return", Map.of(), "file", "return.csv",
        ("案件编号,银行账号,金额,发放结果,失败原因\n" + sanban.getBusinessKey() + ",6230351234567891234,12200,成功,\n")
            .getBytes(StandardCharsets.UTF_8), "sanban1", PASSWORD), 403));
    a.add(new Attempt("group1 reads the family's bank account", () -> web.get(
        "/engine-rest/process-instance/" + sanban.getId() + "/variables", "group1", PASSWORD), 200, null,
        List.of("6230351234567891234")));
  }

  void sensitiveData(List<Attempt> a) {
    List<String> id = List.of(sanbanId);
    a.add(new Attempt("manager1 reads a family's ID number in Cockpit's variables", () -> web.get(
        "/engine-rest/process-instance/" + sanban.getId() + "/variables", "manager1", PASSWORD), 200, null, id));
    a.add(new Attempt("manager1 reads it in the history", () -> web.get(
        "/engine-rest/history/variable-instance?processInstanceId=" + sanban.getId() + "&maxResults=100", "manager1", PASSWORD),
        200, null, id));
    a.add(new Attempt("group1 reads it in the approval's form variables", () -> web.get(
        "/engine-rest/task/" + approval.getId() + "/form-variables", "group1", PASSWORD), 200, null, id));
    a.add(new Attempt("leader1 reads it by name", () -> web.get(
        "/engine-rest/process-instance/" + sanban.getId() + "/variables/idNumber", "leader1", PASSWORD), 200, null, id));
    a.add(new Attempt("sanban1 sees the county's instance count", () -> web.get(
        "/engine-rest/process-definition/statistics", "sanban1", PASSWORD), 403, null, List.of()));
  }

  // --- what must not change -------------------------------------------------------------------

  Map<String, Object> state() {
    Map<String, Object> state = new TreeMap<>();
    state.put("instances", runtime.createProcessInstanceQuery().count());
    state.put("historic instances", history.createHistoricProcessInstanceQuery().count());
    state.put("deployments", repository.createDeploymentQuery().count());
    state.put("users", identity.createUserQuery().count());
    state.put("groups", identity.createGroupQuery().count());
    state.put("authorizations", authorizations.createAuthorizationQuery().count());
    state.put("ledger", jdbc.queryForList("SELECT case_no, source, amount FROM grant_ledger ORDER BY id").toString());
    state.put("cap overrides", jdbc.queryForObject("SELECT COUNT(*) FROM cap_override", Long.class));
    for (ProcessInstance instance : List.of(sanban, xunzhong)) {
      state.put(instance.getBusinessKey() + " variables", new TreeMap<>(runtime.getVariables(instance.getId())).toString());
      state.put(instance.getBusinessKey() + " suspended", runtime.createProcessInstanceQuery()
          .processInstanceId(instance.getId()).singleResult().isSuspended());
      for (Task task : tasks.createTaskQuery().processInstanceId(instance.getId()).list()) {
        state.put("task " + task.getTaskDefinitionKey() + " of " + instance.getBusinessKey(),
            task.getId() + " assignee=" + task.getAssignee() + " owner=" + task.getOwner() + " delegation="
                + task.getDelegationState() + " links=" + tasks.getIdentityLinksForTask(task.getId()).stream()
                .map(link -> link.getType() + ":" + link.getGroupId() + ":" + link.getUserId()).sorted().toList()
                + " comments=" + tasks.getTaskComments(task.getId()).size()
                + " variables=" + new TreeMap<>(tasks.getVariablesLocal(task.getId())));
      }
    }
    return state;
  }

  // --- helpers -----------------------------------------------------------------------------------

  Attempt attempt(String name, Supplier<HttpResponse<String>> request, int status) {
    return new Attempt(name, request, status, null, List.of());
  }

  void complete(ProcessInstance instance, Map<String, Object> answers) {
    tasks.complete(open(instance).getId(), answers);
  }

  Task open(ProcessInstance instance) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  /** A one-step model whose service task carries the given attributes. */
  static String model(String key, String attributes) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://jiuji.cn/attack">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="step" />
            <bpmn:serviceTask id="step" name="查询户籍" %s />
            <bpmn:sequenceFlow id="f2" sourceRef="step" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>""".formatted(key, attributes).replace(" name=\"查询户籍\"  />", " name=\"查询户籍\" />");
  }

  @SafeVarargs
  final String body(Map<String, Object>... parts) {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var variables = json.createObjectNode();
    for (Map<String, Object> part : parts) {
      part.forEach((name, value) -> variables.putObject(name)
          .put("type", value.getClass().getSimpleName())
          .set("value", json.valueToTree(value)));
    }
    var body = json.createObjectNode();
    body.set("variables", variables);
    return body.toString();
  }
}
