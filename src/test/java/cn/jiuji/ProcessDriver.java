package cn.jiuji;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** Moves process instances along in tests: tasks, jobs and timers, the way staff and time do. */
public final class ProcessDriver {

  private final ProcessEngine engine;

  public ProcessDriver(ProcessEngine engine) {
    this.engine = engine;
  }

  public Task task(ProcessInstance pi, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(key).singleResult();
  }

  public void complete(ProcessInstance pi, String key, Map<String, Object> variables) {
    Task task = task(pi, key);
    assertThat(task).as("open task %s", key).isNotNull();
    engine.getTaskService().complete(task.getId(), variables);
  }

  /** A variable's last value, also after the instance ended. */
  public Object variable(ProcessInstance pi, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName(name).singleResult().getValue();
  }

  public Job job(ProcessInstance pi, String activityId) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(activityId).singleResult();
    assertThat(job).as("job at %s", activityId).isNotNull();
    return job;
  }

  public void runJob(ProcessInstance pi, String activityId) {
    engine.getManagementService().executeJob(job(pi, activityId).getId());
  }

  /** Moves the engine clock just past a timer's due date and fires it. */
  public void passTimer(ProcessInstance pi, String timerId) {
    Job timer = job(pi, timerId);
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    engine.getManagementService().executeJob(timer.getId());
  }
}
