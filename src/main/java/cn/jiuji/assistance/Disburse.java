package cn.jiuji.assistance;

import cn.jiuji.base.CountyClock;
import static cn.jiuji.assistance.CaseVariables.*;

import cn.jiuji.ledger.BankPayments;
import cn.jiuji.ledger.GrantRecord;
import cn.jiuji.ledger.GrantSource;
import cn.jiuji.ledger.Ledger;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${disburse.execute(execution)}}: the county pays what the advance did not cover (SPEC
 * §3.1 step 6, §3.2) through the bank (SPEC §8): the grant enters the ledger as SENT in the payment
 * list of the case's batch (the meeting's {@code batchNo}; a case approved on its own has a list of
 * its own, numbered with the case number), to the account the first visit recorded. An
 * asynchronous job with retries; the ledger's unique key (case, source) makes a retried job pay
 * nothing twice, and the ledger refuses what would go over the household's annual cap without the
 * leading group's override (the job fails and becomes an incident).
 */
@Component("disburse")
public class Disburse implements JavaDelegate {
  private final Ledger ledger;
  private final BankPayments bank;
  private final CountyClock clock;

  Disburse(Ledger ledger, BankPayments bank, CountyClock clock) {
    this.ledger = ledger;
    this.bank = bank;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long approved = APPROVED_AMOUNT.from(execution);
    long advance = ADVANCE_AMOUNT.from(execution) == null ? 0 : ADVANCE_AMOUNT.from(execution);
    long net = Math.max(0, approved - advance);
    String household = ID_NUMBER.from(execution);
    String caseNo = CASE_NO.from(execution);
    String approvedBy = APPROVED_BY.from(execution);
    // the override first: the ledger lets a payment over the annual cap through only with it
    if (Boolean.TRUE.equals(CAP_OVERRIDE.from(execution))) {
      ledger.recordCapOverride(household, caseNo, BigDecimal.valueOf(approved),
          CAP_OVERRIDE_REASON.from(execution), approvedBy);
    }
    if (net > 0) {
      String batchNo = BATCH_NO.from(execution) == null ? caseNo : BATCH_NO.from(execution);
      bank.send(new GrantRecord(household, caseNo, GrantSource.CIVIL_AFFAIRS_CASE,
              BigDecimal.valueOf(net), clock.now(), approvedBy), batchNo,
          new BankPayments.Payee(HOUSEHOLD_HEAD.from(execution), TOWNSHIP.from(execution),
              TOWNSHIP_NAME.from(execution), BANK_ACCOUNT.from(execution), BANK_NAME.from(execution)));
    }
    PAID_AMOUNT.set(execution, net);
  }
}
