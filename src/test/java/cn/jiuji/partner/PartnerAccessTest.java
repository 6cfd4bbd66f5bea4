package cn.jiuji.partner;

import static cn.jiuji.assistance.CaseFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.system.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SPEC §9 over the REST API, as the departments' users work it: a department sees a case only
 * once it is referred to it, never the rest of the county; it works its referral from Tasklist's
 * API; the case summary and the approval form show the package.
 */
@ApplicationTest
class PartnerAccessTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  final ObjectMapper json = new ObjectMapper();
  WebClient web;

  @BeforeEach
  void client() {
    web = new WebClient(port);
  }

  @Test
  void aDepartmentReadsACaseOnlyOnceItIsReferredToItAndNeverAnotherOne() throws Exception {
    ProcessInstance referred = Referrals.paidCase(runtime, "sanban", 132_667, 19_900);
    ProcessInstance other = Referrals.paidCase(runtime, "xunzhong", 100_000, 15_000);
    String caseNo = referred.getBusinessKey();
    assertThat(web.get("/api/cases/" + caseNo, "charity1", "demo").statusCode()).as("not yet referred").isEqualTo(404);

    // civil affairs refers it over the REST API, as Tasklist's checklist sends it
    String referTask = taskId(referred.getId(), "referPartners");
    assertThat(web.postJson("/engine-rest/task/" + referTask + "/claim", "{\"userId\":\"civil1\"}", "civil1", "demo")
        .statusCode()).isEqualTo(204);
    var done = web.postJson("/engine-rest/task/" + referTask + "/complete", """
        {"variables": {"referrals": {"type": "Json", "value": "[\\"CHARITY\\",\\"DISABLED_FEDERATION\\"]"},
                       "referralNote": {"type": "String", "value": "慈善资助与残联按月帮扶"}}}""", "civil1", "demo");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);

    assertThat(web.get("/api/cases/" + caseNo, "charity1", "demo").statusCode()).isEqualTo(200);
    assertThat(web.get("/api/cases/" + caseNo, "disabled1", "demo").statusCode()).isEqualTo(200);
    var refused = web.get("/api/cases/" + caseNo, "edu1", "demo");
    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(json.readTree(refused.body()).path("message").asText()).contains("无权查看");
    assertThat(web.get("/api/cases/" + other.getBusinessKey(), "charity1", "demo").statusCode()).isEqualTo(404);
    assertThat(web.get("/api/cases/" + caseNo + "/approval-form.pdf", "housing1", "demo").statusCode()).isEqualTo(404);

    // the engine's own answers, whatever API asks: the referred case and its referral, nothing else
    as("charity1", "charity");
    try {
      assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("temporaryAssistance").listPage(0, 50))
          .extracting(h -> h.getBusinessKey()).containsExactly(caseNo);
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("partnerReferral").listPage(0, 50))
          .singleElement().satisfies(r -> assertThat(runtime.getVariable(r.getId(), "department")).isEqualTo("CHARITY"));
      assertThat(tasks.createTaskQuery().listPage(0, 50)).extracting(t -> t.getTaskDefinitionKey()).containsExactly("partnerAid");
    } finally {
      identity.clearAuthentication();
    }
    as("edu1", "education");
    try {
      assertThat(history.createHistoricProcessInstanceQuery().count()).isZero();
      assertThat(runtime.createProcessInstanceQuery().count()).isZero();
      assertThat(tasks.createTaskQuery().count()).isZero();
    } finally {
      identity.clearAuthentication();
    }
    // Camunda's REST API says the same
    JsonNode instances = json.readTree(web.get("/engine-rest/history/process-instance?maxResults=50", "edu1", "demo").body());
    assertThat(instances).isEmpty();
    // and a department reads the household's ID number masked
    var variables = web.get("/engine-rest/process-instance/" + referred.getId() + "/variables", "charity1", "demo");
    assertThat(variables.statusCode()).isEqualTo(200);
    // also when asked for that one variable, whose answer does not name it
    var one = web.get("/engine-rest/process-instance/" + referred.getId() + "/variables/idNumber", "charity1", "demo");
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(json.readTree(one.body()).path("value").asText()).matches("350526\\*{8}\\d{3}[\\dX]");
    assertThat(variables.body()).contains("颜某斌")
        .doesNotContain((String) runtime.getVariable(referred.getId(), "idNumber"));
  }

  @Test
  void aDepartmentAnswersItsReferralInTasklistAndTheSummaryAndTheFormShowThePackage() throws Exception {
    ProcessInstance theCase = Referrals.paidCase(runtime, "sanban", 132_667, 19_900);
    String caseNo = theCase.getBusinessKey();
    tasks.complete(taskId(theCase.getId(), "referPartners"),
        referrals("乡镇临时救助、慈善资助、残联按月帮扶", "TOWNSHIP", "CHARITY", "DISABLED_FEDERATION"));
    work(Referrals.referral(runtime, caseNo, "TOWNSHIP"), "sanban1",
        "{\"aidKind\":{\"value\":\"ONE_OFF\"},\"aidAmount\":{\"value\":5000},\"aidNote\":{\"value\":\"镇政府临时救助\"}}");
    work(Referrals.referral(runtime, caseNo, "CHARITY"), "charity1",
        "{\"aidKind\":{\"value\":\"ONE_OFF\"},\"aidAmount\":{\"value\":5000},\"aidNote\":{\"value\":\"慈善总会资助\"}}");
    ProcessInstance federation = Referrals.referral(runtime, caseNo, "DISABLED_FEDERATION");
    // a field that is not on the department's form is refused
    var forged = complete(federation, "disabled1",
        "{\"aidKind\":{\"value\":\"MONTHLY\"},\"monthlyAmount\":{\"value\":2500},\"months\":{\"value\":6},"
            + "\"aidSource\":{\"value\":\"CHARITY\"}}");
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(complete(federation, "disabled1",
        "{\"aidKind\":{\"value\":\"MONTHLY\"},\"monthlyAmount\":{\"value\":2500},\"months\":{\"value\":6},"
            + "\"aidNote\":{\"value\":\"语言培训期间每月补助\"}}").statusCode()).isEqualTo(204);
    for (String department : List.of("TOWNSHIP", "CHARITY")) {
      var referral = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
          .variableValueEquals("department", department).singleResult();
      management.executeJob(management.createJobQuery().processInstanceId(referral.getId()).singleResult().getId());
    }

    JsonNode c = json.readTree(web.get("/api/cases/" + caseNo, "civil1", "demo").body());
    JsonNode p = c.path("package");
    assertThat(p.path("bySource").path("CIVIL_AFFAIRS_CASE").decimalValue()).isEqualByComparingTo("19900");
    assertThat(p.path("bySource").path("TOWNSHIP_TEMPORARY").decimalValue()).isEqualByComparingTo("5000");
    assertThat(p.path("bySource").path("CHARITY").decimalValue()).isEqualByComparingTo("5000");
    assertThat(p.path("total").decimalValue()).isEqualByComparingTo("29900");
    assertThat(p.path("monthly")).hasSize(1);
    assertThat(p.path("monthly").get(0).path("source").asText()).isEqualTo("DISABLED_FEDERATION");
    assertThat(p.path("monthly").get(0).path("monthlyAmount").decimalValue()).isEqualByComparingTo("2500");
    assertThat(p.path("monthly").get(0).path("months").asInt()).isEqualTo(6);
    assertThat(p.path("monthly").get(0).path("paidMonths").asInt()).isZero();
    assertThat(c.path("grants").findValuesAsText("label"))
        .containsExactly("一事一议临时救助金", "乡镇人民政府临时救助", "县慈善总会慈善救助");

    HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/cases/" + caseNo + "/approval-form.pdf"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("sanban1:demo".getBytes())).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    try (var document = Loader.loadPDF(pdf.body())) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\R", "");
      assertThat(text).contains("救助帮扶（多部门联动）", "乡镇人民政府临时救助", "县慈善总会慈善救助", "29900",
          "县残疾人联合会帮扶（按月）", "每月 2500", "共 6 个月");
    }
  }

  private void work(ProcessInstance referral, String user, String variables) throws IOException {
    var done = complete(referral, user, variables);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
  }

  private HttpResponse<String> complete(ProcessInstance referral, String user, String variables) {
    String id = taskId(referral.getId(), "partnerAid");
    web.postJson("/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + user + "\"}", user, "demo");
    return web.postJson("/engine-rest/task/" + id + "/complete", "{\"variables\":" + variables + "}", user, "demo");
  }

  private String taskId(String processInstanceId, String step) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(step).singleResult().getId();
  }

  private void as(String user, String group) {
    identity.setAuthentication(user, List.of(group));
  }
}
