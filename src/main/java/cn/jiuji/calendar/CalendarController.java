package cn.jiuji.calendar;

import cn.jiuji.base.RuleBreak;
import cn.jiuji.identity.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import java.util.List;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets an administrator load new calendar files at once instead of within the minute. */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  private final WorkingDayCalendar calendar;
  private final IdentityService identity;

  private final cn.jiuji.base.CountyClock clock;

  CalendarController(WorkingDayCalendar calendar, IdentityService identity, cn.jiuji.base.CountyClock clock) {
    this.calendar = calendar;
    this.identity = identity;
    this.clock = clock;
  }

  /** A deadline as staff read it: its day, and the working days left or by which it was missed. */
  record Due(String instant, String day, int workingDaysLeft, int workingDaysLate, String text) {}

  private static final java.time.format.DateTimeFormatter DAY =
      java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 EEEE", java.util.Locale.CHINA);

  /**
   * {@code GET /api/calendar/due?at=ISO-instant&at=...}: what Tasklist writes beside a task's due
   * date (2026年12月9日 星期三 · 剩余2个工作日, 已超期3个工作日, 今日到期), counted in the county's
   * working-day calendar from today. At most 200 instants at once.
   */
  @GetMapping("/due")
  List<Due> due(@RequestParam("at") List<String> instants) {
    if (instants.size() > 200) {
      throw RuleBreak.badRequest("一次最多查询 200 个截止时间");
    }
    java.time.LocalDate today = clock.today();
    return instants.stream().map(text -> {
      java.time.ZonedDateTime due;
      try {
        due = java.time.OffsetDateTime.parse(normalized(text)).atZoneSameInstant(calendar.zone());
      } catch (java.time.format.DateTimeParseException e) {
        throw RuleBreak.badRequest("截止时间“" + text + "”不是有效的时间（应如 2026-12-09T17:30:00.000+0800）");
      }
      java.time.LocalDate day = due.toLocalDate();
      int left = calendar.workingDaysAfter(today, day);
      int late = calendar.workingDaysAfter(day, today);
      String said = day.equals(today) ? "今日到期"
          : day.isAfter(today) ? (left == 0 ? "下一个工作日前到期" : "剩余" + left + "个工作日")
          : (late == 0 ? "已超期（逾期未满一个工作日）" : "已超期" + late + "个工作日");
      return new Due(text, DAY.format(day), left, late, said);
    }).toList();
  }

  /** Camunda writes offsets without a colon (+0800); ISO wants +08:00. */
  private static String normalized(String instant) {
    return instant.trim().replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2");
  }

  /**
   * 200 with the years now in use; 422 naming file and line when a file has a fault (its year
   * keeps its calendar, the other files are loaded).
   */
  @PostMapping("/reload")
  CalendarReload reload() {
    // the /api Basic-auth filter has set the user and their groups
    Authentication user = identity.getCurrentAuthentication();
    if (user == null || user.getGroupIds() == null || !user.getGroupIds().contains(Groups.ADMINS)) {
      throw RuleBreak.forbidden("只有系统管理员可以重新加载节假日日历");
    }
    CalendarReload result = calendar.reload();
    if (!result.errors().isEmpty()) {
      throw RuleBreak.unprocessable(
          "节假日日历文件有错误，这些文件未被采用，相应年份继续使用原有日历，其余文件已重新加载："
              + String.join("；", result.errors()));
    }
    return result;
  }
}
