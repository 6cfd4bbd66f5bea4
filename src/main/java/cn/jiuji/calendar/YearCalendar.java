package cn.jiuji.calendar;

import java.time.LocalDate;
import java.util.Map;

/**
 * One year's official calendar as read from its file.
 *
 * @param file where it was read from, for messages
 * @param source the notice the file names in its comment header
 * @param days the days that differ from the ordinary week
 */
record YearCalendar(int year, String file, String source, Map<LocalDate, Day> days) {

  record Day(DayType type, String name) {}

  YearCalendar {
    days = Map.copyOf(days);
  }

  long count(DayType type) {
    return days.values().stream().filter(day -> day.type() == type).count();
  }
}
