package cn.jiuji.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.TestData;
import cn.jiuji.assistance.CaseFixtures;
import cn.jiuji.system.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** GET /api/cases: the case list of Cockpit's 案件列表 page, scoped by who asks. */
@ApplicationTest
class CaseListTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ApplicationContext context;
  final ObjectMapper json = new ObjectMapper();
  WebClient web;
  ProcessInstance sanban;
  ProcessInstance xunzhong;

  @BeforeEach
  void twoTownshipsOneCaseEach() {
    TestData.reset(context);
    web = new WebClient(port);
    sanban = runtime.startProcessInstanceByKey("temporaryAssistance", CaseFixtures.start("sanban", "GENERAL", 132_667));
    xunzhong = runtime.startProcessInstanceByKey("temporaryAssistance", CaseFixtures.start("xunzhong", "DIBAO", 60_000));
    new RestWork(web, tasks).complete(xunzhong.getId(), "firstVisit", "xunzhong1", CaseFixtures.visit(true, false));
  }

  JsonNode list(String query, String user) throws Exception {
    var response = web.get("/api/cases" + query, user, "demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  @Test
  void managersAndLeadersSeeEveryTownshipsCasesWithTheColumnsABureauNeeds() throws Exception {
    for (String user : new String[] {"manager1", "leader1", "civil1"}) {
      JsonNode page = list("", user);
      assertThat(page.path("total").asLong()).as(user).isEqualTo(2);
      assertThat(page.path("cases").findValuesAsText("caseNo"))
          .containsExactlyInAnyOrder(sanban.getBusinessKey(), xunzhong.getBusinessKey());
    }
    JsonNode row = list("?township=xunzhong", "manager1").path("cases").get(0);
    assertThat(row.path("caseNo").asText()).isEqualTo(xunzhong.getBusinessKey());
    assertThat(row.path("householdHead").asText()).isEqualTo("颜某斌");
    assertThat(row.path("idNumberMasked").asText()).matches("350526\\*{8}\\d{3}[\\dX]");
    assertThat(row.path("townshipName").asText()).isEqualTo("浔中镇");
    assertThat(row.path("category").asText()).isEqualTo("城乡低保对象");
    assertThat(row.path("state").asText()).isEqualTo("ACTIVE");
    assertThat(row.path("currentSteps").findValuesAsText("name")).containsExactly("提出初步救助意见");
    assertThat(row.toString()).doesNotContain((String) runtime.getVariable(xunzhong.getId(), "idNumber"));
  }

  @Test
  void theListFiltersByTownshipAndCurrentStepAndPages() throws Exception {
    assertThat(list("?township=sanban", "manager1").path("cases").findValuesAsText("caseNo"))
        .containsExactly(sanban.getBusinessKey());
    assertThat(list("?step=preliminaryOpinion", "manager1").path("cases").findValuesAsText("caseNo"))
        .containsExactly(xunzhong.getBusinessKey());
    JsonNode second = list("?page=1", "manager1");
    assertThat(second.path("total").asLong()).isEqualTo(2);
    assertThat(second.path("cases")).isEmpty();
  }

  @Test
  void aTownshipSeesOnlyItsOwnCasesAndNothingOfAnother() throws Exception {
    assertThat(list("", "sanban1").path("cases").findValuesAsText("caseNo")).containsExactly(sanban.getBusinessKey());
    JsonNode foreign = list("?township=sanban", "xunzhong1");
    assertThat(foreign.path("total").asLong()).isZero();
    assertThat(foreign.toString()).doesNotContain(sanban.getBusinessKey());
    // nor do those who work on no case
    assertThat(list("", "designer1").path("total").asLong()).isZero();
    assertThat(list("", "medical1").path("total").asLong()).isZero();
  }

  @Test
  void badParametersAreRefusedInChineseAndNobodyListsWithoutLogin() throws Exception {
    var township = web.get("/api/cases?township=atlantis", "manager1", "demo");
    assertThat(township.statusCode()).isEqualTo(400);
    assertThat(json.readTree(township.body()).path("message").asText()).isEqualTo("未知的乡镇代码“atlantis”");
    for (String page : new String[] {"-1", "x", "99999999999"}) {
      var bad = web.get("/api/cases?page=" + page, "manager1", "demo");
      assertThat(bad.statusCode()).as(page).isEqualTo(400);
      assertThat(json.readTree(bad.body()).path("message").asText()).contains("页码");
    }
    assertThat(web.get("/api/cases", null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void cockpitReadsTheListWithTheManagersWebappLogin() throws Exception {
    assertThat(web.webappLogin("cockpit", "manager1", "demo")).isEqualTo(200);
    var page = web.webappGet("/api/cases");
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(json.readTree(page.body()).path("total").asLong()).isEqualTo(2);
  }
}
