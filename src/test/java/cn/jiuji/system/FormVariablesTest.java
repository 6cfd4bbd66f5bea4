package cn.jiuji.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.assistance.CaseFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A worker submits what the task's form shows and nothing else (FormVariablesFilter), over the
 * REST API and through Tasklist's own API alike; an administrator is not held to the forms.
 */
@ApplicationTest
class FormVariablesTest {

  static final String PASSWORD = "demo";
  static final String TASKLIST_API = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  final ObjectMapper json = new ObjectMapper();
  WebClient web;

  @BeforeEach
  void client() {
    web = new WebClient(port);
  }

  record Case(String processInstanceId, String caseNo, String taskId) {}

  /** A xunzhong case, started by the system, waiting at the township's first home visit. */
  Case xunzhongCase() {
    var instance = runtime.startProcessInstanceByKey("temporaryAssistance",
        CaseFixtures.start("xunzhong", "GENERAL", 132_667.0));
    var visit = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(visit.getTaskDefinitionKey()).isEqualTo("firstVisit");
    return new Case(instance.getId(), instance.getBusinessKey(), visit.getId());
  }

  // --- completing a task over the REST API ------------------------------------------------

  @Test
  void aTownshipWorkerCompletesTheFirstVisitWithTheFormsFields() throws Exception {
    Case c = xunzhongCase();

    var response = web.postJson("/engine-rest/task/" + c.taskId() + "/complete",
        body(CaseFixtures.visit(true, false)), "xunzhong1", PASSWORD);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().processInstanceId(c.processInstanceId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo("preliminaryOpinion");
    assertThat(runtime.getVariable(c.processInstanceId(), "householdSize")).isEqualTo(4L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Object", "File", "Bytes", "Xml"})
  void aFormFieldSentAsAJavaObjectOrFileIsRefusedAndTheCaseStillAnswers(String type) throws Exception {
    Case c = xunzhongCase();
    ObjectNode body = (ObjectNode) json.readTree(body(CaseFixtures.visit(true, false)));
    ObjectNode findings = json.createObjectNode();
    findings.put("type", type);
    findings.put("value", "{}");
    findings.putObject("valueInfo")
        .put("objectTypeName", "org.springframework.context.support.GenericApplicationContext")
        .put("serializationDataFormat", "application/json");
    ((ObjectNode) body.get("variables")).set("visitFindings", findings);

    var response = web.postJson("/engine-rest/task/" + c.taskId() + "/complete", body.toString(),
        "xunzhong1", PASSWORD);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("message").asText())
        .isEqualTo("“visitFindings”的值类型“" + type + "”不能提交：只能提交文本、数字、是/否、日期或 JSON");
    assertThat(tasks.createTaskQuery().taskId(c.taskId()).count()).as("the task stays open").isEqualTo(1);
    assertThat(runtime.getVariables(c.processInstanceId())).doesNotContainKey("visitFindings");
    var summary = web.get("/api/cases/" + c.caseNo(), "civil1", PASSWORD);
    assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"complete", "submit-form"})
  void aVariableTheFormDoesNotHaveIsRefusedByNameAndNothingChanges(String operation) throws Exception {
    Case c = xunzhongCase();
    String url = "/engine-rest/task/" + c.taskId() + "/" + operation;

    var township = web.postJson(url, body(CaseFixtures.visit(true, false), Map.of("township", "sanban")),
        "xunzhong1", PASSWORD);
    assertThat(township.statusCode()).as(township.body()).isEqualTo(400);
    assertThat(message(township)).isEqualTo("表单中没有“township”这一项，不能随任务提交");

    var amounts = web.postJson(url, body(CaseFixtures.visit(true, true),
        Map.of("approvedAmount", 40_000L, "advancePaid", true)), "xunzhong1", PASSWORD);
    assertThat(amounts.statusCode()).as(amounts.body()).isEqualTo(400);
    assertThat(message(amounts)).contains("“approvedAmount”", "“advancePaid”").endsWith("不能随任务提交");

    assertUntouched(c);
  }

  @Test
  void anOversizedSubmissionIsRefusedBeforeItIsRead() throws Exception {
    Case c = xunzhongCase();
    Map<String, Object> visit = new java.util.HashMap<>(CaseFixtures.visit(true, false));
    visit.put("visitFindings", "很长的调查记录".repeat(80_000)); // about 1.7 MB as UTF-8

    var response = web.postJson("/engine-rest/task/" + c.taskId() + "/complete", body(visit), "xunzhong1", PASSWORD);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
    assertThat(message(response)).startsWith("提交的内容过大");
    assertUntouched(c);
  }

  @Test
  void aReadOnlyFieldOfTheFormCannotBeChanged() throws Exception {
    Case c = xunzhongCase();

    var response = web.postJson("/engine-rest/task/" + c.taskId() + "/complete",
        body(CaseFixtures.visit(true, false), Map.of("caseNo", "YSYY-2020-99999")), "xunzhong1", PASSWORD);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(message(response)).isEqualTo("“案件编号”（caseNo）在表单中只供查看，不能修改");
    assertUntouched(c);
  }

  // --- the task's variable endpoints --------------------------------------------------------

  @Test
  void aTaskVariableOutsideTheFormIsNeitherSetNorDeleted() throws Exception {
    Case c = xunzhongCase();
    String task = "/engine-rest/task/" + c.taskId();

    List<HttpResponse<String>> refused = List.of(
        web.putJson(task + "/variables/approvedAmount", "{\"value\": 40000, \"type\": \"Long\"}", "xunzhong1", PASSWORD),
        web.putJson(task + "/localVariables/township", "{\"value\": \"sanban\"}", "xunzhong1", PASSWORD),
        web.postJson(task + "/variables", "{\"modifications\": {\"advancePaid\": {\"value\": true}}}",
            "xunzhong1", PASSWORD),
        web.postJson(task + "/variables", "{\"deletions\": [\"caseNo\"]}", "xunzhong1", PASSWORD),
        web.delete(task + "/variables/caseNo", "xunzhong1", PASSWORD),
        web.delete(task + "/variables/township", "xunzhong1", PASSWORD));
    for (HttpResponse<String> response : refused) {
      assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(400);
    }
    assertThat(message(refused.get(0))).isEqualTo("表单中没有“approvedAmount”这一项，不能在任务中修改");
    assertThat(message(refused.get(4))).isEqualTo("“案件编号”（caseNo）在表单中只供查看，不能修改");
    assertUntouched(c);
    assertThat(runtime.getVariable(c.processInstanceId(), "advancePaid")).isEqualTo(false);

    // what the form asks for may be saved ahead of the completion
    var draft = web.putJson(task + "/variables/visitFindings", "{\"value\": \"已入户，待补充\"}", "xunzhong1", PASSWORD);
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(204);
    assertThat(runtime.getVariable(c.processInstanceId(), "visitFindings")).isEqualTo("已入户，待补充");
  }

  // --- Tasklist ---------------------------------------------------------------------------

  @Test
  void tasklistSubmitsTheWholeFormButCannotSmuggleAVariableIn() throws Exception {
    Case c = xunzhongCase();
    assertThat(web.webappLogin("tasklist", "xunzhong1", PASSWORD)).isEqualTo(200);
    String submit = TASKLIST_API + "/task/" + c.taskId() + "/submit-form";
    Map<String, Object> answers = Map.of("visitConfirmsHardship", "true", "especiallyDifficult", "false",
        "householdSize", 4, "visitFindings", "女儿耳蜗手术，家庭收入低",
        "bankAccount", CaseFixtures.BANK_ACCOUNT, "bankName", CaseFixtures.BANK_NAME);

    ObjectNode smuggled = tasklistSubmission(c.taskId(), answers);
    ((ObjectNode) smuggled.get("variables")).putObject("approvedAmount").put("value", 40000);
    var refused = web.webappJson("POST", submit, smuggled.toString());
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(message(refused)).isEqualTo("表单中没有“approvedAmount”这一项，不能随任务提交");
    assertUntouched(c);

    var submitted = web.webappJson("POST", submit, tasklistSubmission(c.taskId(), answers).toString());
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().processInstanceId(c.processInstanceId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo("preliminaryOpinion");
    assertThat(runtime.getVariable(c.processInstanceId(), "caseNo")).isEqualTo(c.caseNo());
    assertThat(runtime.getVariable(c.processInstanceId(), "visitFindings")).isEqualTo("女儿耳蜗手术，家庭收入低");
  }

  @Test
  void tasklistSendsReadOnlyFieldsBackUnchangedAndTheyKeepTheirType() throws Exception {
    Case c = xunzhongCase();
    tasks.complete(c.taskId(), CaseFixtures.visit(true, false));
    String opinion = tasks.createTaskQuery().processInstanceId(c.processInstanceId()).singleResult().getId();
    assertThat(web.webappLogin("tasklist", "xunzhong1", PASSWORD)).isEqualTo(200);
    String submit = TASKLIST_API + "/task/" + opinion + "/submit-form";

    // the family was not found especially hard-up at the visit: no ticking it here for a top-up
    ObjectNode topUp = tasklistSubmission(opinion, Map.of("proposedTopUp", 10000, "proposedAmount", 29900,
        "recommend", "true", "opinion", "建议救助"));
    ((ObjectNode) topUp.get("variables")).putObject("especiallyDifficult").put("value", true);
    var refused = web.webappJson("POST", submit, topUp.toString());
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(message(refused)).isEqualTo("“家庭特别困难”（especiallyDifficult）在表单中只供查看，不能修改");

    ObjectNode form = tasklistSubmission(opinion, Map.of("proposedTopUp", 0, "proposedAmount", 19900,
        "recommend", "true", "opinion", "建议按比例救助"));
    // Tasklist sends 132667.0 back as 132667: left out, it stays a Double
    assertThat(form.at("/variables/selfPaidTwoYears/value").isIntegralNumber()).isTrue();
    var submitted = web.webappJson("POST", submit, form.toString());
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
    var selfPaid = runtime.getVariableTyped(c.processInstanceId(), "selfPaidTwoYears");
    assertThat(selfPaid.getType()).isEqualTo(ValueType.DOUBLE);
    assertThat(selfPaid.getValue()).isEqualTo(132_667.0);
    assertThat(runtime.getVariable(c.processInstanceId(), "especiallyDifficult")).isEqualTo(false);
    assertThat(runtime.getVariable(c.processInstanceId(), "proposedAmount")).isEqualTo(19_900L);
  }

  @Test
  void theThresholdOnEveryFormIsOnlyShownWhileTheCarriedAmountsAndTheReasonsAreTheWorkersToGive() throws Exception {
    // 一般困难群众 with 45000 yuan: below the 80000 threshold
    var instance = runtime.startProcessInstanceByKey("temporaryAssistance", CaseFixtures.start("xunzhong", "GENERAL", 45_000.0));
    String pi = instance.getId();
    tasks.complete(tasks.createTaskQuery().processInstanceId(pi).singleResult().getId(), CaseFixtures.visit(true, false));
    String opinion = tasks.createTaskQuery().processInstanceId(pi).singleResult().getId();
    Map<String, Object> answers = Map.of("recommend", true, "proposedAmount", 6_000L, "proposedTopUp", 0L,
        "opinion", "建议救助", "belowThresholdReason", "患儿仍需长期治疗");
    for (Map<String, Object> changed : List.<Map<String, Object>>of(Map.of("threshold", 40_000.0), Map.of("eligible", true))) {
      var refused = web.postJson("/engine-rest/task/" + opinion + "/complete", body(answers, changed), "xunzhong1", PASSWORD);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(message(refused)).endsWith("在表单中只供查看，不能修改");
    }
    var done = web.postJson("/engine-rest/task/" + opinion + "/complete",
        body(answers, Map.of("threshold", 80_000.0)), "xunzhong1", PASSWORD);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);

    String review = tasks.createTaskQuery().processInstanceId(pi).singleResult().getId();
    var reviewed = web.postJson("/engine-rest/task/" + review + "/complete", body(CaseFixtures.review(true, 5_500)),
        "civil1", PASSWORD);
    assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(204);

    // the leading group in Tasklist: the township's reason shown, its own given
    String approval = tasks.createTaskQuery().processInstanceId(pi).singleResult().getId();
    assertThat(web.webappLogin("tasklist", "group1", PASSWORD)).isEqualTo(200);
    String submit = TASKLIST_API + "/task/" + approval + "/submit-form";
    ObjectNode rewritten = tasklistSubmission(approval, Map.of("approved", "true", "approvalNote", "同意",
        "belowThresholdReason", "同意个案救助", "townshipBelowThresholdReason", "改写乡镇理由"));
    var refused = web.webappJson("POST", submit, rewritten.toString());
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(message(refused)).isEqualTo("“乡镇写明的低于门槛理由”（townshipBelowThresholdReason）在表单中只供查看，不能修改");

    ObjectNode form = tasklistSubmission(approval, Map.of("approved", "true", "approvalNote", "同意",
        "belowThresholdReason", "同意个案救助"));
    // the approved amount starts as the reviewed one: submitted as the form shows it
    assertThat(form.at("/variables/approvedAmount/value").asLong()).isEqualTo(5_500);
    var approved = web.webappJson("POST", submit, form.toString());
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName("approvedAmount")
        .list()).extracting(v -> v.getValue()).containsOnly(5_500L);
    assertThat(runtime.getVariable(pi, "belowThresholdReason")).isEqualTo("患儿仍需长期治疗");
  }

