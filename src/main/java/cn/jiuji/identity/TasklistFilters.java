package cn.jiuji.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every worker starts with: 我的待办, 本组待办, 即将到期, 已超期, showing case
 * number, township and household head as columns. Created once at start-up and readable by all
 * (a global READ authorization per filter); only administrators may change them.
 *
 * <p>"Due soon" needs working days, which a filter expression cannot count: each task's
 * follow-up date is set by the model to the start of its warning window
 * ({@code ${deadlines.warnFrom('step')}}), so 即将到期 = follow-up date passed, due date not yet.
 */
@Component
@Order(2)
public class TasklistFilters extends AbstractProcessEnginePlugin {

  static final String MY_TASKS = "我的待办";
  static final String GROUP_TASKS = "本组待办";
  static final String DUE_SOON = "即将到期";
  static final String OVERDUE = "已超期";

  private static final List<Map<String, String>> COLUMNS = List.of(
      Map.of("name", "caseNo", "label", "案件编号"),
      Map.of("name", "townshipName", "label", "乡镇"),
      Map.of("name", "householdHead", "label", "户主"));

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    FilterService filters = engine.getFilterService();
    TaskService tasks = engine.getTaskService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    ensure(filters, authorizations, MY_TASKS, -10, "#3f7ee8", "分配给我本人的任务",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    ensure(filters, authorizations, GROUP_TASKS, -5, "#52a15a", "本组（本乡镇或本科室）可以领取的任务",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .orderByDueDate().asc());
    ensure(filters, authorizations, DUE_SOON, 0, "#e8a33f", "两个工作日内到期、尚未办结的任务",
        mine(tasks, q -> q.followUpBeforeExpression("${now()}").dueAfterExpression("${now()}")));
    ensure(filters, authorizations, OVERDUE, 5, "#d9534f", "已超过办理时限的任务，请尽快办理",
        mine(tasks, q -> q.dueBeforeExpression("${now()}")));
  }

  /** Tasks of the current user or of one of the user's groups. */
  private static TaskQuery mine(TaskService tasks, UnaryOperator<TaskQuery> condition) {
    TaskQuery query = condition.apply(tasks.createTaskQuery());
    query.or()
        .taskAssigneeExpression("${currentUser()}")
        .taskCandidateGroupInExpression("${currentUserGroups()}")
        .endOr();
    return query.orderByDueDate().asc();
  }

  private static void ensure(FilterService filters, AuthorizationService authorizations,
      String name, int priority, String color, String description, TaskQuery query) {
    if (filters.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", priority);
    properties.put("color", color);
    properties.put("description", description);
    properties.put("refresh", true);
    properties.put("variables", COLUMNS);
    Filter filter = filters.newTaskFilter(name).setQuery(query).setProperties(properties);
    filters.saveFilter(filter);
    var readable = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
    readable.setResource(Resources.FILTER);
    readable.setResourceId(filter.getId());
    readable.addPermission(Permissions.READ);
    authorizations.saveAuthorization(readable);
  }
}
