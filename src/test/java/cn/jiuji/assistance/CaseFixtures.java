package cn.jiuji.assistance;

import cn.jiuji.TestIds;
import java.util.HashMap;
import java.util.Map;

/** Start variables and form answers for the case tests: valid by default, each test varies one. */
public final class CaseFixtures {

  private CaseFixtures() {}

  /** A fresh, checksum-valid citizen ID, so that no two tests share a household. */
  public static String newIdNumber() {
    return TestIds.idNumber();
  }

  public static Map<String, Object> start(String township, String category, double selfPaid) {
    Map<String, Object> v = new HashMap<>();
    v.put("householdHead", "颜某斌");
    v.put("idNumber", newIdNumber());
    v.put("township", township);
    v.put("village", "泗滨村");
    v.put("category", category);
    v.put("selfPaidTwoYears", selfPaid);
    v.put("source", RegisterCase.FIELD_DISCOVERY);
    v.put("emergency", false);
    return v;
  }

  /**
   * What a township worker fills in on the start form (reportCase.form): the township is the
   * worker's own, the source field discovery.
   */
  public static Map<String, Object> report(String category, double selfPaid) {
    Map<String, Object> v = new HashMap<>();
    v.put("householdHead", "颜某斌");
    v.put("idNumber", newIdNumber());
    v.put("village", "泗滨村");
    v.put("category", category);
    v.put("selfPaidTwoYears", selfPaid);
    v.put("emergency", false);
    return v;
  }

  public static Map<String, Object> confirm(boolean yes) {
    return Map.of("screeningConfirmed", yes, "screeningNote", yes ? "医保数据核对无误" : "家属已参加商业保险全额报销");
  }

  /** The account every case of the tests is paid to unless a test gives another. */
  public static final String BANK_ACCOUNT = "6230351234567891234";
  public static final String BANK_NAME = "德化县农村信用合作联社三班信用社";

  public static Map<String, Object> visit(boolean hardship, boolean especiallyDifficult) {
    return Map.of("visitConfirmsHardship", hardship, "especiallyDifficult", especiallyDifficult,
        "householdSize", 4L, "visitFindings", hardship ? "女儿耳蜗手术，家庭收入低" : "家庭经济状况良好",
        "bankAccount", BANK_ACCOUNT, "bankName", BANK_NAME);
  }

  public static Map<String, Object> opinion(boolean recommend, long amount, long topUp) {
    return Map.of("recommend", recommend, "proposedAmount", amount, "proposedTopUp", topUp,
        "opinion", recommend ? "建议按比例救助" : "不建议救助");
  }

  public static Map<String, Object> review(boolean passed, long amount) {
    return Map.of("reviewPassed", passed, "reviewedAmount", amount,
        "reviewNote", passed ? "再次入户核实无误" : "收入超过标准");
  }

  public static Map<String, Object> followUp(boolean hardship, String track) {
    return Map.of("persistentHardship", hardship, "longTermTrack", track,
        "followUpNote", hardship ? "仍需长期治疗，收入不足" : "家庭已恢复正常生活");
  }

  /** referPartners without a department: the case goes on to its follow-up alone. */
  public static Map<String, Object> noReferrals() {
    return referrals("");
  }

  /** referPartners with these departments (SPEC §9 codes), as Tasklist's checklist sends them: Json. */
  public static Map<String, Object> referrals(String note, String... departments) {
    var json = org.camunda.spin.Spin.JSON("[]");
    for (String department : departments) {
      json.append(department);
    }
    Map<String, Object> v = new HashMap<>();
    v.put("referrals", org.camunda.spin.plugin.variable.SpinValues.jsonValue(json).create());
    v.put("referralNote", note);
    return v;
  }

  public static Map<String, Object> approval(boolean approved, long amount) {
    Map<String, Object> v = new HashMap<>();
    v.put("approved", approved);
    v.put("approvedAmount", amount);
    v.put("capOverride", false);
    v.put("approvalNote", approved ? "同意救助" : "不同意");
    return v;
  }
}
