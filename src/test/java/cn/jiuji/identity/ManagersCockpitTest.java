package cn.jiuji.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.assistance.CaseFixtures;
import cn.jiuji.system.WebClient;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Cockpit works for managers and leaders (SPEC §11): they read every task and change none. */
@ApplicationTest
class ManagersCockpitTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @Test
  void managersAndLeadersSeeCockpitsHumanTasksPage() {
    var pi = runtime.startProcessInstanceByKey("temporaryAssistance", CaseFixtures.start("sanban", "GENERAL", 132_667));
    for (String user : new String[] {"manager1", "leader1"}) {
      WebClient web = new WebClient(port);
      assertThat(web.webappLogin("cockpit", user, "demo")).as(user).isEqualTo(200);
      // what Cockpit's 人工任务 page asks: open tasks counted by candidate group
      var report = web.webappGet("/camunda/api/engine/engine/default/task/report/candidate-group-count");
      assertThat(report.statusCode()).as(user + ": " + report.body()).isEqualTo(200);
      assertThat(report.body()).contains("\"groupName\":\"townshipSanban\"");
      var count = web.webappGet("/camunda/api/engine/engine/default/task/count?processInstanceId=" + pi.getId());
      assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
      assertThat(count.body()).isEqualTo("{\"count\":1}");
    }
  }

  @Test
  void aManagerStillCannotClaimCompleteCommentOnOrHandOverATask() {
    var pi = runtime.startProcessInstanceByKey("temporaryAssistance", CaseFixtures.start("sanban", "GENERAL", 132_667));
    String id = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    WebClient web = new WebClient(port);
    String task = "/engine-rest/task/" + id;

    assertThat(web.postJson(task + "/claim", "{\"userId\":\"manager1\"}", "manager1", "demo").statusCode()).isEqualTo(403);
    assertThat(web.postJson(task + "/complete", "{}", "manager1", "demo").statusCode()).isEqualTo(403);
    var comment = web.postJson(task + "/comment/create", "{\"message\":\"请尽快办理\"}", "manager1", "demo");
    assertThat(comment.statusCode()).isEqualTo(403);
    assertThat(comment.body()).contains("只有本任务的办理人或办理组成员才能在任务上填写评论或添加附件");
    assertThat(web.postJson(task + "/attachment/create", "{}", "manager1", "demo").statusCode()).isEqualTo(403);
    assertThat(web.postJson(task + "/assignee", "{\"userId\":\"sanban1\"}", "manager1", "demo").statusCode()).isEqualTo(403);
    assertThat(web.postJson(task + "/delegate", "{\"userId\":\"sanban1\"}", "manager1", "demo").statusCode()).isEqualTo(403);
    assertThat(web.delete(task, "manager1", "demo").statusCode()).isEqualTo(403);

    var unchanged = tasks.createTaskQuery().taskId(id).singleResult();
    assertThat(unchanged.getAssignee()).isNull();
    assertThat(tasks.getTaskComments(id)).isEmpty();
    // reading it is what managers may do
    assertThat(web.get(task, "manager1", "demo").statusCode()).isEqualTo(200);
    // while the township that works it still comments on it
    assertThat(web.postJson(task + "/comment/create", "{\"message\":\"已电话联系家属\"}", "sanban1", "demo").statusCode())
        .isEqualTo(200);
  }
}
