package cn.jiuji.system;

import cn.jiuji.base.RuleBreak;
import java.util.List;
import java.util.Set;

/**
 * What the allow-list cannot say of a few endpoints, for users other than administrators:
 *
 * <ul>
 *   <li>County figures: statistics, reports and metrics count every case of the county, whatever
 *       the user may see of them (the engine does not filter those counts by its authorizations).
 *       They are for the users who read the county in Cockpit (its application access), not for
 *       a township.
 *   <li>Notes on a task (comments, attachments) are written by whoever works on the task: its
 *       assignee, owner or a member of a candidate group; a read-only manager sees tasks but
 *       writes nothing on them.
 * </ul>
 */
final class RouteRules {

  static final String COUNTY_FIGURES = "全县的统计数据仅限县级管理人员在 Cockpit 中查看";
  static final String NOTES = "只有本任务的办理人或办理组成员才能在任务上填写评论或添加附件";
  private static final Set<String> NOTE_ENDPOINTS = Set.of("comment", "attachment");

  private RouteRules() {}

  /** A read that counts the county's cases. */
  static boolean countsTheCounty(RestRoute route) {
    List<String> segments = route.segments();
    return !segments.isEmpty() && (segments.get(0).equalsIgnoreCase("metrics")
        || segments.stream().anyMatch(segment -> segment.equalsIgnoreCase("statistics")
            || segment.toLowerCase(java.util.Locale.ROOT).endsWith("report")));
  }

  /** Paging a query by a negative number is a 400, not the database's error (a 500). */
  static void checkPaging(jakarta.servlet.http.HttpServletRequest request) {
    // from the query string itself: asking the request for a parameter would read a form body
    String query = request.getQueryString();
    if (query == null) {
      return;
    }
    for (String pair : query.split("&")) {
      String[] parts = pair.split("=", 2);
      String name;
      String value;
      try {
        name = java.net.URLDecoder.decode(parts[0], java.nio.charset.StandardCharsets.UTF_8);
        value = parts.length < 2 ? "" : java.net.URLDecoder.decode(parts[1], java.nio.charset.StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw RuleBreak.badRequest("请求地址中的参数编码不正确");
      }
      if ((name.equals("firstResult") || name.equals("maxResults")) && !value.strip().matches("\\d{1,9}")) {
        throw RuleBreak.badRequest("分页参数 " + name + " 必须是不小于 0 的整数（收到 “" + value + "”）");
      }
    }
  }

  static void check(RestRoute route, RequestUser user, EngineLookups lookups) {
    if (route.isRead() && countsTheCounty(route) && !lookups.readsTheCounty(user)) {
      throw RuleBreak.forbidden(COUNTY_FIGURES);
    }
    List<String> segments = route.segments();
    if (!route.isRead() && segments.size() >= 3 && segments.get(0).equalsIgnoreCase("task")
        && NOTE_ENDPOINTS.contains(segments.get(2).toLowerCase(java.util.Locale.ROOT))
        && !lookups.worksOn(user, segments.get(1))) {
      throw RuleBreak.forbidden(NOTES);
    }
  }
}