  /**
   * The body Tasklist's Camunda Forms integration posts (form-js submits every field that is not
   * disabled): every field of the deployed form, filled with the task's form variables and the
   * worker's answers, values untyped.
   */
  ObjectNode tasklistSubmission(String taskId, Map<String, Object> answers) throws Exception {
    JsonNode form = json.readTree(web.webappGet(TASKLIST_API + "/task/" + taskId + "/deployed-form").body());
    JsonNode values = json.readTree(web.webappGet(TASKLIST_API + "/task/" + taskId + "/form-variables").body());
    ObjectNode variables = json.createObjectNode();
    for (JsonNode component : form.path("components")) {
      String key = component.path("key").asText("");
      if (!key.isEmpty()) {
        JsonNode value = answers.containsKey(key) ? json.valueToTree(answers.get(key)) : values.path(key).path("value");
        // JavaScript has one number type: 132667.0 goes back as 132667
        if (value.isFloatingPointNumber() && value.doubleValue() == Math.rint(value.doubleValue())) {
          value = json.getNodeFactory().numberNode(value.longValue());
        }
        variables.putObject(key).set("value", value);
      }
    }
    ObjectNode body = json.createObjectNode();
    body.set("variables", variables);
    return body;
  }

  // --- starting a case ----------------------------------------------------------------------

