package cn.jiuji.system;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Refuses to deploy a model with a user task that has no complete listener. What a form must hold
 * is written on each task ({@code ${caseRules.firstVisit(task)}}); a task a designer adds and
 * forgets to give its rules would otherwise accept whatever a worker submits. The deployment
 * fails with the task named, in Modeler as at start-up, before any case reaches the task.
 */
@Component
class UserTaskRulesCheck extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(new Check());
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  static final class Check extends AbstractBpmnParseListener {
    @Override
    public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
      var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
      if (definition.getTaskListeners().getOrDefault(TaskListener.EVENTNAME_COMPLETE, List.of()).isEmpty()) {
        String name = userTask.attribute("name") == null ? "" : "“" + userTask.attribute("name") + "”";
        throw new ProcessEngineException("流程 " + ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey()
            + " 的用户任务" + name + "（" + activity.getId() + "）没有完成监听器（complete）："
            + "请在模型中写明该任务完成时要检查的规则，例如 ${caseRules." + activity.getId() + "(task)}");
      }
    }
  }
}
