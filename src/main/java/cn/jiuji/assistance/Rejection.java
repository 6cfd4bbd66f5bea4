package cn.jiuji.assistance;

import static cn.jiuji.assistance.CaseVariables.REJECTED_AT;
import static cn.jiuji.assistance.CaseVariables.REJECTION_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Notes where and why a case was turned down. Listener of every "no" flow of the models, which
 * names the deciding step and the variable its reason is in:
 * {@code ${rejection.at(execution, 'secondReview', reviewNote)}}.
 */
@Component("rejection")
public class Rejection {

  public void at(DelegateExecution execution, String step, String reason) {
    REJECTED_AT.set(execution, step);
    REJECTION_REASON.set(execution, reason);
  }
}
