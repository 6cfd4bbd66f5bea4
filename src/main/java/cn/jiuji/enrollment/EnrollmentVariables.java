package cn.jiuji.enrollment;

import cn.jiuji.base.CaseVariable;
import cn.jiuji.assistance.CaseVariables;

/**
 * The variables of a {@code subsistenceEnrollment} (低保/低保边缘/特困供养认定, SPEC §3.3). The
 * household's data carry the case's names: they are the same facts, copied from the case once.
 */
public final class EnrollmentVariables {

  public static final String PROCESS_KEY = "subsistenceEnrollment";

  // carried over from the temporaryAssistance case, never retyped
  public static final CaseVariable<String> HOUSEHOLD_HEAD = CaseVariables.HOUSEHOLD_HEAD;
  public static final CaseVariable<String> ID_NUMBER = CaseVariables.ID_NUMBER;
  public static final CaseVariable<String> ID_NUMBER_MASKED = CaseVariables.ID_NUMBER_MASKED;
  public static final CaseVariable<String> TOWNSHIP = CaseVariables.TOWNSHIP;
  public static final CaseVariable<String> TOWNSHIP_NAME = CaseVariables.TOWNSHIP_NAME;
  public static final CaseVariable<String> TOWNSHIP_GROUP = CaseVariables.TOWNSHIP_GROUP;
  public static final CaseVariable<String> VILLAGE = CaseVariables.VILLAGE;
  /** The category the household held in the case (the one in force when the case started). */
  public static final CaseVariable<String> CATEGORY = CaseVariables.CATEGORY;
  public static final CaseVariable<Long> HOUSEHOLD_SIZE = CaseVariables.HOUSEHOLD_SIZE;
  /** The case's {@code longTermTrack}: DIBAO_EDGE, DIBAO or TEKUN. */
  public static final CaseVariable<String> REQUESTED_CATEGORY = CaseVariable.of("requestedCategory", String.class);
  /** The case number; also the enrollment's business key. */
  public static final CaseVariable<String> SOURCE_CASE_NO = CaseVariable.of("sourceCaseNo", String.class);

  // enrollmentApplication (township)
  public static final CaseVariable<Long> ANNUAL_INCOME = CaseVariable.of("annualIncome", Long.class);
  public static final CaseVariable<Long> MONTHLY_INCOME_PER_CAPITA = CaseVariable.of("monthlyIncomePerCapita", Long.class);
  public static final CaseVariable<String> HOUSEHOLD_MEMBERS = CaseVariable.of("householdMembers", String.class);
  public static final CaseVariable<String> HOUSEHOLD_ASSETS = CaseVariable.of("householdAssets", String.class);

  // economicVerification (civilAffairs)
  public static final CaseVariable<Boolean> VERIFICATION_PASSED = CaseVariable.of("verificationPassed", Boolean.class);
  public static final CaseVariable<String> VERIFICATION_NOTE = CaseVariable.of("verificationNote", String.class);

  // public notice (公示) and objections
  /** Start and last day of the running notice, yyyy-MM-dd (county time). */
  public static final CaseVariable<String> NOTICE_START = CaseVariable.of("noticeStart", String.class);
  public static final CaseVariable<String> NOTICE_END = CaseVariable.of("noticeEnd", String.class);
  public static final CaseVariable<String> OBJECTION_NOTE = CaseVariable.of("objectionNote", String.class);
  public static final CaseVariable<String> OBJECTION_RECORDED_BY = CaseVariable.of("objectionRecordedBy", String.class);
  public static final CaseVariable<Long> OBJECTION_COUNT = CaseVariable.of("objectionCount", Long.class);

  // enrollmentApproval (civilAffairs)
  public static final CaseVariable<Boolean> ENROLLMENT_APPROVED = CaseVariable.of("enrollmentApproved", Boolean.class);
  public static final CaseVariable<String> GRANTED_CATEGORY = CaseVariable.of("grantedCategory", String.class);
  public static final CaseVariable<String> ENROLLMENT_NOTE = CaseVariable.of("enrollmentNote", String.class);
  public static final CaseVariable<String> ENROLLMENT_APPROVED_BY = CaseVariable.of("enrollmentApprovedBy", String.class);
  /** The day the granted category took effect, yyyy-MM-dd. */
  public static final CaseVariable<String> CATEGORY_SINCE = CaseVariable.of("categorySince", String.class);

  // not enrolled
  public static final CaseVariable<String> REJECTED_AT = CaseVariables.REJECTED_AT;
  public static final CaseVariable<String> REJECTION_REASON = CaseVariables.REJECTION_REASON;

  private EnrollmentVariables() {}
}