  @Test
  void aCaseStartsWithTheStartFormsFieldsOnly() throws Exception {
    String start = "/engine-rest/process-definition/key/temporaryAssistance/start";

    Map<String, Object> policyDate = CaseFixtures.report("GENERAL", 90_000);
    var backdated = web.postJson(start, body(policyDate, Map.of("policyDate", "2023-06-30")), "sanban1", PASSWORD);
    assertThat(backdated.statusCode()).as(backdated.body()).isEqualTo(400);
    assertThat(message(backdated)).isEqualTo("启动表单中没有“policyDate”这一项，不能随流程启动提交");
    assertNotStarted(policyDate);

    // township and source are start variables of the REST contract (SPEC §3.1, jiuji.rest.start-variables):
    // they pass the form check, and the case's own rules judge them
    Map<String, Object> elsewhere = CaseFixtures.report("GENERAL", 90_000);
    var township = web.postJson(start, body(elsewhere, Map.of("township", "xunzhong")), "sanban1", PASSWORD);
    assertThat(township.statusCode()).as(township.body()).isEqualTo(400);
    assertThat(message(township)).isEqualTo("乡镇工作人员只能登记本乡镇的救助线索，不能登记浔中镇的家庭");
    assertNotStarted(elsewhere);

    Map<String, Object> numbered = CaseFixtures.report("GENERAL", 90_000);
    ObjectNode withKey = (ObjectNode) json.readTree(body(numbered));
    withKey.put("businessKey", "YSYY-2020-00001");
    var businessKey = web.postJson(start, withKey.toString(), "sanban1", PASSWORD);
    assertThat(businessKey.statusCode()).as(businessKey.body()).isEqualTo(400);
    assertThat(message(businessKey)).contains("由系统分配");
    assertNotStarted(numbered);

    var midway = web.postJson(start, """
        {"startInstructions": [{"type": "startBeforeActivity", "activityId": "groupApproval"}],
         "skipCustomListeners": true}""", "sanban1", PASSWORD);
    assertThat(midway.statusCode()).as(midway.body()).isEqualTo(400);

    Map<String, Object> report = CaseFixtures.report("GENERAL", 90_000);
    var started = web.postJson(start, body(report), "sanban1", PASSWORD);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String pid = json.readTree(started.body()).path("id").asText();
    assertThat(runtime.getVariable(pid, "township")).isEqualTo("sanban");
    assertThat(runtime.getVariable(pid, "source")).isEqualTo("FIELD_DISCOVERY");
  }

