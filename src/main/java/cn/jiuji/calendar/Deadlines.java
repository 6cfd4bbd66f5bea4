package cn.jiuji.calendar;

import cn.jiuji.base.CountyClock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The due date of each step (SPEC §3.1 deadlines), for the models: a user task's
 * {@code camunda:dueDate="${deadlines.due('firstVisit')}"} and its boundary timer's
 * {@code timeDate} with the same expression. The number of working days per step is
 * configuration ({@code jiuji.deadlines}); the days are counted by the {@link WorkingDayCalendar}.
 */
@Component("deadlines")
public class Deadlines {

  private final WorkingDayCalendar calendar;
  private final DeadlineProperties properties;
  private final CountyClock clock;

  Deadlines(WorkingDayCalendar calendar, DeadlineProperties properties, CountyClock clock) {
    this.calendar = calendar;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * The close of the last working day of the step's deadline, counted from now on the engine's
   * clock (which tests move).
   */
  public Date due(String step) {
    return dueAfter(step, Date.from(clock.now()));
  }

  /** The close of the last working day of the step's deadline for a step started at start. */
  public Date dueAfter(String step, Date start) {
    ZoneId zone = calendar.zone();
    LocalDateTime end = calendar.endOfWorkingDays(
        LocalDateTime.ofInstant(start.toInstant(), zone), workingDays(step));
    return Date.from(end.atZone(zone).toInstant());
  }

  /**
   * When a task of the step counts as due soon: the close of the working day that leaves
   * {@code jiuji.deadline-warning} working days before its deadline (now, for short deadlines).
   * Set as the task's follow-up date, which Tasklist's 即将到期 filter reads.
   */
  public Date warnFrom(String step) {
    return warnFromAfter(step, Date.from(clock.now()));
  }

  /** When a task of the step started at start counts as due soon (see {@link #warnFrom}). */
  public Date warnFromAfter(String step, Date start) {
    int days = workingDays(step) - properties.deadlineWarning();
    if (days < 1) {
      return start;
    }
    ZoneId zone = calendar.zone();
    LocalDateTime end = calendar.endOfWorkingDays(LocalDateTime.ofInstant(start.toInstant(), zone), days);
    return Date.from(end.atZone(zone).toInstant());
  }

  /** The step's deadline in working days ({@code jiuji.deadlines.<step>}). */
  public int workingDays(String step) {
    Integer days = properties.deadlines().get(step);
    if (days == null) {
      throw new IllegalArgumentException("步骤“" + step + "”没有配置办理时限：请在配置 jiuji.deadlines."
          + step + " 中设置工作日天数（已配置的步骤：" + String.join("、",
              new TreeSet<>(properties.deadlines().keySet())) + "）");
    }
    return days;
  }
}
