package cn.jiuji.payment;

import cn.jiuji.base.CaseVariable;

/** The variables of a {@code paymentCorrection} instance (SPEC §8): one failed grant of a case. */
public final class PaymentVariables {

  public static final String PROCESS_KEY = "paymentCorrection";
  /** The user task of the model. */
  public static final String CORRECT_PAYMENT = "correctPayment";

  public static final CaseVariable<String> CASE_NO = CaseVariable.of("caseNo", String.class);
  public static final CaseVariable<String> BATCH_NO = CaseVariable.of("batchNo", String.class);
  public static final CaseVariable<String> HOUSEHOLD_HEAD = CaseVariable.of("householdHead", String.class);
  public static final CaseVariable<String> TOWNSHIP_GROUP = CaseVariable.of("townshipGroup", String.class);
  public static final CaseVariable<String> TOWNSHIP_NAME = CaseVariable.of("townshipName", String.class);
  public static final CaseVariable<Double> PAYMENT_AMOUNT = CaseVariable.of("paymentAmount", Double.class);
  public static final CaseVariable<String> FAILURE_REASON = CaseVariable.of("failureReason", String.class);
  /** The account the bank could not pay to, masked: the whole number stays in the ledger. */
  public static final CaseVariable<String> PREVIOUS_ACCOUNT_MASKED = CaseVariable.of("previousAccountMasked", String.class);
  // correctPayment
  public static final CaseVariable<String> BANK_ACCOUNT = CaseVariable.of("bankAccount", String.class);
  public static final CaseVariable<String> BANK_NAME = CaseVariable.of("bankName", String.class);

  private PaymentVariables() {}
}
