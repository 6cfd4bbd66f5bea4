package cn.jiuji.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.assistance.CaseFixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The read-only manager writes no notes on tasks, and a township never reads the county's
 * figures (RouteRules), over both REST roots.
 */
@ApplicationTest
class RouteRulesTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  final ObjectMapper json = new ObjectMapper();
  WebClient web;

  @BeforeEach
  void client() {
    web = new WebClient(port);
  }

  String xunzhongVisit() {
    var instance = runtime.startProcessInstanceByKey("temporaryAssistance",
        CaseFixtures.start("xunzhong", "GENERAL", 132_667.0));
    return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
  }

  @Test
  void theReadOnlyManagerCannotCommentOnATaskButItsTownshipCan() throws Exception {
    String task = xunzhongVisit();
    String comment = "{\"message\":\"请尽快办理\"}";

    var byManager = web.postJson("/engine-rest/task/" + task + "/comment/create", comment, "manager1", "demo");
    assertThat(byManager.statusCode()).as(byManager.body()).isEqualTo(403);
    assertThat(json.readTree(byManager.body()).get("message").asText()).isEqualTo(RouteRules.NOTES);
    var byLeadingGroup = web.postJson("/engine-rest/task/" + task + "/comment/create", comment, "group1", "demo");
    assertThat(byLeadingGroup.statusCode()).as(byLeadingGroup.body()).isEqualTo(403);
    assertThat(tasks.getTaskComments(task)).isEmpty();

    var byTownship = web.postJson("/engine-rest/task/" + task + "/comment/create", comment, "xunzhong1", "demo");
    assertThat(byTownship.statusCode()).as(byTownship.body()).isEqualTo(200);
    assertThat(tasks.getTaskComments(task)).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/process-definition/statistics",
      "/engine-rest/process-definition/key/temporaryAssistance/statistics",
      "/engine-rest/history/process-instance/report?reportType=duration&periodUnit=month",
      "/engine-rest/history/process-definition/cleanable-process-instance-report?maxResults=10",
      "/engine-rest/metrics/activity-instance-start/sum"})
  void aTownshipReadsNoCountyFigures(String path) throws Exception {
    xunzhongVisit();
    runtime.startProcessInstanceByKey("temporaryAssistance", CaseFixtures.start("sanban", "GENERAL", 132_667.0));

    var township = web.get(path, "xunzhong1", "demo");
    assertThat(township.statusCode()).as(township.body()).isEqualTo(403);
    assertThat(json.readTree(township.body()).get("message").asText()).isEqualTo(RouteRules.COUNTY_FIGURES);
    var manager = web.get(path, "manager1", "demo");
    assertThat(manager.statusCode()).as(manager.body()).isEqualTo(200);
  }

  @Test
  void theManagerSeesTheCountysInstanceCountInCockpitsStatistics() throws Exception {
    xunzhongVisit();
    runtime.startProcessInstanceByKey("temporaryAssistance", CaseFixtures.start("sanban", "GENERAL", 132_667.0));
    assertThat(web.webappLogin("cockpit", "manager1", "demo")).isEqualTo(200);

    var statistics = json.readTree(web.webappGet("/camunda/api/engine/engine/default/process-definition/statistics").body());
    int instances = 0;
    for (var definition : statistics) {
      if (definition.path("definition").path("key").asText().equals("temporaryAssistance")) {
        instances += definition.path("instances").asInt();
      }
    }
    // every case of the county, both townships': what the engine counts without any authorization
    assertThat(instances).isEqualTo(runtime.createProcessInstanceQuery().processDefinitionKey("temporaryAssistance").count());
  }
}
