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

  /** The escalation task's own copy of what it is about: the late step and when it was due. */
  public static final String OVERDUE_STEP = "overdueStep";
  public static final String OVERDUE_STEP_DUE = "overdueStepDue";

  private static final java.time.format.DateTimeFormatter DUE =
      java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 EEEE HH:mm", java.util.Locale.CHINA);

  private final cn.jiuji.base.CountyClock clock;

  public Overdue(cn.jiuji.base.CountyClock clock) {
    this.clock = clock;
  }

  /** A step that is an element of the model: the case shows it by its name there. */
  public void record(DelegateTask escalation, String step) {
    FlowElement element = escalation.getExecution().getBpmnModelInstance().getModelElementById(step);
    if (element == null) {
      throw new IllegalStateException("催办任务 " + escalation.getTaskDefinitionKey()
          + " 记录的超期环节 " + step + " 不是本流程的元素；请在模型中改正，或写明环节名称");
    }
    record(escalation, step, element.getName());
    // the step's open task: the escalation shows when it was due
    var late = escalation.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(escalation.getProcessInstanceId()).taskDefinitionKey(step).listPage(0, 1);
    if (!late.isEmpty() && late.get(0).getDueDate() != null) {
      escalation.setVariableLocal(OVERDUE_STEP_DUE, DUE.format(late.get(0).getDueDate().toInstant().atZone(clock.zone())));
    }
  }

  /** A step that is no single element (the paperwork after an advance), with its label. */
  public void record(DelegateTask escalation, String step, String label) {
    var execution = escalation.getExecution();
    escalation.setVariableLocal(OVERDUE_STEP, label);
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
