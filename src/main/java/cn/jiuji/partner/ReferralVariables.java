package cn.jiuji.partner;

import cn.jiuji.base.CaseVariable;

/**
 * The variables of a referral (SPEC §9): civil affairs' choice on the case
 * ({@code referPartners}) and each {@code partnerReferral} instance's own. A referral also holds a
 * copy of the case file as it stood when it was referred (CaseVariables' names), which its forms
 * show read-only.
 */
public final class ReferralVariables {

  public static final String PROCESS_KEY = "partnerReferral";

  // referPartners, on the case
  /** Json array of department codes ({@link PartnerDepartment}), may be empty. */
  public static final String REFERRALS = "referrals";
  public static final CaseVariable<String> REFERRAL_NOTE = CaseVariable.of("referralNote", String.class);
  /** The element variable of the multi-instance that starts one referral per department. */
  public static final CaseVariable<String> REFERRAL = CaseVariable.of("referral", String.class);

  // set when a referral starts
  public static final CaseVariable<String> DEPARTMENT = CaseVariable.of("department", String.class);
  public static final CaseVariable<String> DEPARTMENT_NAME = CaseVariable.of("departmentName", String.class);
  public static final CaseVariable<String> PARTNER_GROUP = CaseVariable.of("partnerGroup", String.class);
  public static final CaseVariable<String> AID_SOURCE = CaseVariable.of("aidSource", String.class);
  public static final CaseVariable<String> CASE_INSTANCE_ID = CaseVariable.of("caseProcessInstanceId", String.class);

  // partnerAid
  public static final CaseVariable<String> AID_KIND = CaseVariable.of("aidKind", String.class);
  public static final CaseVariable<Long> AID_AMOUNT = CaseVariable.of("aidAmount", Long.class);
  public static final CaseVariable<Long> MONTHLY_AMOUNT = CaseVariable.of("monthlyAmount", Long.class);
  public static final CaseVariable<Long> MONTHS = CaseVariable.of("months", Long.class);
  public static final CaseVariable<String> AID_NOTE = CaseVariable.of("aidNote", String.class);
  public static final CaseVariable<String> AID_DECIDED_BY = CaseVariable.of("aidDecidedBy", String.class);
  /** The first month of monthly aid, {@code 2026-07}: the month after the decision. */
  public static final CaseVariable<String> FIRST_MONTH = CaseVariable.of("firstMonth", String.class);
  public static final CaseVariable<Long> PAID_MONTHS = CaseVariable.of("paidMonths", Long.class);

  // stopMonthlyAid
  public static final CaseVariable<String> STOP_REASON = CaseVariable.of("stopReason", String.class);
  public static final CaseVariable<String> STOPPED_BY = CaseVariable.of("stoppedBy", String.class);

  private ReferralVariables() {}
}
