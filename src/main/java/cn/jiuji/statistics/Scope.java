package cn.jiuji.statistics;

import cn.jiuji.base.RuleBreak;
import cn.jiuji.identity.CountyProperties;
import cn.jiuji.identity.Groups;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Whose figures a user may read (SPEC §10): the county's for county civil affairs, its leaders,
 * the leading group and managers; one township's for its staff; nobody else's. The figures count
 * cases, so they are scoped exactly as the cases are (SPEC §4).
 */
@Component
class Scope {

  static final String REFUSED = "救助统计和台账仅限县民政局、领导小组、管理人员和乡镇工作人员查看";
  private static final Set<String> COUNTY = Set.of(Groups.CIVIL_AFFAIRS, Groups.CIVIL_AFFAIRS_LEADERS,
      Groups.MANAGERS, Groups.LEADING_GROUP);

  private final IdentityService identity;
  private final CountyProperties county;

  Scope(IdentityService identity, CountyProperties county) {
    this.identity = identity;
    this.county = county;
  }

  /**
   * The township the figures are for, null for the whole county.
   *
   * @param asked the {@code township} parameter, may be null or blank
   */
  String township(String asked) {
    String wanted = asked == null || asked.isBlank() ? null : asked.strip();
    if (wanted != null && county.byCode(wanted).isEmpty()) {
      throw RuleBreak.badRequest("未知的乡镇代码“" + asked + "”");
    }
    Authentication user = identity.getCurrentAuthentication();
    List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (groups.stream().anyMatch(COUNTY::contains)) {
      return wanted;
    }
    List<String> own = groups.stream().filter(Groups::isTownship).map(Groups::townshipCode)
        .filter(code -> county.byCode(code).isPresent()).toList();
    if (own.size() != 1) {
      throw RuleBreak.forbidden(REFUSED);
    }
    if (wanted != null && !wanted.equals(own.get(0))) {
      throw RuleBreak.forbidden("乡镇工作人员只能查看本乡镇的救助统计");
    }
    return own.get(0);
  }

  /** The calendar year asked for, or the county's current year. */
  static int year(String asked, int current) {
    if (asked == null || asked.isBlank()) {
      return current;
    }
    String year = asked.strip();
    if (year.matches("\\d{4}")) {
      int value = Integer.parseInt(year);
      if (value >= 2000 && value <= 2999) {
        return value;
      }
    }
    throw RuleBreak.badRequest("年份“" + asked + "”无效：应为四位数字，如 2026");
  }
}