  @Test
  void countyStaffReportACaseOverRestWithTheContractsStartVariables() throws Exception {
    String start = "/engine-rest/process-definition/key/temporaryAssistance/start";
    Map<String, Object> application = CaseFixtures.report("DIBAO", 60_000);

    var started = web.postJson(start, body(application, Map.of("township", "xunzhong", "source", "APPLICATION")),
        "civil1", PASSWORD);

    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String pid = json.readTree(started.body()).path("id").asText();
    assertThat(runtime.getVariable(pid, "township")).isEqualTo("xunzhong");
    assertThat(runtime.getVariable(pid, "source")).isEqualTo("APPLICATION");
  }

  @Test
  void tasklistsStartFormTakesNoOtherVariableEither() throws Exception {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("temporaryAssistance")
        .latestVersion().singleResult().getId();
    assertThat(web.webappLogin("tasklist", "sanban1", PASSWORD)).isEqualTo(200);
    Map<String, Object> report = CaseFixtures.report("DIBAO", 60_000);

    var refused = web.webappJson("POST", TASKLIST_API + "/process-definition/" + definition + "/submit-form",
        body(report, Map.of("policyDate", "2023-06-30")));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(message(refused)).isEqualTo("启动表单中没有“policyDate”这一项，不能随流程启动提交");
    assertNotStarted(report);
  }

