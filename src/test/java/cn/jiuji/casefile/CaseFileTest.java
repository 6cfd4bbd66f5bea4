package cn.jiuji.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.assistance.CaseFixtures;
import cn.jiuji.system.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** GET /api/cases/{caseNo}/file: the 案件档案 Tasklist shows beside every task (SPEC §11). */
@ApplicationTest
class CaseFileTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  final ObjectMapper json = new ObjectMapper();
  WebClient web;
  RestWork work;

  @BeforeEach
  void client() {
    web = new WebClient(port);
    work = new RestWork(web, tasks);
  }

  @Test
  void theFileTellsEachStepWhoWhenWhatAndHowMuchAndTheCapLeft() throws Exception {
    var pi = runtime.startProcessInstanceByKey("temporaryAssistance", CaseFixtures.start("sanban", "GENERAL", 132_667));
    work.complete(pi.getId(), "firstVisit", "sanban1", CaseFixtures.visit(true, false));
    work.complete(pi.getId(), "preliminaryOpinion", "sanban1", CaseFixtures.opinion(true, 19_900, 0));
    work.complete(pi.getId(), "secondReview", "civil1", CaseFixtures.review(true, 19_000));

    var response = web.get("/api/cases/" + pi.getBusinessKey() + "/file", "sanban1", "demo");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode file = json.readTree(response.body());
    assertThat(file.at("/summary/caseNo").asText()).isEqualTo(pi.getBusinessKey());
    assertThat(file.at("/summary/currentSteps/0/name").asText()).isEqualTo("县社会救助领导小组研究审批");
    JsonNode steps = file.path("signOffs");
    assertThat(steps).hasSize(3);
    assertThat(steps.get(0).path("step").asText()).isEqualTo("乡镇入户调查核对");
    assertThat(steps.get(0).path("person").asText()).isEqualTo("颜社工");
    assertThat(steps.get(0).path("decision").asText()).isEqualTo("确认家庭困难");
    assertThat(steps.get(1).path("amount").asLong()).isEqualTo(19_900);
    assertThat(steps.get(1).path("notes").get(0).asText()).isEqualTo("建议按比例救助");
    assertThat(steps.get(2).path("person").asText()).isEqualTo("陈民政");
    assertThat(steps.get(2).path("decision").asText()).isEqualTo("审核通过");
    assertThat(steps.get(2).path("amount").asLong()).isEqualTo(19_000);
    assertThat(steps.get(2).path("date").isMissingNode()).isFalse();
    // nothing paid yet: the whole 40,000 of the year is left
    assertThat(file.path("capRemaining").asLong()).isEqualTo(40_000);

    work.complete(pi.getId(), "groupApproval", "group1", CaseFixtures.approval(true, 19_000));
    JsonNode approved = json.readTree(web.get("/api/cases/" + pi.getBusinessKey() + "/file", "civil1", "demo").body());
    assertThat(approved.path("signOffs")).hasSize(4);
    assertThat(approved.at("/signOffs/3/person").asText()).isEqualTo("郑组长");
    assertThat(approved.at("/signOffs/3/decision").asText()).isEqualTo("批准");
  }

  @Test
  void anotherTownshipGetsNoFileOfTheCase() throws Exception {
    var pi = runtime.startProcessInstanceByKey("temporaryAssistance", CaseFixtures.start("sanban", "GENERAL", 132_667));

    var refused = web.get("/api/cases/" + pi.getBusinessKey() + "/file", "xunzhong1", "demo");

    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(json.readTree(refused.body()).path("message").asText())
        .isEqualTo("未找到案件 " + pi.getBusinessKey() + "，或您无权查看该案件");
    assertThat(refused.body()).doesNotContain("颜某斌");
    assertThat(web.get("/api/cases/" + pi.getBusinessKey() + "/file", null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void aStepPastItsDeadlineShowsWhenItWasDueAndHowManyWorkingDaysLate() throws Exception {
    var pi = runtime.startProcessInstanceByKey("temporaryAssistance", CaseFixtures.start("sanban", "GENERAL", 132_667));
    // the first visit is due on Wednesday 17 June 2026; its timer opens the 催办 task
    cn.jiuji.ProcessDriver.passTimer("firstVisitOverdue", pi);
    // Monday 22 June: 18 June counts, 19 June is 端午节, 22 June counts
    cn.jiuji.TestClock.pin(java.time.LocalDateTime.of(2026, 6, 22, 9, 0));

    JsonNode file = json.readTree(web.get("/api/cases/" + pi.getBusinessKey() + "/file", "civil1", "demo").body());

    assertThat(file.path("overdue")).hasSize(1);
    JsonNode late = file.path("overdue").get(0);
    assertThat(late.path("name").asText()).isEqualTo("初次入户调查核对");
    assertThat(late.path("dueDay").asText()).isEqualTo("2026年6月17日 星期三");
    assertThat(late.path("workingDaysLate").asInt()).isEqualTo(2);
    assertThat(late.path("open").asBoolean()).isTrue();

    // done on 23 June: late by three working days, for good
    cn.jiuji.TestClock.pin(java.time.LocalDateTime.of(2026, 6, 23, 9, 0));
    work.complete(pi.getId(), "firstVisit", "sanban1", CaseFixtures.visit(true, false));
    cn.jiuji.TestClock.pin(java.time.LocalDateTime.of(2026, 6, 30, 9, 0));
    JsonNode done = json.readTree(web.get("/api/cases/" + pi.getBusinessKey() + "/file", "civil1", "demo").body());
    assertThat(done.at("/overdue/0/workingDaysLate").asInt()).isEqualTo(3);
    assertThat(done.at("/overdue/0/open").asBoolean()).isFalse();
  }
}
