package cn.jiuji.assistance;

import static cn.jiuji.assistance.CaseVariables.REJECTED_AT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Notes at which step a case was turned down: listener of every "no" flow in the model. */
@Component("rejection")
public class Rejection {

  public void at(DelegateExecution execution, String step) {
    REJECTED_AT.set(execution, step);
  }
}
