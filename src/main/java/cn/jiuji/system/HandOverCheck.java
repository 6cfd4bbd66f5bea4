package cn.jiuji.system;

import cn.jiuji.base.RuleBreak;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

/**
 * SPEC §12: a task is handed (assigned, claimed, delegated, given an owner or another candidate)
 * only to members of the candidate groups its model names. Inside the engine, on every user task
 * of every model (a built-in listener added at parse time, which runs whatever API changed the
 * task: either REST root, Tasklist, Cockpit, Java), because a leading-group task handed to a
 * township worker of another township let that worker approve money and read the family's file.
 *
 * <p>The groups are those of the model ({@code camunda:candidateGroups}, evaluated for the case),
 * not the task's current identity links, so that adding a group first does not open the door.
 * A task without candidates in its model (a standalone task) is not held to the rule.
 */
@Component
class HandOverCheck extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(new OnEveryUserTask());
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  static final class OnEveryUserTask extends AbstractBpmnParseListener {
    private static final TaskListener CHECK = HandOverCheck::check;

    @Override
    public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
      TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
      // "update" follows every change of an open task (assignee, owner, identity links);
      // "assignment" also an assignee given when the task is created
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, CHECK);
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, CHECK);
    }
  }

  static void check(DelegateTask task) {
    if (!(task instanceof TaskEntity entity) || entity.getTaskDefinition() == null) {
      return;
    }
    Set<String> groups = evaluate(entity.getTaskDefinition().getCandidateGroupIdExpressions(), entity);
    Set<String> users = evaluate(entity.getTaskDefinition().getCandidateUserIdExpressions(), entity);
    if (groups.isEmpty() && users.isEmpty()) {
      return;
    }
    var rule = new Candidates(groups, users);
    rule.mayTake(task.getAssignee());
    rule.mayTake(task.getOwner());
    for (IdentityLink link : task.getCandidates()) {
      if (link.getUserId() != null) {
        rule.mayTake(link.getUserId());
      }
      if (link.getGroupId() != null && !groups.contains(link.getGroupId())) {
        throw RuleBreak.forbidden("本任务只能由" + rule.groupNames() + "办理，不能再交给“"
            + name(link.getGroupId()) + "”");
      }
    }
  }

  /** The model's candidates for this task, as the engine evaluated them when it created the task. */
  private static Set<String> evaluate(Set<Expression> expressions, TaskEntity task) {
    Set<String> ids = new LinkedHashSet<>();
    for (Expression expression : expressions) {
      Object value = expression.getValue(task);
      if (value instanceof String text) {
        for (String id : text.split(",")) {
          if (!id.isBlank()) {
            ids.add(id.trim());
          }
        }
      } else if (value instanceof Collection<?> many) {
        many.forEach(id -> ids.add(String.valueOf(id)));
      }
    }
    return ids;
  }

  private record Candidates(Set<String> groups, Set<String> users) {

    void mayTake(String user) {
      if (user == null || users.contains(user)) {
        return;
      }
      boolean member = lookup(() -> identity().createGroupQuery().groupMember(user).list())
          .stream().map(Group::getId).anyMatch(groups::contains);
      if (!member) {
        User found = lookup(() -> identity().createUserQuery().userId(user).singleResult());
        String who = found == null ? user : (nameOf(found) + "（" + user + "）");
        throw RuleBreak.forbidden("“" + who + "”不是" + groupNames() + "的成员，本任务不能交给其办理");
      }
    }

    String groupNames() {
      return groups.stream().map(HandOverCheck::name).map(name -> "“" + name + "”")
          .collect(Collectors.joining("、"));
    }
  }

  private static String name(String groupId) {
    Group group = lookup(() -> identity().createGroupQuery().groupId(groupId).singleResult());
    return group == null || group.getName() == null ? groupId : group.getName();
  }

  private static String nameOf(User user) {
    String name = (user.getFirstName() == null ? "" : user.getFirstName())
        + (user.getLastName() == null ? "" : user.getLastName());
    return name.isBlank() ? user.getId() : name;
  }

  private static org.camunda.bpm.engine.IdentityService identity() {
    return Context.getProcessEngineConfiguration().getIdentityService();
  }

  /** Who belongs where is asked without the user's authorizations: a worker may not read groups. */
  private static <T> T lookup(java.util.concurrent.Callable<T> query) {
    return Context.getCommandContext().runWithoutAuthorization(query);
  }
}
