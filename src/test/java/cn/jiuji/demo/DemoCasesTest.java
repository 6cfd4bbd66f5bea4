package cn.jiuji.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApplicationTest
class DemoCasesTest {

  @Autowired DemoCases demo;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  @Test
  void aNewUserFindsWorkWaitingAtEveryStepAndOneCaseOverdue() {
    demo.createOnce();
    assertThat(demo.createOnce()).as("a second start adds nothing").isZero();

    var demoCases = runtime.createProcessInstanceQuery().variableValueEquals(DemoCases.DEMO, true).list();
    assertThat(demoCases).hasSize(7);
    var demoTasks = tasks.createTaskQuery().processVariableValueEquals(DemoCases.DEMO, true);
    assertThat(demoTasks.taskCandidateGroup("townshipSanban").list())
        .extracting(Task::getTaskDefinitionKey)
        .contains("firstVisit", "preliminaryOpinion", "emergencyGrant");
    assertThat(tasks.createTaskQuery().processVariableValueEquals(DemoCases.DEMO, true)
        .taskCandidateGroup("civilAffairs").list())
        .extracting(Task::getTaskDefinitionKey).contains("confirmScreening", "secondReview");
    assertThat(tasks.createTaskQuery().processVariableValueEquals(DemoCases.DEMO, true)
        .taskCandidateGroup("leadingGroup").list())
        .extracting(Task::getTaskDefinitionKey).containsExactly("groupApproval");

    // the article's case, by name and amount: approved and paid, its package is DemoPartnerAidTest's
    var article = runtime.createProcessInstanceQuery().variableValueEquals("householdHead", "颜某斌")
        .variableValueEquals(DemoCases.DEMO, true).singleResult();
    assertThat(runtime.getVariable(article.getId(), "suggestedAmount")).isEqualTo(19_900L);
    assertThat(runtime.getActiveActivityIds(article.getId())).containsExactly("followUpDue");

    // the overdue case: its deadline passed, the job executor escalates it on start-up
    var overdue = tasks.createTaskQuery().processVariableValueEquals(DemoCases.DEMO, true)
        .dueBefore(ClockUtil.getCurrentTime()).list();
    assertThat(overdue).extracting(Task::getTaskDefinitionKey).containsExactly("firstVisit");
    var timer = management.createJobQuery().processInstanceId(overdue.get(0).getProcessInstanceId())
        .activityId("firstVisitOverdue").singleResult();
    assertThat(timer.getDuedate()).isBefore(ClockUtil.getCurrentTime());
    management.executeJob(timer.getId());
    assertThat(tasks.createTaskQuery().processInstanceId(overdue.get(0).getProcessInstanceId())
        .taskDefinitionKey("escalateFirstVisit").taskCandidateGroup("civilAffairs").count()).isEqualTo(1);
  }
}
