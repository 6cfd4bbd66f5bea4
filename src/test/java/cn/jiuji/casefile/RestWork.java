package cn.jiuji.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.system.WebClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;

/** Works a case's tasks over the REST API as the named users do: claim, then complete with the form's fields. */
final class RestWork {

  static final String PASSWORD = "demo";
  private final WebClient web;
  private final TaskService tasks;
  private final ObjectMapper json = new ObjectMapper();

  RestWork(WebClient web, TaskService tasks) {
    this.web = web;
    this.tasks = tasks;
  }

  String taskId(String processInstanceId, String step) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(step).singleResult().getId();
  }

  void complete(String processInstanceId, String step, String user, Map<String, Object> variables) {
    String id = taskId(processInstanceId, step);
    var claim = web.postJson("/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + user + "\"}", user, PASSWORD);
    assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
    var done = web.postJson("/engine-rest/task/" + id + "/complete", body(variables), user, PASSWORD);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
  }

  String body(Map<String, Object> variables) {
    ObjectNode vars = json.createObjectNode();
    variables.forEach((name, value) -> vars.putObject(name)
        .put("type", value.getClass().getSimpleName())
        .set("value", json.valueToTree(value)));
    ObjectNode body = json.createObjectNode();
    body.set("variables", vars);
    return body.toString();
  }
}
