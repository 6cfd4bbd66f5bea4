package cn.jiuji.calendar;

/** What a calendar file says about a day that differs from the ordinary Monday–Friday week. */
enum DayType {
  /** 放假: a public holiday, including the weekend days inside a holiday. */
  OFF,
  /** 调休上班: a Saturday or Sunday that is a working day. */
  WORK
}
