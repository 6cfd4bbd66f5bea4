package cn.jiuji.assistance;

import cn.jiuji.base.CountyClock;
import static cn.jiuji.assistance.CaseVariables.*;

import cn.jiuji.ledger.GrantRecord;
import cn.jiuji.ledger.GrantSource;
import cn.jiuji.ledger.Ledger;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${payAdvance.execute(execution)}}: the township's advance, 先行救助 (SPEC §3.2). An
 * asynchronous job with retries; the ledger's unique key (case, source) makes a retried job pay
 * nothing twice, and the ledger refuses an advance over the household's annual cap (the job
 * fails and becomes an incident: a township has no override).
 */
@Component("payAdvance")
public class PayAdvance implements JavaDelegate {
  private final Ledger ledger;
  private final CountyClock clock;

  PayAdvance(Ledger ledger, CountyClock clock) {
    this.ledger = ledger;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long advance = ADVANCE_AMOUNT.from(execution);
    ledger.record(new GrantRecord(ID_NUMBER.from(execution), CASE_NO.from(execution),
        GrantSource.TOWNSHIP_ADVANCE, BigDecimal.valueOf(advance),
        clock.now(), ADVANCE_APPROVED_BY.from(execution)));
    ADVANCE_PAID.set(execution, true);
  }
}

