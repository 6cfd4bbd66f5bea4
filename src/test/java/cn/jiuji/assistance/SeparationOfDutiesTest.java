package cn.jiuji.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiuji.ApplicationTest;
import cn.jiuji.identity.Groups;
import cn.jiuji.system.WebClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SPEC §12: one person never signs off two of preliminaryOpinion, secondReview and groupApproval
 * on one case (the steps whose model carries {@code ${signOffChain.step(task)}}), however many
 * groups they belong to and whichever way the step is completed.
 */
@ApplicationTest
class SeparationOfDutiesTest {

  /** A worker in the township, in civil affairs and in the leading group at once. */
  static final String DUAL = "dual1";
  static final String PASSWORD = "Dual-2026!";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  final ObjectMapper json = new ObjectMapper();
  WebClient web;

  @BeforeEach
  void dualWorker() {
    web = new WebClient(port);
    var user = identity.newUser(DUAL);
    user.setLastName("兼职员");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    for (String group : List.of(Groups.township("xunzhong"), Groups.CIVIL_AFFAIRS, Groups.LEADING_GROUP)) {
      identity.createMembership(DUAL, group);
    }
  }

  @AfterEach
  void remove() {
    identity.deleteUser(DUAL);
  }

  @Test
  void whoGaveTheTownshipsOpinionCannotReviewOrApproveTheCase() throws Exception {
    var instance = runtime.startProcessInstanceByKey(CaseVariables.PROCESS_KEY,
        CaseFixtures.start("xunzhong", "GENERAL", 132_667.0));
    String pid = instance.getId();
    assertThat(complete(task(pid), CaseFixtures.visit(true, false), DUAL, PASSWORD).statusCode()).isEqualTo(204);
    assertThat(complete(task(pid), CaseFixtures.opinion(true, 12_200, 0), DUAL, PASSWORD).statusCode()).isEqualTo(204);

    Task review = task(pid);
    var refused = complete(review, CaseFixtures.review(true, 12_200), DUAL, PASSWORD);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(json.readTree(refused.body()).get("message").asText())
        .isEqualTo("您已办理本案件的“提出初步救助意见”，按规定不能再办理“民政再次入户审核”，请由其他人员办理");
    assertThat(task(pid).getId()).as("the review stays open").isEqualTo(review.getId());
    assertThat(runtime.getVariable(pid, "reviewedAmount")).isNull();

    assertThat(complete(review, CaseFixtures.review(true, 12_200), "civil1", "demo").statusCode()).isEqualTo(204);
    Task approval = task(pid);
    assertThat(approval.getTaskDefinitionKey()).isEqualTo(Elements.GROUP_APPROVAL);
    var approvedByDual = complete(approval, CaseFixtures.approval(true, 12_200), DUAL, PASSWORD);
    assertThat(approvedByDual.statusCode()).as(approvedByDual.body()).isEqualTo(403);
    assertThat(json.readTree(approvedByDual.body()).get("message").asText())
        .startsWith("您已办理本案件的“提出初步救助意见”，按规定不能再办理“县社会救助领导小组研究审批”");
    assertThat(runtime.getVariable(pid, "approvedAmount")).isNull();

    assertThat(complete(approval, CaseFixtures.approval(true, 12_200), "group1", "demo").statusCode()).isEqualTo(204);
    assertThat(runtime.getVariable(pid, "approvedBy")).isEqualTo("group1");
    assertThat(runtime.getVariable(pid, "signedOffBy"))
        .isEqualTo("preliminaryOpinion:dual1,secondReview:civil1,groupApproval:group1");
  }

  @Test
  void aMeetingThatCompletesTheApprovalAsTheReviewerIsRefusedToo() {
    var instance = runtime.startProcessInstanceByKey(CaseVariables.PROCESS_KEY,
        CaseFixtures.start("xunzhong", "GENERAL", 132_667.0));
    String pid = instance.getId();
    tasks.complete(task(pid).getId(), CaseFixtures.visit(true, false));
    as("xunzhong1", Groups.township("xunzhong"), () -> tasks.complete(task(pid).getId(), CaseFixtures.opinion(true, 12_200, 0)));
    as(DUAL, Groups.CIVIL_AFFAIRS, () -> tasks.complete(task(pid).getId(), CaseFixtures.review(true, 12_200)));

    // the approval meeting completes each case's task with the member who submits it authenticated
    Task approval = task(pid);
    assertThatThrownBy(() -> as(DUAL, Groups.LEADING_GROUP,
        () -> tasks.complete(approval.getId(), CaseFixtures.approval(true, 12_200))))
        .hasMessage("您已办理本案件的“民政再次入户审核”，按规定不能再办理“县社会救助领导小组研究审批”，请由其他人员办理");
    assertThat(task(pid).getId()).isEqualTo(approval.getId());
    as("group2", Groups.LEADING_GROUP, () -> tasks.complete(approval.getId(), CaseFixtures.approval(true, 12_200)));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult()).isNotNull();
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(Elements.GROUP_APPROVAL).count()).isZero();
  }

  private void as(String user, String group, Runnable work) {
    identity.setAuthentication(user, List.of(group));
    try {
      work.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  private Task task(String pid) {
    return tasks.createTaskQuery().processInstanceId(pid).singleResult();
  }

  private HttpResponse<String> complete(Task task, Map<String, Object> answers, String user, String password) {
    ObjectNode variables = json.createObjectNode();
    answers.forEach((name, value) -> variables.putObject(name)
        .put("type", value.getClass().getSimpleName()).set("value", json.valueToTree(value)));
    ObjectNode body = json.createObjectNode();
    body.set("variables", variables);
    return web.postJson("/engine-rest/task/" + task.getId() + "/complete", body.toString(), user, password);
  }
}
