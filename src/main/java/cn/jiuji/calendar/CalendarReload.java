package cn.jiuji.calendar;

import java.util.List;

/**
 * What a (re)load of the calendar files found.
 *
 * @param years the years with an official calendar now in use
 * @param errors the files that could not be used, each naming file and line (Chinese); the
 *     years concerned keep the calendar they had
 */
public record CalendarReload(List<Year> years, List<String> errors) {

  /**
   * @param file where the calendar in use was read from
   * @param source the notice named in the file's comment header
   */
  public record Year(int year, String file, String source, long daysOff, long workingWeekendDays) {}

  public CalendarReload {
    years = List.copyOf(years);
    errors = List.copyOf(errors);
  }
}
