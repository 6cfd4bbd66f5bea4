package cn.jiuji.enrollment;

import static cn.jiuji.enrollment.EnrollmentVariables.*;

import cn.jiuji.assistance.CaseVariable;
import cn.jiuji.casefile.Notifications;
import cn.jiuji.decision.Category;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * An enrollment turned down: the reason is what the deciding step wrote, and the household is
 * told it with its right to ask for a review, in the case's notification record (as a rejected
 * case is, SPEC §3.1).
 */
@Component("notifyEnrollmentRejection")
public class NotifyEnrollmentRejection implements JavaDelegate {

  static final String KIND = "ENROLLMENT_REJECTION";

  /** Where each deciding step writes its reason. */
  private static final Map<String, CaseVariable<String>> REASONS = Map.of(
      "economicVerification", VERIFICATION_NOTE,
      "enrollmentApproval", ENROLLMENT_NOTE);

  private final Notifications notifications;

  NotifyEnrollmentRejection(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String step = REJECTED_AT.from(execution);
    String reason = REASONS.get(step).from(execution);
    REJECTION_REASON.set(execution, reason);
    FlowElement stepElement = execution.getBpmnModelInstance().getModelElementById(step);
    String requested = Category.parse(REQUESTED_CATEGORY.from(execution)).map(Category::label).orElse("长效保障");
    String caseNo = execution.getProcessBusinessKey();
    String message = String.format(
        "%s：您家的%s认定申请（案件编号 %s）在“%s”环节未获通过。理由：%s。"
            + Notifications.rightToObject(),
        HOUSEHOLD_HEAD.from(execution), requested, caseNo, stepElement.getName(), reason);
    notifications.notifyOnce(caseNo, ID_NUMBER.from(execution), KIND, message);
  }
}
