package cn.jiuji.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApplicationTest
class AccessTest {

  @LocalServerPort
  int port;

  WebClient web;

  @BeforeEach
  void client() {
    web = new WebClient(port);
  }

  @Test
  void engineRestRefusesRequestsWithoutCredentials() {
    var response = web.get("/engine-rest/process-definition", null, null);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        challenge -> assertThat(challenge).startsWith("Basic"));
  }

  @Test
  void engineRestRefusesAWrongPassword() {
    assertThat(web.get("/engine-rest/task", "sanban1", "wrong").statusCode()).isEqualTo(401);
  }

  @Test
  void engineRestServesAnAuthenticatedUser() {
    var response = web.get("/engine-rest/user/sanban1/profile", "sanban1", "demo");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"id\":\"sanban1\"");
  }

  @Test
  void apiRefusesRequestsWithoutCredentials() {
    assertThat(web.get("/api/cases/YSYY-2026-00001", null, null).statusCode()).isEqualTo(401);
    assertThat(web.postJson("/api/screening/imports", "{}", null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void apiAnswersUnknownPathsWithAChineseMessage() {
    var response = web.get("/api/no-such-thing", "civil1", "demo");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("请求的地址不存在");
  }

  @Test
  void townshipStaffMayUseTasklistOnly() {
    assertThat(web.webappLogin("tasklist", "sanban1", "demo")).isEqualTo(200);
    assertThat(new WebClient(port).webappLogin("cockpit", "sanban1", "demo")).isEqualTo(403);
    assertThat(new WebClient(port).webappLogin("admin", "sanban1", "demo")).isEqualTo(403);
  }

  @Test
  void managersUseCockpitButNotTasklistOrAdmin() {
    assertThat(web.webappLogin("cockpit", "manager1", "demo")).isEqualTo(200);
    assertThat(new WebClient(port).webappLogin("tasklist", "manager1", "demo")).isEqualTo(403);
    assertThat(new WebClient(port).webappLogin("admin", "manager1", "demo")).isEqualTo(403);
  }

  @Test
  void administratorsReachAdmin() {
    assertThat(web.webappLogin("admin", "admin", "demo")).isEqualTo(200);
  }

  @Test
  void h2ConsoleIsNotExposed() {
    assertThat(web.get("/h2-console", "admin", "demo").statusCode()).isIn(401, 403, 404);
  }
}
