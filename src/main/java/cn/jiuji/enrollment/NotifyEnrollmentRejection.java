package cn.jiuji.enrollment;

import static cn.jiuji.enrollment.EnrollmentVariables.*;

import cn.jiuji.household.Category;
import cn.jiuji.ledger.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * An enrollment turned down: the household is told the reason that the "no" flow recorded
 * ({@code ${rejection.at(execution, 'enrollmentApproval', enrollmentNote)}}) with its right to
 * ask for a review, in the case's notification record (as a rejected case is, SPEC §3.1).
 */
@Component("notifyEnrollmentRejection")
public class NotifyEnrollmentRejection implements JavaDelegate {

  static final String KIND = "ENROLLMENT_REJECTION";

  private final Notifications notifications;

  NotifyEnrollmentRejection(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FlowElement step = execution.getBpmnModelInstance().getModelElementById(REJECTED_AT.from(execution));
    String requested = Category.parse(REQUESTED_CATEGORY.from(execution)).map(Category::label).orElse("长效保障");
    String caseNo = execution.getProcessBusinessKey();
    String message = Notifications.rejection(HOUSEHOLD_HEAD.from(execution), requested + "认定申请",
        caseNo, step.getName(), REJECTION_REASON.from(execution));
    notifications.notifyOnce(caseNo, ID_NUMBER.from(execution), KIND, message);
  }
}
