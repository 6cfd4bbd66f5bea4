package cn.jiuji.assistance;

import cn.jiuji.base.CaseVariable;

/** The variables of a {@code temporaryAssistance} case (SPEC §3.1–§3.3): the contract. */
public final class CaseVariables {

  public static final String PROCESS_KEY = "temporaryAssistance";

  // start (SPEC §3.1)
  public static final CaseVariable<String> HOUSEHOLD_HEAD = CaseVariable.of("householdHead", String.class);
  public static final CaseVariable<String> ID_NUMBER = CaseVariable.of("idNumber", String.class);
  public static final CaseVariable<String> TOWNSHIP = CaseVariable.of("township", String.class);
  public static final CaseVariable<String> VILLAGE = CaseVariable.of("village", String.class);
  public static final CaseVariable<String> CATEGORY = CaseVariable.of("category", String.class);
  public static final CaseVariable<Double> SELF_PAID_TWO_YEARS = CaseVariable.of("selfPaidTwoYears", Double.class);
  public static final CaseVariable<String> SOURCE = CaseVariable.of("source", String.class);
  public static final CaseVariable<Boolean> EMERGENCY = CaseVariable.of("emergency", Boolean.class);

  // set at start
  public static final CaseVariable<String> CASE_NO = CaseVariable.of("caseNo", String.class);
  public static final CaseVariable<String> TOWNSHIP_GROUP = CaseVariable.of("townshipGroup", String.class);
  public static final CaseVariable<String> TOWNSHIP_NAME = CaseVariable.of("townshipName", String.class);
  public static final CaseVariable<String> ID_NUMBER_MASKED = CaseVariable.of("idNumberMasked", String.class);
  public static final CaseVariable<String> POLICY_DATE = CaseVariable.of("policyDate", String.class);
  public static final CaseVariable<Boolean> ELIGIBLE = CaseVariable.of("eligible", Boolean.class);
  public static final CaseVariable<Double> THRESHOLD = CaseVariable.of("threshold", Double.class);
  public static final CaseVariable<Double> RATIO = CaseVariable.of("ratio", Double.class);
  public static final CaseVariable<Long> SUGGESTED_AMOUNT = CaseVariable.of("suggestedAmount", Long.class);
  public static final CaseVariable<Long> CAP_REMAINING = CaseVariable.of("capRemaining", Long.class);
  public static final CaseVariable<Long> TOP_UP_MAX = CaseVariable.of("topUpMax", Long.class);
  public static final CaseVariable<Long> ADVANCE_LIMIT = CaseVariable.of("advanceLimit", Long.class);
  public static final CaseVariable<Boolean> ADVANCE_PAID = CaseVariable.of("advancePaid", Boolean.class);
  public static final CaseVariable<Boolean> PAPERWORK_DONE = CaseVariable.of("paperworkDone", Boolean.class);
  /** Comma-separated ids of the steps that ran past their deadline (SPEC §3.1). */
  public static final CaseVariable<String> OVERDUE_STEPS = CaseVariable.of("overdueSteps", String.class);
  public static final CaseVariable<String> OVERDUE_STEP_NAMES = CaseVariable.of("overdueStepNames", String.class);

