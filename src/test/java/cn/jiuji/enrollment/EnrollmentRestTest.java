package cn.jiuji.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.TestClock;
import cn.jiuji.assistance.CaseNumbers;
import cn.jiuji.system.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import cn.jiuji.assistance.CaseFixtures;
import cn.jiuji.assistance.CaseVariables;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The enrollment as staff work it over the standard REST API (what Tasklist calls): the township
 * fills in the application, the county records an objection during the notice, a rule break is
 * a 400 with the Chinese message. (Not a *ProcessTest: it runs the model part of the way.)
 */
@ApplicationTest
class EnrollmentRestTest {

  @LocalServerPort int port;
  @Autowired StartEnrollment startEnrollment;
  @Autowired CaseNumbers caseNumbers;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  final ObjectMapper json = new ObjectMapper();
  WebClient web;

  @BeforeEach
  void client() {
    web = new WebClient(port);
  }

  JsonNode read(String body) throws Exception {
    return json.readTree(body);
  }

  /** The open task of a step of the case's enrollment, as a user finds it: by case number. */
  JsonNode openTask(String caseNo, String step, String user) throws Exception {
    var found = web.get("/engine-rest/task?processInstanceBusinessKey=" + caseNo
        + "&taskDefinitionKey=" + step + "&maxResults=10", user, "demo");
    assertThat(found.statusCode()).isEqualTo(200);
    return read(found.body());
  }

  String complete(String taskId, Map<String, Object> values, String user) throws Exception {
    var variables = json.createObjectNode();
    values.forEach((name, value) -> variables.putObject(name).putPOJO("value", value));
    var body = json.createObjectNode().set("variables", variables);
    var response = web.postJson("/engine-rest/task/" + taskId + "/complete", json.writeValueAsString(body), user, "demo");
    return response.statusCode() + " " + response.body();
  }

  @Test
  void townshipStaffApplyAndCountyStaffRecordAnObjectionOverRest() throws Exception {
    String caseNo = caseNumbers.next(TestClock.today());
    startEnrollment.enroll(EnrollmentFixtures.followedUpCase(caseNo, "DIBAO"));

    assertThat(openTask(caseNo, "enrollmentApplication", "xunzhong1")).as("another township").isEmpty();
    JsonNode application = openTask(caseNo, "enrollmentApplication", "sanban1");
    assertThat(application).hasSize(1);
    String applicationId = application.get(0).get("id").asText();
    var form = web.get("/engine-rest/task/" + applicationId + "/deployed-form", "sanban1", "demo");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(read(form.body()).path("id").asText()).isEqualTo("enrollmentApplication");
    var prefilled = web.get("/engine-rest/task/" + applicationId + "/form-variables", "sanban1", "demo");
    assertThat(read(prefilled.body()).path("householdHead").path("value").asText()).isEqualTo("颜某斌");

    // what Tasklist sends: numbers as numbers, the rest as text
    assertThat(complete(applicationId, Map.of("householdSize", 0, "annualIncome", 24000,
        "householdMembers", "户主、妻子、女儿", "householdAssets", "自建房一处"), "sanban1"))
        .startsWith("400").contains("“家庭人口（人）”不能小于1");
    assertThat(complete(applicationId, Map.of("householdSize", 3, "annualIncome", 24000,
        "householdMembers", "户主、妻子、女儿", "householdAssets", "自建房一处"), "sanban1"))
        .startsWith("204");

    String verificationId = openTask(caseNo, "economicVerification", "civil1").get(0).get("id").asText();
    assertThat(complete(verificationId, Map.of("verificationPassed", "true", "verificationNote", "符合条件"), "civil1"))
        .startsWith("204");

    JsonNode notice = openTask(caseNo, "recordObjection", "civil1");
    assertThat(notice).hasSize(1);
    assertThat(notice.get(0).path("due").asText()).isNotBlank();
    assertThat(complete(notice.get(0).get("id").asText(), Map.of("objectionNote", "村民来电反映家中有经营性收入"), "civil1"))
        .startsWith("204");

    assertThat(openTask(caseNo, "economicVerification", "civil1")).hasSize(1);
    String enrollment = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .processDefinitionKey(EnrollmentVariables.PROCESS_KEY).singleResult().getId();
    assertThat(runtime.getVariable(enrollment, "objectionRecordedBy")).isEqualTo("civil1");
    assertThat(runtime.getVariable(enrollment, "householdSize")).isEqualTo(3L);
  }

  void completeAsEngine(String processInstanceId, String step, Map<String, Object> values) {
    tasks.complete(tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(step)
        .singleResult().getId(), values);
  }

  @Test
  void aTownshipWorkerWhoFindsLastingHardshipAtTheFollowUpStartsTheEnrollmentFromTasklist() throws Exception {
    var theCase = runtime.startProcessInstanceByKey(CaseVariables.PROCESS_KEY,
        CaseFixtures.start("sanban", "GENERAL", 132_667));
    String caseNo = theCase.getBusinessKey();
    completeAsEngine(theCase.getId(), "firstVisit", CaseFixtures.visit(true, false));
    completeAsEngine(theCase.getId(), "preliminaryOpinion", CaseFixtures.opinion(true, 19_900, 0));
    completeAsEngine(theCase.getId(), "secondReview", CaseFixtures.review(true, 19_900));
    completeAsEngine(theCase.getId(), "groupApproval", CaseFixtures.approval(true, 19_900));
    management.executeJob(management.createJobQuery().processInstanceId(theCase.getId())
        .activityId("disburse").singleResult().getId());
    completeAsEngine(theCase.getId(), "referPartners", CaseFixtures.noReferrals());
    var followUpDue = management.createJobQuery().processInstanceId(theCase.getId())
        .activityId("followUpDue").singleResult();
    ClockUtil.setCurrentTime(new Date(followUpDue.getDuedate().getTime() + 1000));
    management.executeJob(followUpDue.getId());

    // what Tasklist sends for the follow-up form, as the logged-in township worker
    String followUp = openTask(caseNo, "followUpAssessment", "sanban1").get(0).get("id").asText();
    assertThat(complete(followUp, Map.of("persistentHardship", "true", "longTermTrack", "DIBAO",
        "followUpNote", "女儿仍需长期康复治疗，家庭收入不足"), "sanban1")).startsWith("204");

    JsonNode application = openTask(caseNo, "enrollmentApplication", "sanban1");
    assertThat(application).hasSize(1);
    var prefilled = read(web.get("/engine-rest/task/" + application.get(0).get("id").asText()
        + "/form-variables", "sanban1", "demo").body());
    assertThat(prefilled.path("requestedCategory").path("value").asText()).isEqualTo("DIBAO");
    assertThat(prefilled.path("sourceCaseNo").path("value").asText()).isEqualTo(caseNo);
    assertThat(prefilled.path("householdSize").path("value").asLong()).isEqualTo(4L);
  }
}
