package cn.jiuji.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.assistance.CaseFixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SPEC §12: what a form declares of its fields holds on the server, against the form deployed with
 * the task's process definition: a request made without Tasklist gets no further than the form.
 */
@ApplicationTest
class FormLimitsTest {

  static final String PASSWORD = "demo";
  static final String START = "/engine-rest/process-definition/key/temporaryAssistance/start";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired RepositoryService repository;
  final ObjectMapper json = new ObjectMapper();
  WebClient web;

  @BeforeEach
  void client() {
    web = new WebClient(port);
  }

  /** A xunzhong case waiting at the first home visit; its id and the visit's task id. */
  String[] atFirstVisit(double selfPaid) {
    var instance = runtime.startProcessInstanceByKey("temporaryAssistance",
        CaseFixtures.start("xunzhong", "GENERAL", selfPaid));
    return new String[] {instance.getId(),
        tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId()};
  }

  HttpResponse<String> completeVisit(String taskId, Map<String, Object> changed) throws Exception {
    Map<String, Object> answers = new HashMap<>(CaseFixtures.visit(true, false));
    answers.putAll(changed);
    answers.values().removeIf(value -> value == Removed.FIELD);
    return web.postJson("/engine-rest/task/" + taskId + "/complete", body(answers), "xunzhong1", PASSWORD);
  }

  enum Removed { FIELD }

