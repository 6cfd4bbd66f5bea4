package cn.jiuji.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.assistance.CaseFixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's REST API is fail-closed for everyone but administrators: what is not on the list
 * ({@link RestAllowList}) is refused before it runs, a variable write the form check does not know
 * included; reads pass, and the engine's authorizations decide what they show.
 */
@ApplicationTest
class FailClosedTest {

  static final String TASKLIST_API = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  final ObjectMapper json = new ObjectMapper();
  WebClient web;

  @BeforeEach
  void client() {
    web = new WebClient(port);
  }

  String sanbanCase() {
    return runtime.startProcessInstanceByKey("temporaryAssistance", CaseFixtures.start("sanban", "GENERAL", 132_667.0))
        .getId();
  }

  @Test
  void anEndpointNotOnTheListIsRefusedForAWorkerAndPassesForAnAdministrator() throws Exception {
    String pid = sanbanCase();
    String suspend = "/engine-rest/process-instance/" + pid + "/suspended";

    var refused = web.putJson(suspend, "{\"suspended\": true}", "sanban1", "demo");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(json.readTree(refused.body()).path("message").asText()).isEqualTo("此接口仅限系统管理员使用");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).suspended().count()).isZero();

    var suspended = web.putJson(suspend, "{\"suspended\": true}", "admin", "demo");
    assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(204);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).suspended().count()).isEqualTo(1);
    runtime.activateProcessInstanceById(pid);
  }

  @Test
  void aVariableWriteTheFormCheckDoesNotKnowIsRefusedNotPassedThrough() throws Exception {
    String pid = sanbanCase();
    String taskId = tasks.createTaskQuery().processInstanceId(pid).singleResult().getId();
    // an endpoint of a later Camunda version, say, that completes a task with variables
    String unknown = "/engine-rest/task/" + taskId + "/complete-with-variables";
    String body = "{\"variables\": {\"approvedAmount\": {\"value\": 40000, \"type\": \"Long\"}}}";

    var refused = web.postJson(unknown, body, "sanban1", "demo");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(json.readTree(refused.body()).path("message").asText()).isEqualTo("此接口仅限系统管理员使用");

    // an administrator's request passes as it came: the REST API itself answers that it has no such endpoint
    assertThat(web.postJson(unknown, body, "admin", "demo").statusCode()).isEqualTo(404);
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }

  @Test
  void tasklistsOwnRestApiIsFailClosedToo() throws Exception {
    String pid = sanbanCase();
    assertThat(web.webappLogin("tasklist", "sanban1", "demo")).isEqualTo(200);

    var refused = web.webappJson("PUT", TASKLIST_API + "/process-instance/" + pid + "/suspended", "{\"suspended\": true}");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(json.readTree(refused.body()).path("message").asText()).isEqualTo("此接口仅限系统管理员使用");
    var message = web.webappJson("POST", TASKLIST_API + "/message", "{\"messageName\": \"anything\"}");
    assertThat(message.statusCode()).as(message.body()).isEqualTo(403);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).suspended().count()).isZero();
  }

  @Test
  void aReadOutsideTheListPassesAndShowsWhatTheEngineLetsTheUserSee() throws Exception {
    sanbanCase();
    var jobs = web.get("/engine-rest/job?maxResults=10", "sanban1", "demo");
    assertThat(jobs.statusCode()).as(jobs.body()).isEqualTo(200);
    assertThat(json.readTree(jobs.body()).isArray()).isTrue();
    var definitions = web.get("/engine-rest/process-definition?key=temporaryAssistance&latestVersion=true&maxResults=10",
        "sanban1", "demo");
    assertThat(definitions.statusCode()).as(definitions.body()).isEqualTo(200);
    assertThat(json.readTree(definitions.body())).hasSize(1);
  }
}
