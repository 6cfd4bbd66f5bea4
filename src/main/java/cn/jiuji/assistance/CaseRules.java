package cn.jiuji.assistance;

import cn.jiuji.base.CountyClock;
import cn.jiuji.base.RuleBreak;
import cn.jiuji.base.FormValues;
import static cn.jiuji.assistance.CaseVariables.*;

import cn.jiuji.household.BankAccounts;
import cn.jiuji.ledger.Ledger;
import cn.jiuji.decision.PolicyProperties;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The rules of SPEC §3.1 that a completed form must keep, one method per user task of
 * {@code temporaryAssistance.bpmn}, each called by the complete listener of its task
 * ({@code ${caseRules.firstVisit(task)}}). A rule break throws, the completion is rolled back, the
 * task stays open and the worker reads why in Chinese.
 */
@Component("caseRules")
public class CaseRules {

  static final String NO_TRACK = "NONE";
  private static final java.util.List<String> LONG_TERM_TRACKS =
      java.util.List.of(NO_TRACK, "DIBAO_EDGE", "DIBAO", "TEKUN");

  private final PolicyProperties policy;
  private final CountyClock clock;
  private final Ledger ledger;
  private final IdentityService identity;
  private final BankAccounts bankAccounts;

  CaseRules(PolicyProperties policy, Ledger ledger, IdentityService identity, CountyClock clock,
      BankAccounts bankAccounts) {
    this.bankAccounts = bankAccounts;
    this.policy = policy;
    this.clock = clock;
    this.ledger = ledger;
    this.identity = identity;
  }

  public void confirmScreening(DelegateTask task) {
    FormValues form = new FormValues(task);
    boolean confirmed = form.yesNo(SCREENING_CONFIRMED, "是否确认为救助对象");
    form.text(SCREENING_NOTE, "不予确认的理由", !confirmed);
  }

  public void emergencyGrant(DelegateTask task) {
    FormValues form = new FormValues(task);
    long advance = form.wholeNumber(ADVANCE_AMOUNT, "先行救助金额");
    if (advance == 0) {
      throw RuleBreak.badRequest("先行救助金额必须大于 0");
    }
    if (advance > policy.townshipAdvanceLimit()) {
      throw RuleBreak.badRequest("先行救助金额 " + advance + " 元超过乡镇先行救助限额 "
          + policy.townshipAdvanceLimit() + " 元，超出部分请走正常审批程序");
    }
    // told at once; the ledger checks again under the household's lock when the advance is paid
    long remaining = ledger.capRemaining(ID_NUMBER.from(task), clock.year());
    if (advance > remaining) {
      throw RuleBreak.badRequest("先行救助金额 " + advance + " 元超过家庭年度剩余额度 " + remaining
          + " 元，乡镇不能先行发放超出年度上限的救助金");
    }
    form.text(EMERGENCY_NOTE, "紧急情况说明", true);
    ADVANCE_APPROVED_BY.set(task, worker(task));
  }

  public void firstVisit(DelegateTask task) {
    FormValues form = new FormValues(task);
    form.yesNo(VISIT_CONFIRMS_HARDSHIP, "入户调查是否确认家庭困难");
    form.yesNo(ESPECIALLY_DIFFICULT, "是否家庭特别困难");
    if (form.wholeNumber(HOUSEHOLD_SIZE, "家庭人口") < 1) {
      throw RuleBreak.badRequest("家庭人口至少为 1 人");
    }
    form.text(VISIT_FINDINGS, "入户调查情况", true);
    BANK_ACCOUNT.set(task, bankAccounts.checked(task.getVariable(BANK_ACCOUNT.name())));
    form.text(BANK_NAME, "开户银行", true);
  }

  public void preliminaryOpinion(DelegateTask task) {
    FormValues form = new FormValues(task);
    boolean recommend = form.yesNo(RECOMMEND, "是否建议救助");
    long topUp = form.wholeNumber(PROPOSED_TOP_UP, "加发金额");
    long amount = form.wholeNumber(PROPOSED_AMOUNT, "建议救助总额");
    if (topUp > 0 && !Boolean.TRUE.equals(ESPECIALLY_DIFFICULT.from(task))) {
      throw RuleBreak.badRequest("入户调查未认定家庭特别困难，不能加发救助金（加发金额请填 0）");
    }
    if (topUp > policy.topUpMax()) {
      throw RuleBreak.badRequest("加发金额 " + topUp + " 元超过上限 " + policy.topUpMax() + " 元");
    }
    if (recommend && amount == 0) {
      throw RuleBreak.badRequest("建议救助时，建议救助总额必须大于 0");
    }
    belowThreshold(task, form, recommend, "建议救助");
    form.text(OPINION, "初步意见", true);
  }

