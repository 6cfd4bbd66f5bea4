package cn.jiuji.enrollment;

import cn.jiuji.base.CountyClock;
import static cn.jiuji.enrollment.EnrollmentVariables.NOTICE_END;
import static cn.jiuji.enrollment.EnrollmentVariables.NOTICE_START;
import static cn.jiuji.enrollment.EnrollmentVariables.OBJECTION_NOTE;

import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The public notice (公示) of an enrollment, for the model: the notice timer's
 * {@code ${publicNotice.period}}, the objection task's due date {@code ${publicNotice.end()}},
 * and, as the task's create listener, the notice's first and last day for the forms. The length
 * is configuration ({@code jiuji.enrollment.notice-period}), counted in calendar days from the
 * moment the notice is posted, on the engine's clock.
 */
@Component("publicNotice")
public class PublicNotice implements TaskListener {

  private final EnrollmentProperties enrollment;
  private final CountyClock clock;

  PublicNotice(EnrollmentProperties enrollment, CountyClock clock) {
    this.enrollment = enrollment;
    this.clock = clock;
  }

  /** The notice period as an ISO 8601 duration for a timer ({@code P7D}). */
  public String getPeriod() {
    return enrollment.noticePeriod().toString();
  }

  /** When a notice posted now ends. */
  public Date end() {
    return Date.from(now().plus(enrollment.noticePeriod()).toInstant());
  }

  @Override
  public void notify(DelegateTask task) {
    ZonedDateTime start = now();
    NOTICE_START.set(task.getExecution(), start.toLocalDate().toString());
    NOTICE_END.set(task.getExecution(), start.plus(enrollment.noticePeriod()).toLocalDate().toString());
    // a new notice starts without objection: the last one was dealt with in the verification
    // (and stays in the history), and must not sit prefilled in the form of this one
    task.getExecution().removeVariable(OBJECTION_NOTE.name());
  }

  private ZonedDateTime now() {
    return clock.local();
  }
}
