package cn.jiuji.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.TestClock;
import cn.jiuji.assistance.CaseFixtures;
import cn.jiuji.system.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The year's figures (SPEC §10), checked against cases driven through the process, the bank's
 * return and the enrollments. Each test has a year of its own, since the class shares its data.
 */
@ApplicationTest
class StatisticsTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  Cases cases;
  final ObjectMapper json = new ObjectMapper();
  WebClient web;

  @BeforeEach
  void setUp() {
    web = new WebClient(port);
    cases = new Cases(context, port);
  }

  JsonNode figures(String query, String user) throws Exception {
    var response = web.get("/api/statistics" + query, user, "demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  @Test
  void theYearsFiguresCountCasesByReportDateAndMoneyPaidByTheBankInTheYear() throws Exception {
    // last year: reported, approved and paid in 2025, so none of it counts for 2026
    TestClock.pin(LocalDateTime.of(2025, 11, 10, 10, 0));
    var lastYear = cases.disbursed("sanban", "GENERAL", 30_000, "2025-03");
    cases.bankReturn("2025-03", lastYear, true);

    TestClock.pin(LocalDateTime.of(2026, 3, 2, 9, 0));
    var a = cases.disbursed("sanban", "GENERAL", 19_900, "2026-01");
    var b = cases.disbursed("xunzhong", "DIBAO", 12_000, "2026-01");
    var c = cases.disbursed("sanban", "TEKUN", 8_000, null);
    var d = cases.disbursed("xunzhong", "GENERAL", 10_000, "2026-02");
    cases.bankReturn("2026-01", a, true);
    cases.bankReturn(c.getBusinessKey(), c, true);
    cases.bankReturn("2026-02", d, false);
    cases.charity(a, 5_000);
    var e = cases.reported("sanban", "GENERAL");
    cases.visit(e, false);
    var f = cases.reported("xunzhong", "GENERAL");
    var g = cases.reported("sanban", "GENERAL");
    cases.enrolled("sanban", "DIBAO");
    cases.enrolled("sanban", "TEKUN");
    cases.enrolled("xunzhong", "DIBAO");
    // three weeks on: f and g's first visits are overdue; g's is done late and then turned down
    TestClock.pin(LocalDateTime.of(2026, 3, 23, 9, 0));
    cases.visit(g, true);
    cases.opinion(g, false);

    JsonNode county = figures("?year=2026", "manager1");

    assertThat(county.path("year").asInt()).isEqualTo(2026);
    assertThat(county.path("batches").asInt()).isEqualTo(2);
    assertThat(county.path("households").asInt()).isEqualTo(2);
    assertThat(county.path("cases").path("reported").asInt()).isEqualTo(7);
    assertThat(county.path("cases").path("approved").asInt()).isEqualTo(4);
    assertThat(county.path("cases").path("rejected").asInt()).isEqualTo(2);
    assertThat(county.path("cases").path("open").asInt()).isEqualTo(1);
    assertThat(county.path("paid").path("total").decimalValue()).isEqualByComparingTo("32900");
    assertThat(county.path("paid").path("bySource").path("CIVIL_AFFAIRS_CASE").decimalValue())
        .isEqualByComparingTo("27900");
    assertThat(county.path("paid").path("bySource").path("CHARITY").decimalValue()).isEqualByComparingTo("5000");
    assertThat(county.path("paid").path("bySource").path("TOWNSHIP_ADVANCE").decimalValue()).isZero();
    JsonNode sanban = township(county, "sanban");
    assertThat(sanban.path("name").asText()).isEqualTo("三班镇");
    assertThat(sanban.path("cases").asInt()).isEqualTo(4);
    assertThat(sanban.path("households").asInt()).isEqualTo(2);
    assertThat(sanban.path("paid").decimalValue()).isEqualByComparingTo("32900");
    JsonNode xunzhong = township(county, "xunzhong");
    assertThat(xunzhong.path("cases").asInt()).isEqualTo(3);
    assertThat(xunzhong.path("households").asInt()).isZero();
    assertThat(xunzhong.path("paid").decimalValue()).isZero();
    assertThat(county.path("byTownship")).hasSize(18);
    assertThat(category(county, "GENERAL").path("cases").asInt()).isEqualTo(5);
    assertThat(category(county, "GENERAL").path("paid").decimalValue()).isEqualByComparingTo("24900");
    assertThat(category(county, "DIBAO").path("cases").asInt()).isEqualTo(1);
    assertThat(category(county, "DIBAO").path("paid").decimalValue()).isZero();
    assertThat(category(county, "TEKUN").path("paid").decimalValue()).isEqualByComparingTo("8000");
    assertThat(county.path("byMonth").get(2).path("cases").asInt()).isEqualTo(7);
    assertThat(county.path("byMonth").get(2).path("paid").decimalValue()).isEqualByComparingTo("32900");
    assertThat(county.path("byMonth").get(10).path("paid").decimalValue()).isZero();
    assertThat(county.path("enrollments").path("DIBAO").asInt()).isEqualTo(2);
    assertThat(county.path("enrollments").path("DIBAO_EDGE").asInt()).isZero();
    assertThat(county.path("enrollments").path("TEKUN").asInt()).isEqualTo(1);
    // a, b, c, d: four steps each in time; e's first visit; g's opinion in time, its visit late; f's visit open
    assertThat(county.path("deadlines").path("onTime").asInt()).isEqualTo(18);
    assertThat(county.path("deadlines").path("late").asInt()).isEqualTo(1);
    assertThat(county.path("deadlines").path("openOverdue").asInt()).isEqualTo(1);
    assertThat(county.path("overdueSteps")).hasSize(1);
    assertThat(county.path("overdueSteps").get(0).path("caseNo").asText()).isEqualTo(f.getBusinessKey());
    assertThat(county.path("overdueSteps").get(0).path("name").asText()).isEqualTo("初次入户调查核对");
    assertThat(county.path("overdueSteps").get(0).path("townshipName").asText()).isEqualTo("浔中镇");
    assertThat(county.path("summary").asText())
        .isEqualTo("2026年共开展2批次一事一议临时救助，为2户发放救助金3.29万元；新增2户纳入低保，1户纳入特困供养。");

    JsonNode previous = figures("?year=2025", "civil1");
    assertThat(previous.path("cases").path("reported").asInt()).isEqualTo(1);
    assertThat(previous.path("paid").path("total").decimalValue()).isEqualByComparingTo("30000");
    assertThat(previous.path("batches").asInt()).isEqualTo(1);
    // the current year of the county clock by default
    assertThat(figures("", "leader1").path("cases").path("reported").asInt()).isEqualTo(7);

    // a township's staff get their own township's figures, whatever they ask for
    JsonNode own = figures("?year=2026", "sanban1");
    assertThat(own.path("township").asText()).isEqualTo("sanban");
    assertThat(own.path("cases").path("reported").asInt()).isEqualTo(4);
    assertThat(own.path("cases").path("approved").asInt()).isEqualTo(2);
    assertThat(own.path("batches").asInt()).isEqualTo(1);
    assertThat(own.path("paid").path("total").decimalValue()).isEqualByComparingTo("32900");
    assertThat(own.path("byTownship")).hasSize(1);
    assertThat(own.path("enrollments").path("DIBAO").asInt()).isEqualTo(1);
    assertThat(own.path("deadlines").path("openOverdue").asInt()).isZero();
    assertThat(own.path("summary").asText())
        .isEqualTo("三班镇2026年共开展1批次一事一议临时救助，为2户发放救助金3.29万元；新增1户纳入低保，1户纳入特困供养。");
    JsonNode other = figures("?year=2026&township=xunzhong", "group1");
    assertThat(other.path("cases").path("reported").asInt()).isEqualTo(3);
    assertThat(other.path("summary").asText())
        .isEqualTo("浔中镇2026年共开展2批次一事一议临时救助，为0户发放救助金0.00万元；新增1户纳入低保。");
  }

  @Test
  void aTownshipReadsOnlyItsOwnFiguresAndOthersAreRefused() throws Exception {
    assertThat(web.get("/api/statistics?township=xunzhong", "sanban1", "demo").statusCode()).isEqualTo(403);
    assertThat(web.get("/api/statistics?township=sanban", "sanban1", "demo").statusCode()).isEqualTo(200);
    var partner = web.get("/api/statistics", "charity1", "demo");
    assertThat(partner.statusCode()).isEqualTo(403);
    assertThat(json.readTree(partner.body()).path("message").asText()).isEqualTo(Scope.REFUSED);
    assertThat(web.get("/api/statistics", "designer1", "demo").statusCode()).isEqualTo(403);
    assertThat(web.get("/api/statistics", "medical1", "demo").statusCode()).isEqualTo(403);
    assertThat(web.get("/api/statistics", "nobody", "demo").statusCode()).isEqualTo(401);
    assertThat(web.get("/api/statistics?year=26", "civil1", "demo").statusCode()).isEqualTo(400);
    assertThat(web.get("/api/statistics?township=atlantis", "civil1", "demo").statusCode()).isEqualTo(400);
  }

  @Test
  void cockpitListsTheStatisticsPageAndServesItFromTheApplicationItself() {
    var config = web.get("/camunda/app/cockpit/scripts/config.js", "manager1", "demo");
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.body()).contains("'../jiuji/cockpit-statistics'");
    var page = web.get("/camunda/app/jiuji/cockpit-statistics.js", "manager1", "demo");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("pluginPoint: 'cockpit.navigation'", "pluginPoint: 'cockpit.route'", "救助统计",
        "/api/statistics?", "/api/statistics/ledger?")
        // nothing from the internet at run time (the SVG namespace is a name, not a download)
        .doesNotContain("https://", "src=\"http", "import(\"http");
  }

  static JsonNode township(JsonNode figures, String code) {
    for (JsonNode t : figures.path("byTownship")) {
      if (t.path("township").asText().equals(code)) {
        return t;
      }
    }
    throw new AssertionError("no township " + code);
  }

  static JsonNode category(JsonNode figures, String code) {
    for (JsonNode t : figures.path("byCategory")) {
      if (t.path("category").asText().equals(code)) {
        return t;
      }
    }
    throw new AssertionError("no category " + code);
  }
}