  // --- what no form governs -----------------------------------------------------------------

  @Test
  void workersWriteNoVariablesWhereNoFormGovernsThem() throws Exception {
    Case c = xunzhongCase();
    String pid = c.processInstanceId();

    List<HttpResponse<String>> refused = List.of(
        // the township reads its case but was never granted UPDATE on it: the engine refuses too
        web.putJson("/engine-rest/process-instance/" + pid + "/variables/approvedAmount",
            "{\"value\": 40000, \"type\": \"Long\"}", "xunzhong1", PASSWORD),
        web.postJson("/engine-rest/process-instance/" + pid + "/variables",
            "{\"modifications\": {\"approvedAmount\": {\"value\": 40000}}}", "xunzhong1", PASSWORD),
        web.postJson("/engine-rest/message", """
            {"messageName": "anything", "processInstanceId": "%s",
             "processVariables": {"approvedAmount": {"value": 40000}}}""".formatted(pid), "xunzhong1", PASSWORD),
        web.postJson("/engine-rest/task/" + c.taskId() + "/bpmnError", "{\"errorCode\": \"closeCase\"}",
            "xunzhong1", PASSWORD));
    for (HttpResponse<String> response : refused) {
      assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(403);
    }
    // an error no model catches would have ended the case without a record
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isEqualTo(1);
    assertUntouched(c);
  }

