package cn.jiuji.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.system.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The webapps show a user as first name, a space and last name: the names are stored so that
 * this reads as Chinese write a name, family name first and no space (颜社工, not "社工 颜").
 */
@ApplicationTest
class DisplayNamesTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  final ObjectMapper json = new ObjectMapper();

  /** What Tasklist, Cockpit, Admin and Welcome put in their header and task lists. */
  static String shownAs(String firstName, String lastName) {
    return (firstName + " " + lastName).trim();
  }

  @Test
  void demoUsersReadFamilyNameFirstWithoutASpace() {
    var sanban = identity.createUserQuery().userId("sanban1").singleResult();
    assertThat(shownAs(sanban.getFirstName(), sanban.getLastName())).isEqualTo("颜社工");
    var leader = identity.createUserQuery().userId("group1").singleResult();
    assertThat(shownAs(leader.getFirstName(), leader.getLastName())).isEqualTo("郑组长");
    // the administrator, created by the starter after our setup, is named too
    var admin = identity.createUserQuery().userId("admin").singleResult();
    assertThat(shownAs(admin.getFirstName(), admin.getLastName())).isEqualTo("系统管理员");
    // Camunda sorts and searches users by last name: by the family name
    assertThat(identity.createUserQuery().userLastNameLike("颜%").list())
        .extracting(user -> user.getId()).contains("sanban1");
  }

  @Test
  void theProfileTasklistReadsForItsHeaderGivesTheChineseName() throws Exception {
    var web = new WebClient(port);
    assertThat(web.webappLogin("tasklist", "sanban1", "demo")).isEqualTo(200);
    var response = web.webappGet("/camunda/api/engine/engine/default/user/sanban1/profile");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode profile = json.readTree(response.body());
    assertThat(shownAs(profile.path("firstName").asText(), profile.path("lastName").asText()))
        .isEqualTo("颜社工");
  }
}
