package cn.jiuji.partner;

/**
 * The ids of {@code partnerReferral.bpmn} that code and tests refer to (as
 * {@code assistance.Elements} for the case model). What happens at each element is written on the
 * element itself.
 */
public final class PartnerElements {

  public static final String REFERRAL_RECEIVED = "referralReceived";
  public static final String PARTNER_AID = "partnerAid";
  public static final String RECORD_ONE_OFF_AID = "recordOneOffAid";
  public static final String SCHEDULE_MONTHLY_AID = "scheduleMonthlyAid";
  public static final String MONTHLY_PAYMENT_DUE = "monthlyPaymentDue";
  public static final String PAY_MONTHLY_AID = "payMonthlyAid";
  public static final String STOP_MONTHLY_AID = "stopMonthlyAid";
  public static final String RECORD_AID_STOPPED = "recordAidStopped";

  // how a referral ends
  public static final String ONE_OFF_AID_RECORDED = "oneOffAidRecorded";
  public static final String AID_WITHOUT_MONEY = "aidWithoutMoney";
  public static final String MONTHLY_AID_COMPLETED = "monthlyAidCompleted";
  public static final String MONTHLY_AID_STOPPED = "monthlyAidStopped";

  private PartnerElements() {}
}
