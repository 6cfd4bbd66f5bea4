package cn.jiuji.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.assistance.Elements;
import cn.jiuji.meeting.Batches;
import cn.jiuji.meeting.MeetingVariables;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApplicationTest
class DemoMeetingsTest {

  @Autowired DemoCases cases;
  @Autowired DemoMeetings meetings;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired Batches batches;

  @Test
  void oneMeetingIsHeldAndTheNextFindsCasesWaiting() {
    cases.createOnce();
    assertThat(meetings.createOnce()).isEqualTo(4);
    assertThat(meetings.createOnce()).as("a second start adds nothing").isZero();

    var held = history.createHistoricProcessInstanceQuery().processDefinitionKey(MeetingVariables.PROCESS_KEY).list();
    assertThat(held).singleElement().satisfies(m -> assertThat(m.getEndTime()).isNotNull());
    // the meeting's batch: the two families it approved, both on their way to the payment
    assertThat(batches.cases("2026-01")).hasSize(2).allSatisfy(c -> {
      assertThat(c.approved()).isTrue();
      assertThat(runtime.getVariable(c.processInstanceId(), cn.jiuji.assistance.CaseVariables.BATCH_NO.name())).isEqualTo("2026-01");
      assertThat(runtime.getVariable(c.processInstanceId(), "approvedBy")).isEqualTo("group1");
    });
    // the next meeting: the demo case reviewed before the meeting, left out by it, and the two reviewed since
    assertThat(tasks.createTaskQuery().taskDefinitionKey(Elements.GROUP_APPROVAL).list())
        .extracting(Task::getProcessInstanceId)
        .hasSize(3)
        .allSatisfy(pid -> assertThat(runtime.getVariable(pid, cn.jiuji.assistance.CaseVariables.BATCH_NO.name())).isNull());
  }
}
