package cn.jiuji.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The health check of the container and the load balancer is the one actuator endpoint open
 * without credentials; it tells nothing beyond UP or DOWN, and no other endpoint exists.
 */
@ApplicationTest
class HealthEndpointTest {

  @LocalServerPort
  int port;

  WebClient web;

  @BeforeEach
  void client() {
    web = new WebClient(port);
  }

  @Test
  void healthAnswersWithoutCredentialsAndWithoutDetails() {
    var response = web.get("/actuator/health", null, null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void noOtherActuatorEndpointIsReachableEvenForTheAdministrator() {
    for (String path : new String[] {"/actuator", "/actuator/env", "/actuator/beans",
        "/actuator/configprops", "/actuator/info", "/actuator/metrics", "/actuator/loggers",
        "/actuator/heapdump", "/actuator/threaddump", "/actuator/mappings",
        "/actuator/health/db"}) {
      assertThat(web.get(path, "admin", "demo").statusCode()).as(path).isEqualTo(404);
    }
  }
}