  void assertRefused(HttpResponse<String> response, String message, String... stillOpen) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.readTree(response.body()).path("message").asText()).isEqualTo(message);
    for (String taskId : stillOpen) {
      assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the task stays open").isEqualTo(1);
    }
  }

  @Test
  void theFirstVisitHoldsItsFiguresLengthsAndRequiredFields() throws Exception {
    String[] c = atFirstVisit(132_667.0);

    assertRefused(completeVisit(c[1], Map.of("householdSize", 1_000L)), "“家庭人口（人）”不能大于30", c[1]);
    assertRefused(completeVisit(c[1], Map.of("householdSize", 0L)), "“家庭人口（人）”不能小于1", c[1]);
    assertRefused(completeVisit(c[1], Map.of("householdSize", "四口人")), "“家庭人口（人）”应填数字", c[1]);
    assertRefused(completeVisit(c[1], Map.of("visitFindings", "困".repeat(2_500))),
        "“入户调查情况”最多2000个字，现有2500个字", c[1]);
    assertRefused(completeVisit(c[1], Map.of("visitFindings", 12L)), "“入户调查情况”应填文字", c[1]);
    assertRefused(completeVisit(c[1], Map.of("visitFindings", Removed.FIELD)), "“入户调查情况”为必填项，请填写后再提交", c[1]);
    // a full-width space is no finding
    assertRefused(completeVisit(c[1], Map.of("visitFindings", "\u3000")), "“入户调查情况”为必填项，请填写后再提交", c[1]);
    assertRefused(completeVisit(c[1], Map.of("visitConfirmsHardship", "maybe")),
        "“入户调查是否确认家庭困难”只能选表单列出的一项", c[1]);
    assertThat(runtime.getVariables(c[0])).doesNotContainKeys("householdSize", "visitFindings");

    var done = completeVisit(c[1], Map.of());
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    assertThat(runtime.getVariable(c[0], "householdSize")).isEqualTo(4L);
  }

  @Test
  void aFieldTheFormHidesIsNotRequiredAndAShownOneIs() throws Exception {
    Map<String, Object> opinion = CaseFixtures.opinion(true, 6_000, 0);

    // 132,667 yuan reach the 80,000 threshold of 一般困难群众: the form hides the reason
    String[] eligible = atFirstVisit(132_667.0);
    tasks.complete(eligible[1], CaseFixtures.visit(true, false));
    String eligibleOpinion = tasks.createTaskQuery().processInstanceId(eligible[0]).singleResult().getId();
    var hidden = web.postJson("/engine-rest/task/" + eligibleOpinion + "/complete", body(opinion), "xunzhong1", PASSWORD);
    assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(204);

    // 45,000 yuan do not: the form shows the reason and requires it
    String[] below = atFirstVisit(45_000.0);
    tasks.complete(below[1], CaseFixtures.visit(true, false));
    String belowOpinion = tasks.createTaskQuery().processInstanceId(below[0]).singleResult().getId();
    var shown = web.postJson("/engine-rest/task/" + belowOpinion + "/complete", body(opinion), "xunzhong1", PASSWORD);
    assertRefused(shown, "“低于门槛的理由”为必填项，请填写后再提交", belowOpinion);
    Map<String, Object> declined = new HashMap<>(CaseFixtures.opinion(false, 0, 0));
    var notRecommended = web.postJson("/engine-rest/task/" + belowOpinion + "/complete", body(declined),
        "xunzhong1", PASSWORD);
    assertThat(notRecommended.statusCode()).as("not recommending needs no reason: " + notRecommended.body())
        .isEqualTo(204);
  }

  @Test
  void aChangeOfSomeVariablesIsHeldToTheLimitsButNeedsNotTheWholeForm() throws Exception {
    String[] c = atFirstVisit(132_667.0);
    String modifications = "/engine-rest/task/" + c[1] + "/variables";

    var tooMany = web.postJson(modifications, "{\"modifications\": {\"householdSize\": {\"value\": 1000}}}",
        "xunzhong1", PASSWORD);
    assertRefused(tooMany, "“家庭人口（人）”不能大于30", c[1]);
    var saved = web.postJson(modifications, "{\"modifications\": {\"householdSize\": {\"value\": 5}}}",
        "xunzhong1", PASSWORD);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
    assertThat(tasks.getVariable(c[1], "householdSize")).isEqualTo(5);
  }

  @Test
  void theStartFormHoldsItsLimitsOverRest() throws Exception {
    Map<String, Object> longVillage = CaseFixtures.report("GENERAL", 90_000);
    longVillage.put("village", "村".repeat(2_500));
    assertRefused(web.postJson(START, body(longVillage), "sanban1", PASSWORD), "“村（社区）”最多50个字，现有2500个字");
    assertNotStarted(longVillage);

    Map<String, Object> shortId = CaseFixtures.report("GENERAL", 90_000);
    shortId.put("idNumber", "35052419800101");
    assertRefused(web.postJson(START, body(shortId), "sanban1", PASSWORD), "“户主身份证号”至少填写18个字");
    assertNotStarted(shortId);

    Map<String, Object> negative = CaseFixtures.report("GENERAL", -1);
    assertRefused(web.postJson(START, body(negative), "sanban1", PASSWORD),
        "“两个连续年度个人自付医疗费用合计（元）”不能小于0");
    assertNotStarted(negative);

    Map<String, Object> unknownCategory = CaseFixtures.report("ROYALTY", 90_000);
    assertRefused(web.postJson(START, body(unknownCategory), "sanban1", PASSWORD), "“人员类别”只能选表单列出的一项");
    assertNotStarted(unknownCategory);

    Map<String, Object> noHead = CaseFixtures.report("GENERAL", 90_000);
    noHead.remove("householdHead");
    assertRefused(web.postJson(START, body(noHead), "sanban1", PASSWORD), "“户主姓名”为必填项，请填写后再提交");
    assertNotStarted(noHead);
  }

  void assertNotStarted(Map<String, Object> report) {
    assertThat(runtime.createProcessInstanceQuery().variableValueEquals("idNumber", report.get("idNumber")).count())
        .as("no case of %s", report.get("idNumber")).isZero();
  }

  @Test
  void aWiderFormDeployedOnItsOwnChangesNeitherTheRunningStepNorWhatTheServerAccepts() throws Exception {
    String[] c = atFirstVisit(132_667.0);
    ObjectNode wider;
    try (InputStream in = forms.getDeployedTaskForm(c[1])) {
      wider = (ObjectNode) json.readTree(in);
    }
    wider.withArray("components").addObject().put("type", "number").put("key", "approvedAmount")
        .put("label", "批准金额（元）").put("id", "firstVisit_approvedAmount");
    var deployed = web.postMultipart("/engine-rest/deployment/create", Map.of("deployment-name", "wider"),
        "data", "firstVisit.form", wider.toString().getBytes(StandardCharsets.UTF_8), "designer1", PASSWORD);
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);

    try (InputStream in = forms.getDeployedTaskForm(c[1])) {
      assertThat(json.readTree(in).toString()).as("the step keeps its own form").doesNotContain("approvedAmount");
    }
    assertRefused(completeVisit(c[1], Map.of("approvedAmount", 40_000L)),
        "表单中没有“approvedAmount”这一项，不能随任务提交", c[1]);
    // a case started after the designer's deployment is still bound to its own deployment's form
    String[] later = atFirstVisit(132_667.0);
    assertRefused(completeVisit(later[1], Map.of("approvedAmount", 40_000L)),
        "表单中没有“approvedAmount”这一项，不能随任务提交", later[1]);
    repository.deleteDeployment(json.readTree(deployed.body()).path("id").asText());
  }

  /** A REST body {"variables": {...}} of typed values, as a REST client sends them. */
  String body(Map<String, Object> values) {
    ObjectNode variables = json.createObjectNode();
    values.forEach((name, value) -> variables.putObject(name)
        .put("type", value.getClass().getSimpleName())
        .set("value", json.valueToTree(value)));
    ObjectNode body = json.createObjectNode();
    body.set("variables", variables);
    return body.toString();
  }
}
