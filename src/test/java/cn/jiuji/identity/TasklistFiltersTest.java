package cn.jiuji.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.assistance.CaseFixtures;
import cn.jiuji.system.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApplicationTest
class TasklistFiltersTest {

  @LocalServerPort int port;
  @Autowired FilterService filters;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  final ObjectMapper json = new ObjectMapper();

  String filterId(String name) {
    return filters.createFilterQuery().filterName(name).singleResult().getId();
  }

  JsonNode list(String filter, String user) throws Exception {
    var response = new WebClient(port).postJson("/engine-rest/filter/" + filterId(filter) + "/list?firstResult=0&maxResults=200", "{}", user, "demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  @Test
  void everyWorkerHasTheFourFiltersWithCaseColumns() throws Exception {
    var response = new WebClient(port).get("/engine-rest/filter?resourceType=Task&maxResults=50", "sanban1", "demo");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode all = json.readTree(response.body());
    assertThat(all.findValuesAsText("name")).contains("我的待办", "本组待办", "即将到期", "已超期");
    JsonNode columns = all.get(0).path("properties").path("variables");
    assertThat(columns.findValuesAsText("name")).containsExactly("caseNo", "townshipName", "householdHead");
  }

  @Test
  void groupTasksDueSoonAndOverdueShowTheRightTasks() throws Exception {
    var pi = runtime.startProcessInstanceByKey("temporaryAssistance",
        CaseFixtures.start("sanban", "GENERAL", 90_000));
    var task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    String id = task.getId();
    assertThat(task.getFollowUpDate()).isBefore(task.getDueDate());

    assertThat(list("本组待办", "sanban1").findValuesAsText("id")).contains(id);
    assertThat(list("本组待办", "xunzhong1").findValuesAsText("id")).doesNotContain(id);
    assertThat(list("即将到期", "sanban1").findValuesAsText("id")).doesNotContain(id);
    assertThat(list("已超期", "sanban1").findValuesAsText("id")).doesNotContain(id);

    // two working days before its deadline the task is due soon
    ClockUtil.setCurrentTime(new Date(task.getFollowUpDate().getTime() + 60_000));
    assertThat(list("即将到期", "sanban1").findValuesAsText("id")).contains(id);
    assertThat(list("已超期", "sanban1").findValuesAsText("id")).doesNotContain(id);

    // past its deadline it is overdue
    ClockUtil.setCurrentTime(new Date(task.getDueDate().getTime() + 60_000));
    assertThat(list("已超期", "sanban1").findValuesAsText("id")).contains(id);
    assertThat(list("即将到期", "sanban1").findValuesAsText("id")).doesNotContain(id);

    // claimed: it moves from the group's list to the worker's own
    tasks.claim(id, "sanban1");
    assertThat(list("我的待办", "sanban1").findValuesAsText("id")).contains(id);
    assertThat(list("本组待办", "sanban1").findValuesAsText("id")).doesNotContain(id);
  }
}
