package cn.jiuji.payment;

import static cn.jiuji.payment.PaymentVariables.*;

import cn.jiuji.base.FormValues;
import cn.jiuji.household.BankAccounts;
import cn.jiuji.identity.Groups;
import cn.jiuji.base.RuleBreak;
import cn.jiuji.ledger.BankPayments;
import cn.jiuji.ledger.BankPayments.FailedPayment;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * {@code ${paymentCorrection.correctPayment(task)}}: the rules of 更正发放信息 (SPEC §8), and the
 * start of a {@code paymentCorrection} instance for each grant the bank could not pay.
 */
@Component("paymentCorrection")
public class PaymentCorrection {

  private final BankAccounts bankAccounts;
  private final RuntimeService runtime;
  private final BankPayments bank;

  PaymentCorrection(BankAccounts bankAccounts, RuntimeService runtime, BankPayments bank) {
    this.bank = bank;
    this.bankAccounts = bankAccounts;
    this.runtime = runtime;
  }

  /**
   * A correction belongs to a grant the bank reported failed: started by the bank's return, never
   * by hand (a start without the failed grant's case is refused).
   */
  public void checkStart(DelegateExecution execution) {
    String caseNo = CASE_NO.from(execution);
    if (caseNo == null || TOWNSHIP_GROUP.from(execution) == null || !bank.hasFailed(caseNo)) {
      throw RuleBreak.badRequest("更正发放信息由银行回盘中发放失败的救助金自动发起，不能手工发起");
    }
  }

  public void correctPayment(DelegateTask task) {
    BANK_ACCOUNT.set(task, bankAccounts.checked(task.getVariable(BANK_ACCOUNT.name())));
    new FormValues(task).text(BANK_NAME, "开户银行", true);
  }

  /** Opens 更正发放信息 for the case's township; business key: the case number. */
  String start(String batchNo, FailedPayment failed) {
    Map<String, Object> v = new HashMap<>();
    v.put(CASE_NO.name(), failed.caseNo());
    v.put(BATCH_NO.name(), batchNo);
    v.put(HOUSEHOLD_HEAD.name(), failed.payee().householdHead());
    v.put(TOWNSHIP_GROUP.name(), Groups.township(failed.payee().township()));
    v.put(TOWNSHIP_NAME.name(), failed.payee().townshipName());
    v.put(PAYMENT_AMOUNT.name(), failed.amount().doubleValue());
    v.put(FAILURE_REASON.name(), failed.reason());
    v.put(PREVIOUS_ACCOUNT_MASKED.name(), BankAccounts.mask(failed.payee().bankAccount()));
    // the bank stays as it was unless the township changes it
    v.put(BANK_NAME.name(), failed.payee().bankName());
    return runtime.startProcessInstanceByKey(PROCESS_KEY, failed.caseNo(), v).getId();
  }
}