  // confirmScreening
  public static final CaseVariable<Boolean> SCREENING_CONFIRMED = CaseVariable.of("screeningConfirmed", Boolean.class);
  public static final CaseVariable<String> SCREENING_NOTE = CaseVariable.of("screeningNote", String.class);
  // firstVisit
  public static final CaseVariable<Boolean> VISIT_CONFIRMS_HARDSHIP = CaseVariable.of("visitConfirmsHardship", Boolean.class);
  public static final CaseVariable<Boolean> ESPECIALLY_DIFFICULT = CaseVariable.of("especiallyDifficult", Boolean.class);
  public static final CaseVariable<Long> HOUSEHOLD_SIZE = CaseVariable.of("householdSize", Long.class);
  public static final CaseVariable<String> VISIT_FINDINGS = CaseVariable.of("visitFindings", String.class);
  /** The family's account for the money (SPEC §8): digits, shown masked everywhere but the payment list. */
  public static final CaseVariable<String> BANK_ACCOUNT = CaseVariable.of("bankAccount", String.class);
  public static final CaseVariable<String> BANK_NAME = CaseVariable.of("bankName", String.class);
  // preliminaryOpinion
  public static final CaseVariable<Long> PROPOSED_TOP_UP = CaseVariable.of("proposedTopUp", Long.class);
  public static final CaseVariable<Long> PROPOSED_AMOUNT = CaseVariable.of("proposedAmount", Long.class);
  public static final CaseVariable<Boolean> RECOMMEND = CaseVariable.of("recommend", Boolean.class);
  public static final CaseVariable<String> OPINION = CaseVariable.of("opinion", String.class);
  /**
   * Why a case below its threshold goes on (SPEC §11): the township's at preliminaryOpinion, in
   * the case; the leading group's at groupApproval, local to that step (its input mapping), where
   * the township's is shown as {@link #TOWNSHIP_BELOW_THRESHOLD_REASON}.
   */
  public static final CaseVariable<String> BELOW_THRESHOLD_REASON = CaseVariable.of("belowThresholdReason", String.class);
  public static final CaseVariable<String> TOWNSHIP_BELOW_THRESHOLD_REASON =
      CaseVariable.of("townshipBelowThresholdReason", String.class);
  // secondReview
  public static final CaseVariable<Boolean> REVIEW_PASSED = CaseVariable.of("reviewPassed", Boolean.class);
  public static final CaseVariable<Long> REVIEWED_AMOUNT = CaseVariable.of("reviewedAmount", Long.class);
  public static final CaseVariable<String> REVIEW_NOTE = CaseVariable.of("reviewNote", String.class);
  // groupApproval
  public static final CaseVariable<Boolean> APPROVED = CaseVariable.of("approved", Boolean.class);
  public static final CaseVariable<Long> APPROVED_AMOUNT = CaseVariable.of("approvedAmount", Long.class);
  public static final CaseVariable<String> APPROVAL_NOTE = CaseVariable.of("approvalNote", String.class);
  public static final CaseVariable<Boolean> CAP_OVERRIDE = CaseVariable.of("capOverride", Boolean.class);
  public static final CaseVariable<String> CAP_OVERRIDE_REASON = CaseVariable.of("capOverrideReason", String.class);
  public static final CaseVariable<String> APPROVED_BY = CaseVariable.of("approvedBy", String.class);
  // emergencyGrant (SPEC §3.2)
  public static final CaseVariable<Long> ADVANCE_AMOUNT = CaseVariable.of("advanceAmount", Long.class);
  public static final CaseVariable<String> EMERGENCY_NOTE = CaseVariable.of("emergencyNote", String.class);
  public static final CaseVariable<String> ADVANCE_APPROVED_BY = CaseVariable.of("advanceApprovedBy", String.class);
  /** Who signed off each step of the case's chain (SignOffChain): {@code preliminaryOpinion:sanban1,...}. */
  public static final CaseVariable<String> SIGNED_OFF_BY = CaseVariable.of("signedOffBy", String.class);
  // disburse
  /**
   * The batch (批次) of the meeting that decided the case, {@code 2026-01} (SPEC §8); a case approved
   * on its own has none, and its payment list is numbered with the case number.
   */
  public static final CaseVariable<String> BATCH_NO = CaseVariable.of("batchNo", String.class);
  public static final CaseVariable<Long> PAID_AMOUNT = CaseVariable.of("paidAmount", Long.class);
  // rejection at any step
  public static final CaseVariable<String> REJECTED_AT = CaseVariable.of("rejectedAt", String.class);
  public static final CaseVariable<String> REJECTION_REASON = CaseVariable.of("rejectionReason", String.class);
  public static final CaseVariable<String> WRITE_OFF_NOTE = CaseVariable.of("writeOffNote", String.class);
  public static final CaseVariable<String> ESCALATION_NOTE = CaseVariable.of("escalationNote", String.class);
  // follow-up (SPEC §3.3)
  public static final CaseVariable<Boolean> PERSISTENT_HARDSHIP = CaseVariable.of("persistentHardship", Boolean.class);
  public static final CaseVariable<String> LONG_TERM_TRACK = CaseVariable.of("longTermTrack", String.class);
  public static final CaseVariable<String> FOLLOW_UP_NOTE = CaseVariable.of("followUpNote", String.class);

  private CaseVariables() {}
}
