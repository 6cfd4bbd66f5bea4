package cn.jiuji.partner;

import static cn.jiuji.partner.ReferralVariables.*;

import cn.jiuji.assistance.CaseVariables;
import cn.jiuji.base.CountyClock;
import cn.jiuji.base.FormValues;
import cn.jiuji.base.RuleBreak;
import cn.jiuji.ledger.CapProperties;
import cn.jiuji.ledger.GrantSource;
import cn.jiuji.ledger.Ledger;
import java.time.YearMonth;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What a department's answer must hold (SPEC §9), one method per user task of
 * partnerReferral.bpmn, called by its complete listener. A rule break keeps the task open with a
 * Chinese message, as on the case's own tasks.
 */
@Component("partnerAidRules")
public class PartnerAidRules {

  static final String ONE_OFF = "ONE_OFF";
  static final String MONTHLY = "MONTHLY";
  static final String SERVICE = "SERVICE";
  static final String NONE = "NONE";
  private static final java.util.List<String> KINDS = java.util.List.of(ONE_OFF, MONTHLY, SERVICE, NONE);

  private final PartnerAidProperties settings;
  private final CapProperties cap;
  private final Ledger ledger;
  private final CountyClock clock;
  private final IdentityService identity;

  PartnerAidRules(PartnerAidProperties settings, CapProperties cap, Ledger ledger, CountyClock clock,
      IdentityService identity) {
    this.settings = settings;
    this.cap = cap;
    this.ledger = ledger;
    this.clock = clock;
    this.identity = identity;
  }

  public void partnerAid(DelegateTask task) {
    FormValues form = new FormValues(task);
    String kind = form.text(AID_KIND, "帮扶方式", true);
    if (!KINDS.contains(kind)) {
      throw RuleBreak.badRequest("未知的帮扶方式 “" + kind + "”");
    }
    long amount = 0;
    long monthly = 0;
    long months = 0;
    if (kind.equals(ONE_OFF)) {
      amount = form.wholeNumber(AID_AMOUNT, "一次性帮扶金额");
      if (amount == 0) {
        throw RuleBreak.badRequest("一次性帮扶金额必须大于 0");
      }
    } else if (kind.equals(MONTHLY)) {
      monthly = form.wholeNumber(MONTHLY_AMOUNT, "每月帮扶金额");
      if (monthly == 0) {
        throw RuleBreak.badRequest("每月帮扶金额必须大于 0");
      }
      months = form.wholeNumber(MONTHS, "帮扶月数");
      if (months < 1 || months > settings.maxMonths()) {
        throw RuleBreak.badRequest("帮扶月数须在 1 至 " + settings.maxMonths() + " 个月之间，期满仍需帮扶的请重新转介");
      }
      FIRST_MONTH.set(task, YearMonth.from(clock.today()).plusMonths(1).toString());
      PAID_MONTHS.set(task, 0L);
    }
    form.text(AID_NOTE, "帮扶情况说明", kind.equals(SERVICE) || kind.equals(NONE));
    // what the answer did not choose is no decision: the history keeps zeros, not stray figures
    AID_AMOUNT.set(task, amount);
    MONTHLY_AMOUNT.set(task, monthly);
    MONTHS.set(task, months);
    GrantSource source = GrantSource.valueOf(AID_SOURCE.from(task));
    long total = amount + monthly * months;
    if (total > 0 && cap.capped(source)) {
      // told at once; the ledger checks again under the household's lock when it pays
      long remaining = ledger.capRemaining(CaseVariables.ID_NUMBER.from(task), clock.year());
      if (total > remaining) {
        throw RuleBreak.badRequest(source.label() + " " + total + " 元超过家庭年度剩余额度 " + remaining
            + " 元：乡镇临时救助属于民政救助资金，计入家庭年度救助上限");
      }
    }
    AID_DECIDED_BY.set(task, worker(task));
  }

  public void stopMonthlyAid(DelegateTask task) {
    new FormValues(task).text(STOP_REASON, "提前终止的理由", true);
    STOPPED_BY.set(task, worker(task));
  }

  private String worker(DelegateTask task) {
    var authentication = identity.getCurrentAuthentication();
    if (authentication != null) {
      return authentication.getUserId();
    }
    return task.getAssignee() == null ? "system" : task.getAssignee();
  }
}
