package cn.jiuji.assistance;

import static cn.jiuji.assistance.CaseVariables.*;

import cn.jiuji.ledger.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * A case turned down: the household is told the reason that the "no" flow recorded
 * ({@link Rejection}) together with its right to ask for a review (a notification record, SPEC
 * §3.1).
 */
@Component("recordRejection")
public class RecordRejection implements JavaDelegate {

  static final String KIND = "REJECTION";

  private final Notifications notifications;

  RecordRejection(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FlowElement step = execution.getBpmnModelInstance().getModelElementById(REJECTED_AT.from(execution));
    String message = Notifications.rejection(HOUSEHOLD_HEAD.from(execution), "“一事一议”临时救助申请",
        CASE_NO.from(execution), step.getName(), REJECTION_REASON.from(execution));
    notifications.notifyOnce(CASE_NO.from(execution), ID_NUMBER.from(execution), KIND, message);
  }
}
