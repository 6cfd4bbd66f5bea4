package cn.jiuji.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The CSRF origin check holds with {@code JIUJI_PUBLIC_ORIGIN} unset, as in the tests: a request
 * that changes something from another site's page is refused, one from the application's own
 * address and one from a client that is no browser pass (OriginCheck).
 */
@ApplicationTest
class OriginCheckTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  HttpResponse<String> profileUpdate(String origin, String lastName) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/user/civil1/profile"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("civil1:demo".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"id\":\"civil1\",\"firstName\":\"\",\"lastName\":\"" + lastName + "\",\"email\":\"civil1@jiuji.example\"}"));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aChangeSentFromAForeignPageIsRefusedAndNothingChanges() throws Exception {
    for (String foreign : new String[] {"https://evil.example", "http://localhost:" + (port + 1), "null"}) {
      var response = profileUpdate(foreign, "假冒");
      assertThat(response.statusCode()).as(foreign).isEqualTo(403);
      assertThat(response.body()).contains("请求来自其他网站，已拒绝");
    }
    assertThat(identity.createUserQuery().userId("civil1").singleResult().getLastName()).isEqualTo("陈民政");
  }

  @Test
  void theApplicationsOwnPagesAndClientsWithoutABrowserPass() throws Exception {
    assertThat(profileUpdate("http://localhost:" + port, "陈民政").statusCode()).isEqualTo(204);
    assertThat(profileUpdate(null, "陈民政").statusCode()).isEqualTo(204);
    assertThat(OriginCheck.normalized("http://LOCALHOST:8080/camunda/app/")).isEqualTo("http://localhost:8080");
    assertThat(OriginCheck.normalized("https://jiuji.example.gov.cn")).isEqualTo("https://jiuji.example.gov.cn:443");
    var login = new WebClient(port);
    assertThat(login.webappLogin("tasklist", "sanban1", "demo")).isEqualTo(200);
  }
}
