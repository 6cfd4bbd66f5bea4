package cn.jiuji.partner;

import static cn.jiuji.partner.ReferralVariables.*;

import cn.jiuji.assistance.CaseVariables;
import cn.jiuji.base.CountyClock;
import cn.jiuji.ledger.GrantRecord;
import cn.jiuji.ledger.GrantSource;
import cn.jiuji.ledger.Ledger;
import cn.jiuji.ledger.MonthlyAidPlans;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * A department's money into the ledger (SPEC §9), each step of partnerReferral.bpmn that pays
 * calling one method. One-off aid is recorded at once; monthly aid once a month from the month
 * after the decision, on the timer the model shows, exactly once per case, source and month (the
 * ledger's unique key), however often a job runs.
 */
@Component("partnerPayments")
public class PartnerPayments {

  private final Ledger ledger;
  private final MonthlyAidPlans plans;
  private final PartnerAidProperties settings;
  private final CountyClock clock;

  PartnerPayments(Ledger ledger, MonthlyAidPlans plans, PartnerAidProperties settings, CountyClock clock) {
    this.ledger = ledger;
    this.plans = plans;
    this.settings = settings;
    this.clock = clock;
  }

  public void oneOff(DelegateExecution execution) {
    ledger.record(grant(execution, AID_AMOUNT.from(execution)));
  }

  /** Records the plan of monthly aid, which the case summary shows beside the months paid. */
  public void scheduleMonthly(DelegateExecution execution) {
    plans.plan(CaseVariables.CASE_NO.from(execution), CaseVariables.ID_NUMBER.from(execution), source(execution),
        BigDecimal.valueOf(MONTHLY_AMOUNT.from(execution)), MONTHS.from(execution).intValue(),
        YearMonth.parse(FIRST_MONTH.from(execution)), AID_DECIDED_BY.from(execution), clock.now());
  }

  /** When the next month is paid: its payment day and time in the county (the timer's date). */
  public Date nextPayment(DelegateExecution execution) {
    YearMonth month = nextMonth(execution);
    return Date.from(month.atDay(settings.paymentDay()).atTime(settings.paymentTime()).atZone(clock.zone()).toInstant());
  }

  /** Pays the next month; a month recorded already (a job run again) is not paid twice. */
  public void payMonth(DelegateExecution execution) {
    ledger.recordMonth(grant(execution, MONTHLY_AMOUNT.from(execution)), nextMonth(execution));
    PAID_MONTHS.set(execution, PAID_MONTHS.from(execution) + 1);
  }

  /** The department stopped the monthly aid early: the months paid stand, no more follow. */
  public void stop(DelegateExecution execution) {
    plans.stop(CaseVariables.CASE_NO.from(execution), source(execution), STOP_REASON.from(execution),
        STOPPED_BY.from(execution), clock.now());
  }

  private YearMonth nextMonth(DelegateExecution execution) {
    return YearMonth.parse(FIRST_MONTH.from(execution)).plusMonths(PAID_MONTHS.from(execution));
  }

  private GrantRecord grant(DelegateExecution execution, long amount) {
    return new GrantRecord(CaseVariables.ID_NUMBER.from(execution), CaseVariables.CASE_NO.from(execution),
        source(execution), BigDecimal.valueOf(amount), clock.now(), AID_DECIDED_BY.from(execution));
  }

  private static GrantSource source(DelegateExecution execution) {
    return GrantSource.valueOf(AID_SOURCE.from(execution));
  }
}
