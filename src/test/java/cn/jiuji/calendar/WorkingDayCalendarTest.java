package cn.jiuji.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.identity.Groups;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

@ApplicationTest
class WorkingDayCalendarTest {

  @Autowired WorkingDayCalendar calendar;
  @Autowired MissingCalendarWarning warning;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired PlatformTransactionManager transactionManager;

  static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  LocalDateTime end(String start, int workingDays) {
    return calendar.endOfWorkingDays(LocalDateTime.parse(start), workingDays);
  }

  @Test
  void ordinaryWeekdaysAreWorkingDaysAndWeekendsAreNot() {
    assertThat(calendar.isWorkingDay(date("2025-10-15"))).as("Wednesday").isTrue();
    assertThat(calendar.isWorkingDay(date("2026-03-06"))).as("Friday").isTrue();
    assertThat(calendar.isWorkingDay(date("2025-10-18"))).as("Saturday").isFalse();
    assertThat(calendar.isWorkingDay(date("2026-03-08"))).as("Sunday").isFalse();
  }

  @Test
  void publicHolidaysAreDaysOff() {
    assertThat(calendar.isWorkingDay(date("2025-10-01"))).as("国庆节, Wednesday").isFalse();
    assertThat(calendar.isWorkingDay(date("2025-10-08"))).as("国庆节、中秋节, Wednesday").isFalse();
    assertThat(calendar.isWorkingDay(date("2026-02-16"))).as("春节, Monday").isFalse();
    assertThat(calendar.isWorkingDay(date("2026-01-02"))).as("元旦, Friday").isFalse();
  }

  @Test
  void adjustedWorkingWeekendDaysAreWorkingDays() {
    assertThat(calendar.isWorkingDay(date("2025-09-28"))).as("Sunday 调休上班").isTrue();
    assertThat(calendar.isWorkingDay(date("2025-10-11"))).as("Saturday 调休上班").isTrue();
    assertThat(calendar.isWorkingDay(date("2026-02-14"))).as("Saturday 调休上班").isTrue();
  }

  @Test
  void shipsTheStateCouncilCalendarsOf2025And2026() {
    assertThat(calendar.yearsWithData()).contains(2025, 2026);
    var years = calendar.reload().years();
    var y2025 = years.stream().filter(y -> y.year() == 2025).findFirst().orElseThrow();
    var y2026 = years.stream().filter(y -> y.year() == 2026).findFirst().orElseThrow();
    // SPEC §3.6: 1 + 8 + 3 + 5 + 3 + 8 days off, 5 working weekend days in 2025;
    // 3 + 9 + 3 + 5 + 3 + 3 + 7 and 6 in 2026
    assertThat(y2025.daysOff()).isEqualTo(28);
    assertThat(y2025.workingWeekendDays()).isEqualTo(5);
    assertThat(y2025.source()).contains("国办发明电〔2024〕12号");
    assertThat(y2026.daysOff()).isEqualTo(33);
    assertThat(y2026.workingWeekendDays()).isEqualTo(6);
    assertThat(y2026.source()).contains("2026年部分节假日安排");
  }

  @Test
  void deadlineAcrossTheNationalDayHolidayEndsAtTheCloseOfTheFifthWorkingDay() {
    // 10-1 … 10-8 off; 10-9 Thu, 10-10 Fri, 10-11 Sat (调休上班), 10-13 Mon, 10-14 Tue
    assertThat(end("2025-09-30T10:15:00", 5)).isEqualTo("2025-10-14T23:59:59");
  }

  @Test
  void deadlineCountsAnAdjustedWorkingWeekendDay() {
    // 2-13 Fri, 2-14 Sat (调休上班)
    assertThat(end("2026-02-12T09:00:00", 2)).isEqualTo("2026-02-14T23:59:59");
    // 2-14 Sat (调休上班), then 2-15 … 2-23 off: 2-24, 2-25
    assertThat(end("2026-02-13T16:30:00", 3)).isEqualTo("2026-02-25T23:59:59");
  }

  @Test
  void deadlineStartedOnAHolidayOrAWeekendCountsFromTheNextWorkingDay() {
    assertThat(end("2025-10-03T11:00:00", 1)).isEqualTo("2025-10-09T23:59:59");
    assertThat(end("2025-10-01T08:00:00", 5)).isEqualTo("2025-10-14T23:59:59");
    assertThat(end("2025-09-28T08:00:00", 1)).as("started on a working Sunday").isEqualTo("2025-09-29T23:59:59");
  }

  @Test
  void deadlineCrossesTheTurnOfTheYear() {
    // 2026-01-01 … 01-03 off, 01-04 Sunday 调休上班
    assertThat(end("2025-12-31T17:00:00", 1)).isEqualTo("2026-01-04T23:59:59");
  }

  @Test
  void yearWithoutDataCountsMondayToFridayAndCreatesOneTaskForTheAdministrators() {
    assertThat(calendar.yearsWithData()).doesNotContain(2031);
    assertThat(calendar.isWorkingDay(date("2031-01-01"))).as("New Year, a Wednesday, unknown").isTrue();
    assertThat(end("2031-03-07T10:00:00", 1)).as("Friday → Monday").isEqualTo("2031-03-10T23:59:59");
    assertThat(end("2031-03-07T10:00:00", 1)).isEqualTo("2031-03-10T23:59:59");
    // the warnings run one after another: once this one is done, the two above are too
    warning.raise(2031).join();

    var reminders = tasks.createTaskQuery().taskName("请补充2031年节假日安排").list();
    assertThat(reminders).hasSize(1);
    assertThat(reminders.get(0).getDescription()).contains("2031年", "周一至周五", "2031.csv");
    assertThat(tasks.getIdentityLinksForTask(reminders.get(0).getId()))
        .extracting(IdentityLink::getGroupId).containsExactly(Groups.ADMINS);

    // a second node, which knows nothing of the first one's task
    var otherNode = new MissingCalendarWarning(tasks, history, transactionManager);
    try {
      otherNode.raise(2031).join();
    } finally {
      otherNode.destroy();
    }
    assertThat(tasks.createTaskQuery().taskName("请补充2031年节假日安排").count()).isEqualTo(1);
  }

  @Test
  void twoNodesNoticingTheSameMissingYearAtOnceCreateOneTask() {
    var node1 = new MissingCalendarWarning(tasks, history, transactionManager);
    var node2 = new MissingCalendarWarning(tasks, history, transactionManager);
    try {
      CompletableFuture.allOf(node1.raise(2032), node2.raise(2032)).join();
    } finally {
      node1.destroy();
      node2.destroy();
    }
    assertThat(tasks.createTaskQuery().taskName("请补充2032年节假日安排").count()).isEqualTo(1);
  }

  @Test
  void checksThisYearAndInNovemberAlsoNextYear() {
    assertThat(calendar.checkCoverage(date("2026-06-15"))).isEmpty();
    assertThat(calendar.checkCoverage(date("2026-10-31"))).isEmpty();
    assertThat(calendar.checkCoverage(date("2033-11-02"))).containsExactly(2033, 2034);
    warning.raise(2034).join();
    assertThat(tasks.createTaskQuery().taskName("请补充2033年节假日安排").count()).isEqualTo(1);
    assertThat(tasks.createTaskQuery().taskName("请补充2034年节假日安排").count()).isEqualTo(1);
  }
}
