package cn.jiuji.assistance;

/**
 * The ids of {@code temporaryAssistance.bpmn} that code and tests refer to (holunda's
 * {@code Elements} idea): a designer who renames one of these in Modeler finds here what depends
 * on it. What the code does at each element is written on the element itself (its listeners and
 * mappings), never looked up by id.
 */
public final class Elements {

  // user tasks (SPEC §3.1–§3.3)
  public static final String CONFIRM_SCREENING = "confirmScreening";
  public static final String EMERGENCY_GRANT = "emergencyGrant";
  public static final String FIRST_VISIT = "firstVisit";
  public static final String PRELIMINARY_OPINION = "preliminaryOpinion";
  public static final String SECOND_REVIEW = "secondReview";
  public static final String GROUP_APPROVAL = "groupApproval";
  public static final String WRITE_OFF_ADVANCE = "writeOffAdvance";
  public static final String FOLLOW_UP_ASSESSMENT = "followUpAssessment";
  /** 转介联动部门 (SPEC §9), after the payment */
  public static final String REFER_PARTNERS = "referPartners";

  // 催办 tasks of the overdue steps
  public static final String ESCALATE_CONFIRM_SCREENING = "escalateConfirmScreening";
  public static final String ESCALATE_EMERGENCY_GRANT = "escalateEmergencyGrant";
  public static final String ESCALATE_FIRST_VISIT = "escalateFirstVisit";
  public static final String ESCALATE_PRELIMINARY_OPINION = "escalatePreliminaryOpinion";
  public static final String ESCALATE_SECOND_REVIEW = "escalateSecondReview";
  public static final String ESCALATE_GROUP_APPROVAL = "escalateGroupApproval";
  public static final String ESCALATE_PAPERWORK = "escalatePaperwork";

  /**
   * The paperwork after an advance (SPEC §3.2): a deadline and an overdue step of its own, but
   * no element, since it spans firstVisit and preliminaryOpinion.
   */
  public static final String PAPERWORK = "paperwork";

  // service tasks, jobs and timers
  public static final String PAY_ADVANCE = "payAdvance";
  public static final String DISBURSE = "disburse";
  public static final String RECORD_REJECTION = "recordRejection";
  public static final String START_ENROLLMENT = "startEnrollment";
  /** one partnerReferral instance per department referred (multi-instance) */
  public static final String START_REFERRALS = "startReferrals";
  public static final String FOLLOW_UP_DUE = "followUpDue";
  public static final String PAPERWORK_WATCH = "paperworkWatch";
  public static final String PAPERWORK_OVERDUE = "paperworkOverdue";
  public static final String PAPERWORK_DONE = "paperworkDone";

  // how a case ends
  public static final String CASE_CLOSED = "caseClosed";
  public static final String CASE_CLOSED_REJECTED = "caseClosedRejected";
  public static final String CASE_CLOSED_WRITTEN_OFF = "caseClosedWrittenOff";
  public static final String ENROLLMENT_STARTED = "enrollmentStarted";
  public static final String PAPERWORK_DONE_END = "paperworkDoneEnd";

  private Elements() {}
}
