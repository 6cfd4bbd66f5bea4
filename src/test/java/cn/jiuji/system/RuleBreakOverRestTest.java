package cn.jiuji.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiuji.ApplicationTest;
import cn.jiuji.assistance.CaseFixtures;
import cn.jiuji.base.RuleBreak;
import cn.jiuji.identity.Groups;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A rule break over the REST API is the caller's mistake: 400 with the Chinese reason. */
@ApplicationTest
class RuleBreakOverRestTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void startingACaseWithABadIdNumberIsA400AndStartsNothing() throws Exception {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("temporaryAssistance").count();
    String body = """
        {"variables": {
          "householdHead": {"value": "王某某", "type": "String"},
          "idNumber": {"value": "350526198001011235", "type": "String"},
          "township": {"value": "xunzhong", "type": "String"},
          "village": {"value": "浔东村", "type": "String"},
          "category": {"value": "GENERAL", "type": "String"},
          "selfPaidTwoYears": {"value": 90000.0, "type": "Double"},
          "source": {"value": "APPLICATION", "type": "String"},
          "emergency": {"value": false, "type": "Boolean"}}}""";
    var response = new WebClient(port).postJson(
        "/engine-rest/process-definition/key/temporaryAssistance/start", body, "civil1", "demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.readTree(response.body()).path("message").asText())
        .startsWith("户主身份证号").contains("不是有效的 18 位公民身份号码");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("temporaryAssistance").count())
        .isEqualTo(before);
  }

  @Test
  void completingATaskThatBreaksARuleIsA400AndTheTaskStaysOpen() throws Exception {
    var pi = runtime.startProcessInstanceByKey("temporaryAssistance", CaseFixtures.start("xunzhong", "GENERAL", 90_000));
    String taskId = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    String body = """
        {"variables": {"visitConfirmsHardship": {"value": true}, "especiallyDifficult": {"value": false},
                       "householdSize": {"value": 0, "type": "Long"}, "visitFindings": {"value": "x"}}}""";
    var response = new WebClient(port).postJson("/engine-rest/task/" + taskId + "/complete", body, "xunzhong1", "demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.readTree(response.body()).path("message").asText()).isEqualTo("“家庭人口（人）”不能小于1");
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    assertThat(tasks.getVariables(taskId)).doesNotContainKey("visitFindings");
  }

  @Test
  void submittingTheFormThatBreaksARuleIsA400WithTheReasonOnly() throws Exception {
    var pi = runtime.startProcessInstanceByKey("temporaryAssistance", CaseFixtures.start("xunzhong", "GENERAL", 90_000));
    String taskId = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    var response = new WebClient(port).postJson("/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\": {\"visitConfirmsHardship\": {\"value\": \"maybe\"}}}", "xunzhong1", "demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.readTree(response.body()).path("message").asText()).isEqualTo("“入户调查是否确认家庭困难”只能选表单列出的一项");
    assertThat(runtime.getVariables(pi.getId())).doesNotContainEntry("visitConfirmsHardship", "maybe");
  }

  @Test
  void tasklistShowsTheBareReasonWhenItsFormIsRefused() throws Exception {
    var pi = runtime.startProcessInstanceByKey("temporaryAssistance", CaseFixtures.start("xunzhong", "GENERAL", 90_000));
    String taskId = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    var web = new WebClient(port);
    assertThat(web.webappLogin("tasklist", "xunzhong1", "demo")).isEqualTo(200);
    String body = """
        {"variables": {"visitConfirmsHardship": {"value": true}, "especiallyDifficult": {"value": false},
                       "householdSize": {"value": 0, "type": "Long"}, "visitFindings": {"value": "家里只剩老人"}}}""";

    // the webapps' own REST API, through which Tasklist submits its forms
    var response = web.webappJson("POST", "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form", body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.readTree(response.body()).path("message").asText()).isEqualTo("“家庭人口（人）”不能小于1");
    assertThat(json.readTree(response.body()).path("type").asText()).isEqualTo("RuleBreak");
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }

  @Test
  void tasklistShowsTheBareReasonWhenAStartIsRefused() throws Exception {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("temporaryAssistance").count();
    var web = new WebClient(port);
    assertThat(web.webappLogin("tasklist", "sanban1", "demo")).isEqualTo(200);
    String body = """
        {"variables": {
          "householdHead": {"value": "王某某"}, "idNumber": {"value": "350526198001011235"},
          "village": {"value": "三班村"}, "category": {"value": "GENERAL"},
          "selfPaidTwoYears": {"value": 90000}, "emergency": {"value": false}}}""";

    var response = web.webappJson("POST",
        "/camunda/api/engine/engine/default/process-definition/key/temporaryAssistance/submit-form", body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.readTree(response.body()).path("message").asText())
        .startsWith("户主身份证号").contains("不是有效的 18 位公民身份号码").doesNotContain("Cannot");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("temporaryAssistance").count())
        .isEqualTo(before);
  }

  @Test
  void aTownshipWorkerCannotReportAFamilyOfAnotherTownship() throws Exception {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("temporaryAssistance").count();
    String body = """
        {"variables": {
          "householdHead": {"value": "李某某", "type": "String"},
          "idNumber": {"value": "%s", "type": "String"},
          "township": {"value": "xunzhong", "type": "String"},
          "village": {"value": "浔东村", "type": "String"},
          "category": {"value": "GENERAL", "type": "String"},
          "selfPaidTwoYears": {"value": 90000.0, "type": "Double"}}}""".formatted(CaseFixtures.newIdNumber());
    var response = new WebClient(port).postJson(
        "/engine-rest/process-definition/key/temporaryAssistance/start", body, "sanban1", "demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.readTree(response.body()).path("message").asText()).contains("只能登记本乡镇");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("temporaryAssistance").count())
        .isEqualTo(before);
  }

  @Test
  void aCaseStartedInAWorkersNameIsRefusedForAnotherTownshipToo() {
    // what application code would do on a logged-in worker's behalf, past the REST API's forms
    identity.setAuthentication("sanban1", List.of(Groups.township("sanban")));
    try {
      assertThatThrownBy(() -> runtime.startProcessInstanceByKey("temporaryAssistance",
          CaseFixtures.start("xunzhong", "GENERAL", 90_000)))
          .isInstanceOf(RuleBreak.class).hasMessageContaining("只能登记本乡镇");
    } finally {
      identity.clearAuthentication();
    }
  }
}
