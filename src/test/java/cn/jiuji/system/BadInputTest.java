package cn.jiuji.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.assistance.CaseFixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Requests that gave a 500 get a 4xx with a Chinese reason, and change nothing. */
@ApplicationTest
class BadInputTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  final ObjectMapper json = new ObjectMapper();
  WebClient web;

  @BeforeEach
  void client() {
    web = new WebClient(port);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/task?maxResults=-5", "/engine-rest/task?firstResult=-1&maxResults=10",
      "/engine-rest/history/task?maxResults=abc"})
  void aNegativeOrBrokenPageIsA400InChinese(String path) throws Exception {
    var response = web.get(path, "civil1", "demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("message").asText()).matches(".*(分页参数|参数编码).*");
  }

  @Test
  void aTextLongerThanTheDatabaseHoldsIsA400AndTheTaskStaysOpen() throws Exception {
    var instance = runtime.startProcessInstanceByKey("temporaryAssistance",
        CaseFixtures.start("xunzhong", "GENERAL", 132_667.0));
    String task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    Map<String, Object> answers = new HashMap<>(CaseFixtures.visit(true, false));
    answers.put("visitFindings", "家".repeat(4_001));
    ObjectNode variables = json.createObjectNode();
    answers.forEach((name, value) -> variables.putObject(name)
        .put("type", value.getClass().getSimpleName()).set("value", json.valueToTree(value)));
    ObjectNode body = json.createObjectNode();
    body.set("variables", variables);

    var response = web.postJson("/engine-rest/task/" + task + "/complete", body.toString(), "xunzhong1", "demo");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("message").asText()).isEqualTo("“入户调查情况”最多2000个字，现有4001个字");
    assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(1);
    assertThat(runtime.getVariable(instance.getId(), "visitFindings")).isNull();
  }
}
