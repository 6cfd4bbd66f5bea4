package cn.jiuji.assistance;

import static cn.jiuji.assistance.CaseVariables.OVERDUE_STEPS;
import static cn.jiuji.assistance.CaseVariables.OVERDUE_STEP_NAMES;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/** Records on the case which step ran past its deadline, when its 催办 task is created. */
@Component("overdue")
public class Overdue implements TaskListener {

  private static final String ESCALATE = "escalate";

  /** Create listener of every 催办 task: {@code escalateFirstVisit} records {@code firstVisit}. */
  @Override
  public void notify(DelegateTask escalation) {
    String key = escalation.getTaskDefinitionKey().substring(ESCALATE.length());
    String step = Character.toLowerCase(key.charAt(0)) + key.substring(1);
    var execution = escalation.getExecution();
    List<String> steps = new ArrayList<>(split(OVERDUE_STEPS.from(execution)));
    if (steps.contains(step)) {
      return;
    }
    steps.add(step);
    FlowElement element = execution.getBpmnModelInstance().getModelElementById(step);
    String label = element == null ? "补办手续" : element.getName();
    List<String> names = new ArrayList<>(split(OVERDUE_STEP_NAMES.from(execution)));
    names.add(label);
    // on the process instance, so that the case summary and every later form see it
    execution.getProcessInstance().setVariable(OVERDUE_STEPS.name(), String.join(",", steps));
    execution.getProcessInstance().setVariable(OVERDUE_STEP_NAMES.name(), String.join("、", names));
  }

  /** The steps of {@code overdueSteps} (or the labels of {@code overdueStepNames}) as a list. */
  public static List<String> split(String joined) {
    return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split("[,、]"));
  }
}
