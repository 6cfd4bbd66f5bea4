package cn.jiuji.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.system.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApplicationTest
class CalendarControllerTest {

  static final String RELOAD = "/api/calendar/reload";

  @LocalServerPort int port;
  WebClient web;

  @BeforeEach
  void client() {
    web = new WebClient(port);
  }

  @Test
  void reloadRefusesAnonymousRequests() {
    assertThat(web.postJson(RELOAD, "", null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void reloadRefusesStaffWhoAreNotAdministrators() {
    var response = web.postJson(RELOAD, "", "civil1", "demo");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("只有系统管理员可以重新加载节假日日历");
  }

  @Test
  void reloadLetsAnAdministratorLoadTheFilesAtOnce() {
    var response = web.postJson(RELOAD, "", "admin", "demo");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"year\":2025", "\"year\":2026", "\"errors\":[]");
  }

  @Test
  void aDeadlineReadsAsItsDayAndTheWorkingDaysLeftOrMissedFromToday() throws Exception {
    // today is Wednesday 10 June 2026 (TestClock); 19 June is 端午节, a holiday
    var response = web.get("/api/calendar/due?at=2026-06-12T17:30:00.000%2B0800&at=2026-06-10T17:30:00.000%2B0800"
        + "&at=2026-06-05T17:30:00.000%2B0800&at=2026-06-22T09:30:00.000Z", "sanban1", "demo");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    var due = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    assertThat(due.get(0).path("day").asText()).isEqualTo("2026年6月12日 星期五");
    assertThat(due.get(0).path("text").asText()).isEqualTo("剩余2个工作日");
    assertThat(due.get(1).path("text").asText()).isEqualTo("今日到期");
    assertThat(due.get(2).path("day").asText()).isEqualTo("2026年6月5日 星期五");
    assertThat(due.get(2).path("text").asText()).isEqualTo("已超期3个工作日");
    assertThat(due.get(2).path("workingDaysLate").asInt()).isEqualTo(3);
    // 11, 12, 15, 16, 17, 18 and 22 June: the holiday on Friday 19 June does not count
    assertThat(due.get(3).path("day").asText()).isEqualTo("2026年6月22日 星期一");
    assertThat(due.get(3).path("workingDaysLeft").asInt()).isEqualTo(7);
  }

  @Test
  void aDeadlineThatIsNoTimeIsA400InChinese() {
    var response = web.get("/api/calendar/due?at=next-week", "sanban1", "demo");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("截止时间“next-week”不是有效的时间");
    assertThat(web.get("/api/calendar/due?at=2026-06-12T17:30:00.000%2B0800", null, null).statusCode()).isEqualTo(401);
  }
}