  @Test
  void countyStaffCannotRestartAnEndedCaseAtAStepOfTheirChoice() throws Exception {
    var instance = runtime.startProcessInstanceByKey("temporaryAssistance",
        CaseFixtures.start("xunzhong", "GENERAL", 132_667.0));
    runtime.deleteProcessInstance(instance.getId(), "测试：案件终止");

    var restart = web.postJson("/engine-rest/process-definition/" + instance.getProcessDefinitionId() + "/restart",
        """
        {"processInstanceIds": ["%s"], "skipCustomListeners": true,
         "instructions": [{"type": "startBeforeActivity", "activityId": "disburse"}]}"""
            .formatted(instance.getId()), "civil1", PASSWORD);

    assertThat(restart.statusCode()).as(restart.body()).isEqualTo(403);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .count()).isEqualTo(1);
  }

  // --- the same endpoint, spelt otherwise -------------------------------------------------

  /** Most of these the REST API routes to the completion (a form's fields alone complete the task). */
  @ParameterizedTest
  @ValueSource(strings = {
      "/engine-rest/engine/default/task/%s/complete",
      "/engine-rest/task/%s/complete/",
      "/engine-rest//task/%s//complete",
      "/engine-rest/task/%s/complete;x=1",
      "/engine-rest/task/%s;x=1/complete",
      "/engine-rest/task/%s/%%63omplete"})
  void anotherSpellingOfTheCompletionIsCheckedAllTheSame(String path) throws Exception {
    Case c = xunzhongCase();

    var response = web.postJson(path.formatted(c.taskId()),
        body(CaseFixtures.visit(true, false), Map.of("township", "sanban")), "xunzhong1", PASSWORD);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertUntouched(c);
  }

  @Test
  void aBrokenBodyIsA400NotA500() throws Exception {
    Case c = xunzhongCase();
    String url = "/engine-rest/task/" + c.taskId() + "/complete";
    for (String broken : List.of("{", "[]", "{\"variables\": {}} {}", "{\"variables\": []}",
        "{\"variables\": {\"visitFindings\": \"no dto\"}}", "{\"Variables\": {\"township\": {\"value\": \"x\"}}}")) {
      var response = web.postJson(url, broken, "xunzhong1", PASSWORD);
      assertThat(response.statusCode()).as(broken + " → " + response.body()).isEqualTo(400);
    }
    assertUntouched(c);
  }

  // --- administrators -----------------------------------------------------------------------

  @Test
  void anAdministratorIsNotHeldToTheForm() throws Exception {
    Case c = xunzhongCase();

    var complete = web.postJson("/engine-rest/task/" + c.taskId() + "/complete",
        body(CaseFixtures.visit(true, false), Map.of("adminNote", "管理员代为录入")), "admin", PASSWORD);
    assertThat(complete.statusCode()).as(complete.body()).isEqualTo(204);
    assertThat(runtime.getVariable(c.processInstanceId(), "adminNote")).isEqualTo("管理员代为录入");

    var corrected = web.putJson("/engine-rest/process-instance/" + c.processInstanceId() + "/variables/village",
        "{\"value\": \"泗滨村（更正）\"}", "admin", PASSWORD);
    assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(204);

    // and in the webapps (Cockpit edits variables through the same API)
    assertThat(web.webappLogin("cockpit", "admin", PASSWORD)).isEqualTo(200);
    var cockpit = web.webappJson("PUT", TASKLIST_API + "/process-instance/" + c.processInstanceId()
        + "/variables/village", "{\"value\": \"泗滨村\"}");
    assertThat(cockpit.statusCode()).as(cockpit.body()).isEqualTo(204);
    assertThat(runtime.getVariable(c.processInstanceId(), "village")).isEqualTo("泗滨村");
  }

  // --- helpers ----------------------------------------------------------------------------

  void assertUntouched(Case c) {
    assertThat(tasks.createTaskQuery().taskId(c.taskId()).count()).as("the task is still open").isEqualTo(1);
    Map<String, Object> variables = runtime.getVariables(c.processInstanceId());
    assertThat(variables).containsEntry("township", "xunzhong").containsEntry("caseNo", c.caseNo())
        .doesNotContainKeys("approvedAmount", "visitFindings");
  }

  void assertNotStarted(Map<String, Object> report) {
    assertThat(history.createHistoricProcessInstanceQuery()
        .variableValueEquals("idNumber", report.get("idNumber")).count()).isZero();
  }

  String message(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body()).path("message").asText();
  }

  /** A REST body {"variables": {...}} of typed values, as a REST client sends them. */
  @SafeVarargs
  final String body(Map<String, Object>... parts) {
    ObjectNode variables = json.createObjectNode();
    for (Map<String, Object> part : parts) {
      part.forEach((name, value) -> variables.putObject(name)
          .put("type", value.getClass().getSimpleName())
          .set("value", json.valueToTree(value)));
    }
    ObjectNode body = json.createObjectNode();
    body.set("variables", variables);
    return body.toString();
  }
}
