package cn.jiuji.assistance;

import static cn.jiuji.assistance.CaseVariables.*;

import cn.jiuji.casefile.GrantRecord;
import cn.jiuji.casefile.GrantSource;
import cn.jiuji.casefile.Ledger;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code ${payAdvance.execute(execution)}}: the township's advance, 先行救助 (SPEC §3.2). An
 * asynchronous job with retries; the ledger's unique key (case, source) makes a retried job pay
 * nothing twice.
 */
@Component("payAdvance")
public class PayAdvance implements JavaDelegate {
  private final Ledger ledger;

  PayAdvance(Ledger ledger) {
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long advance = ADVANCE_AMOUNT.from(execution);
    ledger.record(new GrantRecord(ID_NUMBER.from(execution), CASE_NO.from(execution),
        GrantSource.TOWNSHIP_ADVANCE, BigDecimal.valueOf(advance),
        ClockUtil.getCurrentTime().toInstant(), ADVANCE_APPROVED_BY.from(execution)));
    ADVANCE_PAID.set(execution, true);
  }
}

