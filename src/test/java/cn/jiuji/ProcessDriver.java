package cn.jiuji;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * What camunda-bpm-assert does not do for a process test: its {@code execute(job())} fires a timer
 * at once, while the process then works on the engine's time (the date a category is granted
 * from, the next deadline). A timer fired here fires when it is due.
 */
public final class ProcessDriver {

  private ProcessDriver() {}

  /** Moves the engine clock just past the timer's due date (and stops it there), then fires it. */
  public static void passTimer(String timerId, ProcessInstance pi) {
    Job timer = job(timerId, pi);
    assertThat(timer).as("timer %s", timerId).isNotNull();
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    execute(timer);
  }
}
