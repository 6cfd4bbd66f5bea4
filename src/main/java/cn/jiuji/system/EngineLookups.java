package cn.jiuji.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What the form policy asks the engine: read without the user's authorizations, since it only
 * tells which form applies; and the few queries that are asked as the user, as the REST API would.
 */
final class EngineLookups {

  /** Its services exist once the engine is built, after the servlet filters are created. */
  private final ProcessEngineConfigurationImpl engine;
  private final ObjectMapper json;

  EngineLookups(ProcessEngineConfigurationImpl engine, ObjectMapper json) {
    this.engine = engine;
    this.json = json;
  }

  Task task(String taskId) {
    return unchecked(() -> engine.getTaskService().createTaskQuery().taskId(taskId).singleResult());
  }

  FormFields taskForm(Task task) {
    return form(() -> engine.getFormService().getDeployedTaskForm(task.getId()));
  }

  ProcessDefinition definition(VariableWrite.Start write) {
    return unchecked(() -> {
      var query = engine.getRepositoryService().createProcessDefinitionQuery();
      if (write.definitionId() != null) {
        return query.processDefinitionId(write.definitionId()).singleResult();
      }
      query.processDefinitionKey(write.key()).latestVersion();
      if (write.tenantId() != null) {
        query.tenantIdIn(write.tenantId());
      }
      List<ProcessDefinition> found = query.list();
      // several tenants' definitions of one key: the REST API refuses to choose, so do we
      return found.size() == 1 ? found.get(0) : null;
    });
  }

  FormFields startForm(ProcessDefinition definition) {
    return form(() -> engine.getFormService().getDeployedStartForm(definition.getId()));
  }

  /** The deployed Camunda Form, or none (a task without one takes no variables from workers). */
  private FormFields form(Callable<InputStream> deployed) {
    return unchecked(() -> {
      try (InputStream form = deployed.call()) {
        return FormFields.of(json.readTree(form));
      } catch (ProcessEngineException e) {
        return FormFields.NONE;
      }
    });
  }

  /** The values of a task's variables, as a form shows them; a variable that does not exist is missing. */
  Map<String, Object> taskValues(String taskId, List<String> names) {
    return asShown(unchecked(() -> engine.getTaskService().getVariablesTyped(taskId, names, false)));
  }

  /** The values as a form shows them: an object not deserialized shows as its JSON or XML text. */
  private static Map<String, Object> asShown(VariableMap found) {
    Map<String, Object> values = new HashMap<>();
    for (String name : found.keySet()) {
      TypedValue value = found.getValueTyped(name);
      values.put(name, value instanceof SerializableValue serializable && !serializable.isDeserialized()
          ? serializable.getValueSerialized() : value.getValue());
    }
    return values;
  }

  /** Every variable the task sees, for the conditions of its form. */
  Map<String, Object> taskVariables(String taskId) {
    return asShown(unchecked(() -> engine.getTaskService().getVariablesTyped(taskId, false)));
  }

  /**
   * Whether a form's {@code conditional.hide} holds, in the engine's FEEL as form-js evaluates it in
   * Tasklist; a condition that cannot be evaluated hides nothing, so the field stays required.
   */
  Boolean hidden(FormLimits.Condition condition) {
    var dmn = (org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration) engine.getDmnEngineConfiguration();
    try {
      Object result = dmn.getFeelEngine().evaluateSimpleExpression(condition.expression(),
          org.camunda.bpm.engine.variable.Variables.fromMap(condition.variables()).asVariableContext());
      return Boolean.TRUE.equals(result);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Whether the user may see the task: a refusal tells a stranger no more than the engine would. */
  boolean userSeesTask(RequestUser user, String taskId) {
    return asUser(user, () -> engine.getTaskService().createTaskQuery().taskId(taskId).count()) > 0;
  }

  boolean userSeesDefinition(RequestUser user, String definitionId) {
    return asUser(user, () -> engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionId(definitionId).count()) > 0;
  }

  /** Whether the user reads the whole county in Cockpit (managers, leaders, designers). */
  boolean readsTheCounty(RequestUser user) {
    return unchecked(() -> engine.getAuthorizationService().isUserAuthorized(user.id(), user.groups(),
        org.camunda.bpm.engine.authorization.Permissions.ACCESS, org.camunda.bpm.engine.authorization.Resources.APPLICATION,
        "cockpit"));
  }

  /** Whether the user works on the task: its assignee or owner, a candidate, or in a candidate group. */
  boolean worksOn(RequestUser user, String taskId) {
    return unchecked(() -> {
      Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
      if (task == null) {
        return false;
      }
      if (user.id().equals(task.getAssignee()) || user.id().equals(task.getOwner())) {
        return true;
      }
      return engine.getTaskService().getIdentityLinksForTask(taskId).stream()
          .filter(link -> org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(link.getType()))
          .anyMatch(link -> user.id().equals(link.getUserId()) || user.groups().contains(link.getGroupId()));
    });
  }

  /** A query with the user's authorizations, as the REST API would run it. */
  private <T> T asUser(RequestUser user, Callable<T> query) {
    var identity = engine.getIdentityService();
    if (identity.getCurrentAuthentication() != null) {
      return call(query);
    }
    identity.setAuthentication(user.id(), user.groups());
    try {
      return call(query);
    } finally {
      identity.clearAuthentication();
    }
  }

  <T> T unchecked(Callable<T> lookup) {
    return engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(lookup));
  }

  private static <T> T call(Callable<T> query) {
    try {
      return query.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
