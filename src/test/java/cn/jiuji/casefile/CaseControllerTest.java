package cn.jiuji.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.assistance.CaseFixtures;
import cn.jiuji.system.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApplicationTest
class CaseControllerTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  final ObjectMapper json = new ObjectMapper();

  void complete(String pi, String step, Map<String, Object> variables) {
    tasks.complete(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(step).singleResult().getId(), variables);
  }

  @Test
  void aPaidEmergencyCaseShowsBothGrantsMaskedIdAndItsNextStep() throws Exception {
    var start = CaseFixtures.start("sanban", "GENERAL", 132_667);
    start.put("emergency", true);
    var pi = runtime.startProcessInstanceByKey("temporaryAssistance", start);
    complete(pi.getId(), "emergencyGrant", Map.of("advanceAmount", 5_000L, "emergencyNote", "急需住院押金"));
    management.executeJob(management.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
    complete(pi.getId(), "firstVisit", CaseFixtures.visit(true, false));
    complete(pi.getId(), "preliminaryOpinion", CaseFixtures.opinion(true, 19_900, 0));
    complete(pi.getId(), "secondReview", CaseFixtures.review(true, 19_900));
    complete(pi.getId(), "groupApproval", CaseFixtures.approval(true, 19_900));
    management.executeJob(management.createJobQuery().processInstanceId(pi.getId()).activityId("disburse").singleResult().getId());

    var response = new WebClient(port).get("/api/cases/" + pi.getBusinessKey(), "civil1", "demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode c = json.readTree(response.body());
    assertThat(c.path("caseNo").asText()).isEqualTo(pi.getBusinessKey());
    assertThat(c.path("processInstanceId").asText()).isEqualTo(pi.getId());
    assertThat(c.path("state").asText()).isEqualTo("ACTIVE");
    assertThat(c.path("currentSteps").findValuesAsText("id")).containsExactly("referPartners");
    assertThat(c.path("township").asText()).isEqualTo("sanban");
    assertThat(c.path("idNumberMasked").asText()).matches("350526\\*{8}\\d{3}[\\dX]");
    assertThat(response.body()).doesNotContain((String) start.get("idNumber"));
    assertThat(c.path("suggestedAmount").asLong()).isEqualTo(19_900);
    assertThat(c.path("approvedAmount").asLong()).isEqualTo(19_900);
    assertThat(c.path("grants").findValuesAsText("source")).containsExactly("TOWNSHIP_ADVANCE", "CIVIL_AFFAIRS_CASE");
    assertThat(c.path("grants").get(0).path("label").asText()).isEqualTo("乡镇先行救助（应急救助）");
    assertThat(c.path("grants").findValuesAsText("amount")).containsExactly("5000.0", "14900.0");
    // the advance in cash at once, the county's grant sent to the bank in a payment list of its own
    assertThat(c.path("grants").findValuesAsText("status")).containsExactly("PAID", "SENT");
    assertThat(c.path("grants").get(0).path("batchNo").isNull()).isTrue();
    assertThat(c.path("grants").get(1).path("batchNo").asText()).isEqualTo(pi.getBusinessKey());
    assertThat(c.path("bankAccountMasked").asText()).isEqualTo("***************1234");
    assertThat(c.path("bankName").asText()).isEqualTo(CaseFixtures.BANK_NAME);
    assertThat(response.body()).doesNotContain(CaseFixtures.BANK_ACCOUNT);
    assertThat(c.path("totalGranted").decimalValue()).isEqualByComparingTo("19900");
    assertThat(c.path("overdueSteps")).isEmpty();
  }

  @Test
  void anUnknownCaseIsA404WithAChineseMessage() throws Exception {
    var response = new WebClient(port).get("/api/cases/YSYY-1999-99999", "civil1", "demo");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json.readTree(response.body()).path("message").asText()).contains("未找到案件");
  }

  @Test
  void aRejectedCaseSaysWhereAndWhy() throws Exception {
    var pi = runtime.startProcessInstanceByKey("temporaryAssistance", CaseFixtures.start("xunzhong", "DIBAO", 45_000));
    complete(pi.getId(), "firstVisit", CaseFixtures.visit(false, false));
    JsonNode c = json.readTree(new WebClient(port).get("/api/cases/" + pi.getBusinessKey(), "civil1", "demo").body());
    assertThat(c.path("state").asText()).isEqualTo("REJECTED");
    assertThat(c.path("rejectedAt").asText()).isEqualTo("firstVisit");
    assertThat(c.path("rejectionReason").asText()).isEqualTo("家庭经济状况良好");
    assertThat(c.path("grants")).isEmpty();
  }

  @Test
  void aCaseIsVisibleToItsTownshipTheCountyAndTheLeadingGroupOnceItIsTheirs() throws Exception {
    var pi = runtime.startProcessInstanceByKey("temporaryAssistance", CaseFixtures.start("xunzhong", "GENERAL", 88_000));
    String path = "/api/cases/" + pi.getBusinessKey();
    WebClient web = new WebClient(port);
    assertThat(web.get(path, "xunzhong1", "demo").statusCode()).isEqualTo(200);
    assertThat(web.get(path, "civil1", "demo").statusCode()).isEqualTo(200);
    var foreign = web.get(path, "sanban1", "demo");
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).contains("无权查看").doesNotContain("88000");
    assertThat(web.get(path, "group1", "demo").statusCode()).isEqualTo(404);
    assertThat(web.get(path, null, null).statusCode()).isEqualTo(401);

    complete(pi.getId(), "firstVisit", CaseFixtures.visit(true, false));
    complete(pi.getId(), "preliminaryOpinion", CaseFixtures.opinion(true, 13_200, 0));
    complete(pi.getId(), "secondReview", CaseFixtures.review(true, 13_200));
    // the case is on the leading group's table now: its members may read it
    var approval = web.get(path, "group1", "demo");
    assertThat(approval.statusCode()).isEqualTo(200);
    assertThat(json.readTree(approval.body()).path("currentSteps").findValuesAsText("id")).containsExactly("groupApproval");
    // the amount the approval form starts from is nobody's decision yet
    assertThat(json.readTree(approval.body()).path("approvedAmount").isNull()).isTrue();
  }
}
