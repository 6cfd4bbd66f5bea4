package cn.jiuji.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApplicationTest
class AccessTest {

  @LocalServerPort
  int port;

  @Autowired IdentityService identity;

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
  void aWrongPasswordIsRefusedAndThrottlesTheNextLogin() {
    // a user of its own: the delay after a failed login would refuse the demo users in other tests
    String id = "throttled" + System.nanoTime() % 1_000_000;
    var user = identity.newUser(id);
    user.setPassword("right");
    identity.saveUser(user);
    try {
      assertThat(web.get("/engine-rest/user/" + id + "/profile", id, "wrong").statusCode()).isEqualTo(401);
      // Camunda's login throttling: for a few seconds even the right password is refused
      assertThat(web.get("/engine-rest/user/" + id + "/profile", id, "right").statusCode()).isEqualTo(401);
    } finally {
      identity.deleteUser(id);
    }
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
