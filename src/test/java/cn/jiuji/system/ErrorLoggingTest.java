package cn.jiuji.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiuji.ApplicationTest;
import cn.jiuji.assistance.CaseFixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the log shows of a failure: a user's mistake in one line at INFO, without a stack trace;
 * a fault of ours as a 500 at ERROR with its stack trace.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class ErrorLoggingTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void aRefusedCompletionIsOneLineAtInfoWithoutAStackTrace(CapturedOutput output) throws Exception {
    var pi = runtime.startProcessInstanceByKey("temporaryAssistance", CaseFixtures.start("xunzhong", "GENERAL", 90_000));
    String taskId = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    int before = output.getOut().length();

    var response = new WebClient(port).postJson("/engine-rest/task/" + taskId + "/complete", """
        {"variables": {"visitConfirmsHardship": {"value": true}, "especiallyDifficult": {"value": false},
                       "householdSize": {"value": 0, "type": "Long"}, "visitFindings": {"value": "x"}}}""",
        "xunzhong1", "demo");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.readTree(response.body()).path("message").asText()).isEqualTo("“家庭人口（人）”不能小于1");
    String logged = output.getOut().substring(before);
    assertThat(linesWith(logged, "“家庭人口（人）”不能小于1")).singleElement().asString()
        .contains("INFO").contains("/task/" + taskId + "/complete");
    assertThat(logged).doesNotContain("ENGINE-16004").doesNotContain("ERROR").doesNotContain("\tat ");
  }

  @Test
  void aRefusalOfOurApiIsOneLineAtInfo(CapturedOutput output) throws Exception {
    int before = output.getOut().length();

    var response = new WebClient(port).get("/api/cases/YSYY-1999-99999", "civil1", "demo");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json.readTree(response.body()).path("message").asText()).startsWith("未找到案件 YSYY-1999-99999");
    String logged = output.getOut().substring(before);
    assertThat(linesWith(logged, "未找到案件")).singleElement().asString().contains("INFO");
    assertThat(logged).doesNotContain("ERROR").doesNotContain("\tat ");
  }

  @Test
  void anUnexpectedFailureIsAnHonest500WithItsStackTraceInTheLog(CapturedOutput output) throws Exception {
    var api = MockMvcBuilders.standaloneSetup(new Failing()).setControllerAdvice(new ApiExceptionHandler()).build();
    int before = output.getOut().length();

    api.perform(get("/api/failing"))
        .andExpect(status().isInternalServerError())
        .andExpect(jsonPath("$.status").value(500))
        .andExpect(jsonPath("$.message").value("系统内部错误，请求未能完成，请联系管理员"));

    String logged = output.getOut().substring(before);
    assertThat(logged).contains("ERROR").contains("Unexpected failure of GET /api/failing")
        .contains("java.lang.IllegalStateException: the ledger's table is missing")
        .contains("\tat cn.jiuji.system.ErrorLoggingTest$Failing.fail");
  }

  @RestController
  static class Failing {
    @GetMapping("/api/failing")
    String fail() {
      throw new IllegalStateException("the ledger's table is missing");
    }
  }

  private static List<String> linesWith(String log, String text) {
    return Arrays.stream(log.split("\\R")).filter(line -> line.contains(text)).toList();
  }
}
