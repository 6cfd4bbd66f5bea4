package cn.jiuji.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.household.IdNumbers;
import cn.jiuji.system.WebClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** SPEC §4: a household head's ID number appears in task lists, messages and logs only masked. */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class IdNumberPrivacyTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void aRefusedIdNumberIsNamedOnlyMaskedInTheAnswerAndTheLog(CapturedOutput output) {
    String valid = CaseFixtures.newIdNumber();
    // the same number with a wrong check digit: a typo a worker could make with a real person's ID
    String typo = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
    Map<String, Object> start = CaseFixtures.report("GENERAL", 132_667.0);
    start.put("idNumber", typo);

    var response = new WebClient(port).postJson(
        "/engine-rest/process-definition/key/temporaryAssistance/start", body(start), "sanban1", "demo");

    // refused; which 4xx the REST start answers with is RegisterCase's business, the masking ours
    assertThat(response.statusCode()).as(response.body()).isGreaterThanOrEqualTo(400);
    assertThat(response.body()).contains(IdNumbers.mask(typo)).doesNotContain(typo);
    assertThat(output.getAll()).doesNotContain(typo);
  }

  @Test
  void theTaskListShowsNoFullIdNumber(CapturedOutput output) {
    Map<String, Object> start = CaseFixtures.start("sanban", "GENERAL", 132_667.0);
    String pid = runtime.startProcessInstanceByKey("temporaryAssistance", start).getId();

    var list = new WebClient(port).get("/engine-rest/task?processInstanceId=" + pid + "&maxResults=10",
        "sanban1", "demo");

    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains(pid).doesNotContain((String) start.get("idNumber"));
    assertThat(runtime.getVariable(pid, "idNumberMasked")).isEqualTo(IdNumbers.mask((String) start.get("idNumber")));
    assertThat(output.getAll()).doesNotContain((String) start.get("idNumber"));
  }

  private String body(Map<String, Object> variables) {
    ObjectNode typed = json.createObjectNode();
    variables.forEach((name, value) -> typed.putObject(name)
        .put("type", value.getClass().getSimpleName())
        .set("value", json.valueToTree(value)));
    ObjectNode body = json.createObjectNode();
    body.set("variables", typed);
    return body.toString();
  }
}
