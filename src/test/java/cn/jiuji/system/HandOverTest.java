package cn.jiuji.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.assistance.CaseFixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SPEC §12: a task is handed only to members of its candidate groups (system/HandOverCheck),
 * whichever API hands it: the found holes were a leading-group member giving a groupApproval task
 * to a township worker of another township, who approved money, and a township worker handing a
 * case to another township's worker, who then read the family's ID number.
 */
@ApplicationTest
class HandOverTest {

  static final String PASSWORD = "demo";
  static final String WEBAPP_API = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  final ObjectMapper json = new ObjectMapper();
  WebClient web;

  @BeforeEach
  void client() {
    web = new WebClient(port);
  }

  /** A xunzhong case waiting at its first home visit (township xunzhong's task). */
  Task firstVisit() {
    var instance = runtime.startProcessInstanceByKey("temporaryAssistance",
        CaseFixtures.start("xunzhong", "GENERAL", 132_667.0));
    return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  /** A xunzhong case waiting for the leading group, reviewed at 12,200. */
  Task groupApproval() {
    Task visit = firstVisit();
    tasks.complete(visit.getId(), CaseFixtures.visit(true, false));
    tasks.complete(next(visit).getId(), CaseFixtures.opinion(true, 12_200, 0));
    tasks.complete(next(visit).getId(), CaseFixtures.review(true, 12_200));
    Task approval = next(visit);
    assertThat(approval.getTaskDefinitionKey()).isEqualTo("groupApproval");
    return approval;
  }

  Task next(Task earlier) {
    return tasks.createTaskQuery().processInstanceId(earlier.getProcessInstanceId()).singleResult();
  }

  Task reread(Task task) {
    return tasks.createTaskQuery().taskId(task.getId()).singleResult();
  }

  @Test
  void aLeadingGroupMemberCannotGiveTheApprovalToATownshipWorkerByAnyEndpoint() throws Exception {
    Task approval = groupApproval();
    String task = "/engine-rest/task/" + approval.getId();

    assertRefused(web.postJson(task + "/assignee", "{\"userId\":\"sanban1\"}", "group1", PASSWORD),
        "“颜社工（sanban1）”不是“县社会救助领导小组”的成员，本任务不能交给其办理");
    assertRefused(web.postJson(task + "/claim", "{\"userId\":\"sanban1\"}", "group1", PASSWORD), "颜社工（sanban1）");
    assertRefused(web.postJson(task + "/delegate", "{\"userId\":\"xunzhong1\"}", "group1", PASSWORD), "许社工（xunzhong1）");
    assertRefused(web.putJson(task, withField(approval, "assignee", "sanban1"), "group1", PASSWORD), "颜社工（sanban1）");
    assertRefused(web.putJson(task, withField(approval, "owner", "sanban1"), "group1", PASSWORD), "颜社工（sanban1）");
    assertRefused(web.postJson(task + "/identity-links", "{\"userId\":\"sanban1\",\"type\":\"candidate\"}",
        "group1", PASSWORD), "颜社工（sanban1）");
    assertRefused(web.postJson(task + "/identity-links", "{\"groupId\":\"townshipSanban\",\"type\":\"candidate\"}",
        "group1", PASSWORD), "本任务只能由“县社会救助领导小组”办理，不能再交给“三班镇社会救助站”");

    Task after = reread(approval);
    assertThat(after.getAssignee()).isNull();
    assertThat(after.getOwner()).isNull();
    assertThat(tasks.getIdentityLinksForTask(approval.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("leadingGroup");
    assertThat(tasks.createTaskQuery().taskAssignee("sanban1").count()).isZero();
  }

  @Test
  void theApprovalGoesFromOneLeadingGroupMemberToAnother() throws Exception {
    Task approval = groupApproval();
    String task = "/engine-rest/task/" + approval.getId();

    var handed = web.postJson(task + "/assignee", "{\"userId\":\"group2\"}", "group1", PASSWORD);
    assertThat(handed.statusCode()).as(handed.body()).isEqualTo(204);
    assertThat(reread(approval).getAssignee()).isEqualTo("group2");

    var delegated = web.postJson(task + "/delegate", "{\"userId\":\"group3\"}", "group2", PASSWORD);
    assertThat(delegated.statusCode()).as(delegated.body()).isEqualTo(204);
    assertThat(reread(approval).getAssignee()).isEqualTo("group3");
    assertThat(reread(approval).getOwner()).isEqualTo("group2");
  }

  @Test
  void aTownshipWorkerCannotHandTheFamilysCaseToAnotherTownshipInTasklist() throws Exception {
    Task visit = firstVisit();
    assertThat(web.webappLogin("tasklist", "xunzhong1", PASSWORD)).isEqualTo(200);

    var refused = web.webappJson("POST", WEBAPP_API + "/task/" + visit.getId() + "/assignee", "{\"userId\":\"sanban1\"}");
    assertRefused(refused, "“颜社工（sanban1）”不是“浔中镇社会救助站”的成员，本任务不能交给其办理");
    var delegated = web.webappJson("POST", WEBAPP_API + "/task/" + visit.getId() + "/delegate", "{\"userId\":\"sanban1\"}");
    assertRefused(delegated, "颜社工（sanban1）");

    assertThat(reread(visit).getAssignee()).isNull();
    identity.setAuthentication("sanban1", java.util.List.of("townshipSanban"));
    try {
      assertThat(tasks.createTaskQuery().taskId(visit.getId()).count()).as("sanban1 still sees nothing").isZero();
    } finally {
      identity.clearAuthentication();
    }
    var claimed = web.webappJson("POST", WEBAPP_API + "/task/" + visit.getId() + "/claim", "{\"userId\":\"xunzhong1\"}");
    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
  }

  @Test
  void noJavaCallerHandsATaskOutsideItsGroupsEither() {
    Task visit = firstVisit();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.setAssignee(visit.getId(), "group1"))
        .hasMessage("“郑组长（group1）”不是“浔中镇社会救助站”的成员，本任务不能交给其办理");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.addCandidateGroup(visit.getId(), "townshipSanban"))
        .hasMessageContaining("不能再交给“三班镇社会救助站”");
    assertThat(reread(visit).getAssignee()).isNull();
  }

  private String withField(Task task, String field, String value) throws Exception {
    ObjectNode body = (ObjectNode) json.readTree(web.get("/engine-rest/task/" + task.getId(), "admin", PASSWORD).body());
    body.remove("camundaFormRef"); // not part of an update
    body.put(field, value);
    return body.toString();
  }

  private void assertRefused(HttpResponse<String> response, String message) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(json.readTree(response.body()).get("message").asText()).contains(message);
  }
}
