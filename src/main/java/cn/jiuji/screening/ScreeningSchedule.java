package cn.jiuji.screening;

import cn.jiuji.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * When the monthly screening runs: on the first working day of the month (SPEC §3.4). The timer of
 * medicalScreening.bpmn fires every morning of the month's first days and asks this bean, so a
 * calendar file changed or added later (next year's holidays) is taken into account at once.
 */
@Component("screeningSchedule")
public class ScreeningSchedule {

  private final WorkingDayCalendar calendar;
  private final Screening screening;

  ScreeningSchedule(WorkingDayCalendar calendar, Screening screening) {
    this.calendar = calendar;
    this.screening = screening;
  }

  /** Used by the gateway of medicalScreening.bpmn: today, on the engine's clock. */
  public boolean isFirstWorkingDayOfMonth() {
    return isFirstWorkingDayOfMonth(screening.today());
  }

  public boolean isFirstWorkingDayOfMonth(LocalDate day) {
    return calendar.isWorkingDay(day) && firstWorkingDay(day.withDayOfMonth(1)).equals(day);
  }

  private LocalDate firstWorkingDay(LocalDate day) {
    while (!calendar.isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return day;
  }
}
