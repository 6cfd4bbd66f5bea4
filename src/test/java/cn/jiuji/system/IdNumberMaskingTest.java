package cn.jiuji.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.assistance.CaseFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** SPEC §12: a full ID number only for the roles that need it, and each such read on record. */
@ApplicationTest
class IdNumberMaskingTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();

  ProcessInstance pi;
  String idNumber;
  String masked;

  @BeforeEach
  void aCaseOfSanban() {
    jdbc.update("DELETE FROM id_number_read");
    Map<String, Object> start = CaseFixtures.start("sanban", "GENERAL", 132_667);
    pi = runtime.startProcessInstanceByKey("temporaryAssistance", start);
    idNumber = (String) start.get("idNumber");
    masked = idNumber.substring(0, 6) + "********" + idNumber.substring(14);
  }

  String valueOf(JsonNode variables, String name) {
    for (JsonNode variable : variables) {
      if (name.equals(variable.path("name").asText())) {
        return variable.path("value").asText();
      }
    }
    throw new AssertionError("no variable " + name + " in " + variables);
  }

  List<Map<String, Object>> reads() {
    return jdbc.queryForList("SELECT user_id, id_number, process_instance_id, case_no FROM id_number_read ORDER BY id");
  }

  @Test
  void managersAndLeadersReadTheNumberMaskedInEveryVariableViewAndNothingIsRecorded() throws Exception {
    WebClient web = new WebClient(port);
    var runtimeVariables = web.get("/engine-rest/variable-instance?maxResults=100&processInstanceIdIn=" + pi.getId(), "manager1", "demo");
    var historic = web.get("/engine-rest/history/variable-instance?maxResults=100&processInstanceId=" + pi.getId(), "manager1", "demo");
    var details = web.get("/engine-rest/history/detail?maxResults=100&processInstanceId=" + pi.getId(), "manager1", "demo");
    var ofInstance = web.get("/engine-rest/process-instance/" + pi.getId() + "/variables", "leader1", "demo");

    for (var response : List.of(runtimeVariables, historic, details, ofInstance)) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.body()).doesNotContain(idNumber).contains(masked);
    }
    assertThat(valueOf(json.readTree(runtimeVariables.body()), "idNumber")).isEqualTo(masked);
    assertThat(json.readTree(ofInstance.body()).path("idNumber").path("value").asText()).isEqualTo(masked);
    // the other variables pass as they were
    assertThat(valueOf(json.readTree(historic.body()), "householdHead")).isEqualTo("颜某斌");
    assertThat(reads()).isEmpty();
  }

  @Test
  void cockpitShowsTheManagerTheNumberMasked() {
    WebClient cockpit = new WebClient(port);
    assertThat(cockpit.webappLogin("cockpit", "manager1", "demo")).isEqualTo(200);

    var response = cockpit.webappGet("/camunda/api/engine/engine/default/variable-instance?maxResults=100&processInstanceIdIn=" + pi.getId());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).doesNotContain(idNumber).contains(masked);
  }

  @Test
  void theTownshipWorkerOfTheCaseReadsTheFullNumberAndEachReadIsRecordedWithTheCase() throws Exception {
    String task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    WebClient web = new WebClient(port);

    var form = web.get("/engine-rest/task/" + task + "/form-variables", "sanban1", "demo");
    var variables = web.get("/engine-rest/process-instance/" + pi.getId() + "/variables", "civil1", "demo");

    assertThat(json.readTree(form.body()).path("idNumber").path("value").asText()).isEqualTo(idNumber);
    assertThat(json.readTree(variables.body()).path("idNumber").path("value").asText()).isEqualTo(idNumber);
    assertThat(reads()).extracting(r -> r.get("user_id"), r -> r.get("id_number"), r -> r.get("process_instance_id"),
        r -> r.get("case_no")).containsExactly(
            org.assertj.core.groups.Tuple.tuple("sanban1", idNumber, pi.getId(), pi.getBusinessKey()),
            org.assertj.core.groups.Tuple.tuple("civil1", idNumber, pi.getId(), pi.getBusinessKey()));
  }

  @Test
  void anotherTownshipLearnsNothingAndNothingIsRecorded() {
    var response = new WebClient(port).get("/engine-rest/variable-instance?maxResults=100&processInstanceIdIn=" + pi.getId(),
        "xunzhong1", "demo");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("[]");
    assertThat(reads()).isEmpty();
  }
}
