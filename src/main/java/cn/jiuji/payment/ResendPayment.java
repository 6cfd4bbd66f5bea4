package cn.jiuji.payment;

import static cn.jiuji.payment.PaymentVariables.*;

import cn.jiuji.assistance.CaseVariables;
import cn.jiuji.ledger.BankPayments;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${resendPayment}}: the corrected grant goes back into its batch's payment list (SENT),
 * to the new account (SPEC §8). The case keeps the new account too, while it runs, so that its
 * summary and forms show the account the money goes to now.
 */
@Component("resendPayment")
public class ResendPayment implements JavaDelegate {

  private final BankPayments bank;
  private final RuntimeService runtime;

  ResendPayment(BankPayments bank, RuntimeService runtime) {
    this.bank = bank;
    this.runtime = runtime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNo = CASE_NO.from(execution);
    String account = BANK_ACCOUNT.from(execution);
    String bankName = BANK_NAME.from(execution);
    bank.resend(caseNo, account, bankName);
    runtime.createProcessInstanceQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
        .processInstanceBusinessKey(caseNo).list()
        .forEach(open -> runtime.setVariables(open.getId(), Map.of(
            CaseVariables.BANK_ACCOUNT.name(), account, CaseVariables.BANK_NAME.name(), bankName)));
  }
}
