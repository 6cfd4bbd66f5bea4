package cn.jiuji.assistance;

import static cn.jiuji.assistance.CaseVariables.OVERDUE_STEPS;
import static cn.jiuji.assistance.CaseVariables.OVERDUE_STEP_NAMES;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * Records on the case which step ran past its deadline. Create listener of every 催办 task, which
 * names its step: {@code ${overdue.record(task, 'firstVisit')}}.
 */
@Component("overdue")
public class Overdue {

  /** A step that is an element of the model: the case shows it by its name there. */
  public void record(DelegateTask escalation, String step) {
    FlowElement element = escalation.getExecution().getBpmnModelInstance().getModelElementById(step);
    if (element == null) {
      throw new IllegalStateException("催办任务 " + escalation.getTaskDefinitionKey()
          + " 记录的超期环节 " + step + " 不是本流程的元素；请在模型中改正，或写明环节名称");
    }
    record(escalation, step, element.getName());
  }

  /** A step that is no single element (the paperwork after an advance), with its label. */
  public void record(DelegateTask escalation, String step, String label) {
    var execution = escalation.getExecution();
    List<String> steps = new ArrayList<>(split(OVERDUE_STEPS.from(execution)));
    if (steps.contains(step)) {
      return;
    }
    steps.add(step);
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
