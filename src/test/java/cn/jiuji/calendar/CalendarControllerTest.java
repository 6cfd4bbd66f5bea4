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
}