  public void secondReview(DelegateTask task) {
    FormValues form = new FormValues(task);
    boolean passed = form.yesNo(REVIEW_PASSED, "再次审核是否通过");
    long amount = form.wholeNumber(REVIEWED_AMOUNT, "审核金额");
    if (passed && amount == 0) {
      throw RuleBreak.badRequest("审核通过时，审核金额必须大于 0");
    }
    form.text(REVIEW_NOTE, "审核意见", true);
  }

  public void groupApproval(DelegateTask task) {
    FormValues form = new FormValues(task);
    boolean approved = form.yesNo(APPROVED, "审批结果");
    long amount = form.wholeNumber(APPROVED_AMOUNT, "批准金额");
    boolean override = form.flag(CAP_OVERRIDE);
    String note = form.text(APPROVAL_NOTE, "审批意见", !approved);
    APPROVED_BY.set(task, worker(task));
    belowThreshold(task, form, approved, "批准救助");
    if (!approved) {
      return;
    }
    if (amount == 0) {
      throw RuleBreak.badRequest("批准救助时，批准金额必须大于 0");
    }
    if (amount > policy.maxCaseAmount()) {
      throw RuleBreak.badRequest("批准金额 " + amount + " 元超过单个案件救助金额上限 " + policy.maxCaseAmount()
          + " 元，突破家庭年度上限的决定也不能超过此限额");
    }
    Long reviewed = REVIEWED_AMOUNT.from(task);
    if (note.isEmpty()) {
      throw RuleBreak.badRequest(reviewed != null && amount > reviewed
          ? "批准金额 " + amount + " 元高于审核金额 " + reviewed + " 元，请在审批意见中写明理由"
          : "请填写：审批意见");
    }
    // what the county still pays counts against the cap; the advance is in the ledger already
    long advance = ADVANCE_AMOUNT.from(task) == null ? 0 : ADVANCE_AMOUNT.from(task);
    int year = clock.year();
    long remaining = ledger.capRemaining(ID_NUMBER.from(task), year);
    CAP_REMAINING.set(task, remaining);
    long newMoney = Math.max(0, amount - advance);
    if (newMoney > remaining) {
      if (!override) {
        throw RuleBreak.badRequest("批准金额 " + amount + " 元（本次需发放 " + newMoney + " 元）超过家庭年度剩余额度 "
            + remaining + " 元。原则上不得突破年度上限；确需突破的，请勾选“突破家庭年度救助上限”并写明理由");
      }
      form.text(CAP_OVERRIDE_REASON, "突破上限理由", true);
    } else {
      // no override without need: a stray tick must not be recorded as a decision
      CAP_OVERRIDE.set(task, false);
    }
  }

  public void writeOffAdvance(DelegateTask task) {
    new FormValues(task).text(WRITE_OFF_NOTE, "核销说明", true);
  }

  public void followUpAssessment(DelegateTask task) {
    FormValues form = new FormValues(task);
    boolean hardship = form.yesNo(PERSISTENT_HARDSHIP, "家庭是否仍然困难");
    String track = form.text(LONG_TERM_TRACK, "长效保障类别", true);
    if (!LONG_TERM_TRACKS.contains(track)) {
      throw RuleBreak.badRequest("未知的长效保障类别 “" + track + "”");
    }
    if (!hardship && !NO_TRACK.equals(track)) {
      throw RuleBreak.badRequest("家庭已不再困难时，长效保障类别应选“不需要转入”");
    }
    form.text(FOLLOW_UP_NOTE, "跟踪评估情况", true);
  }

  /** Every 催办 task: what was done about the overdue step. */
  public void escalation(DelegateTask task) {
    new FormValues(task).text(ESCALATION_NOTE, "催办情况", true);
  }

  /**
   * SPEC §11: a case below its threshold may still go on (一事一议), but whoever moves it on
   * writes why; saying no needs no such reason, and a case above its threshold none at all.
   */
  private static void belowThreshold(DelegateTask task, FormValues form, boolean goesOn, String decision) {
    if (!goesOn || !Boolean.FALSE.equals(ELIGIBLE.from(task))) {
      return;
    }
    if (form.text(BELOW_THRESHOLD_REASON, "低于门槛的理由", false).isEmpty()) {
      throw RuleBreak.badRequest(String.format("本案两年个人自付医疗费用 %s 元低于救助门槛 %s 元，%s须写明低于门槛的理由",
          yuan(SELF_PAID_TWO_YEARS.from(task)), yuan(THRESHOLD.from(task)), decision));
    }
  }

  private static String yuan(Double amount) {
    return amount == null ? "—" : new java.math.BigDecimal(amount.toString()).stripTrailingZeros().toPlainString();
  }

  /** The township's reason, shown to the leading group beside its own (the input mapping of groupApproval). */
  public String belowThresholdReason(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
    return BELOW_THRESHOLD_REASON.from(execution);
  }

  private String worker(DelegateTask task) {
    var authentication = identity.getCurrentAuthentication();
    if (authentication != null) {
      return authentication.getUserId();
    }
    return task.getAssignee() == null ? "system" : task.getAssignee();
  }
}
