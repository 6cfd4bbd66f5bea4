package cn.jiuji.calendar;

import cn.jiuji.base.RuleBreak;
import cn.jiuji.identity.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets an administrator load new calendar files at once instead of within the minute. */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  private final WorkingDayCalendar calendar;
  private final IdentityService identity;

  CalendarController(WorkingDayCalendar calendar, IdentityService identity) {
    this.calendar = calendar;
    this.identity = identity;
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
