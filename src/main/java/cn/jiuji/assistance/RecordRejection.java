package cn.jiuji.assistance;

import static cn.jiuji.assistance.CaseVariables.*;

import cn.jiuji.casefile.Notifications;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * A case turned down: the reason is what the deciding step wrote, and the household is told it
 * together with its right to ask for a review (a notification record, SPEC §3.1).
 */
@Component("recordRejection")
public class RecordRejection implements JavaDelegate {

  /** Where each deciding step writes its reason. */
  private static final Map<String, CaseVariable<String>> REASONS = Map.of(
      "confirmScreening", SCREENING_NOTE,
      "firstVisit", VISIT_FINDINGS,
      "preliminaryOpinion", OPINION,
      "secondReview", REVIEW_NOTE,
      "groupApproval", APPROVAL_NOTE);

  static final String KIND = "REJECTION";

  private final Notifications notifications;

  RecordRejection(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String step = REJECTED_AT.from(execution);
    String reason = REASONS.get(step).from(execution);
    REJECTION_REASON.set(execution, reason);
    PAPERWORK_DONE.set(execution, true);
    FlowElement stepElement = execution.getBpmnModelInstance().getModelElementById(step);
    String message = String.format(
        "%s：您家的“一事一议”临时救助申请（案件编号 %s）在“%s”环节未获通过。理由：%s。"
            + Notifications.rightToObject(),
        HOUSEHOLD_HEAD.from(execution), CASE_NO.from(execution), stepElement.getName(), reason);
    notifications.notifyOnce(CASE_NO.from(execution), ID_NUMBER.from(execution), KIND, message);
  }
}
