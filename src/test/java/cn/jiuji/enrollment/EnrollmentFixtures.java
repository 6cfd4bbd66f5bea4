package cn.jiuji.enrollment;

import cn.jiuji.assistance.CaseFixtures;
import cn.jiuji.household.IdNumbers;
import java.util.HashMap;
import java.util.Map;

/** The variables of a case whose follow-up chose a long-term track, and the enrollment forms' answers. */
final class EnrollmentFixtures {

  private EnrollmentFixtures() {}

  /** What a temporaryAssistance case holds when its follow-up asks for an enrollment. */
  static Map<String, Object> followedUpCase(String caseNo, String track) {
    String id = CaseFixtures.newIdNumber();
    Map<String, Object> v = new HashMap<>();
    v.put("caseNo", caseNo);
    v.put("householdHead", "颜某斌");
    v.put("idNumber", id);
    v.put("idNumberMasked", IdNumbers.mask(id));
    v.put("township", "sanban");
    v.put("townshipName", "三班镇");
    v.put("townshipGroup", "townshipSanban");
    v.put("village", "泗滨村");
    v.put("category", "GENERAL");
    v.put("householdSize", 4L);
    v.put("persistentHardship", true);
    v.put("longTermTrack", track);
    // case variables that are not the household's and must stay behind
    v.put("approvedAmount", 19_900L);
    v.put("visitFindings", "女儿耳蜗手术，家庭收入低");
    return v;
  }

  static Map<String, Object> application() {
    return Map.of("householdSize", 4L, "annualIncome", 24_000L,
        "householdMembers", "户主务农；妻子照料患病女儿；女儿 6 岁，人工耳蜗术后康复",
        "householdAssets", "自建房一处，无车辆，存款不足 5000 元");
  }

  static Map<String, Object> verification(boolean passed) {
    return Map.of("verificationPassed", passed,
        "verificationNote", passed ? "经信息核对平台核对，收入财产符合条件" : "家庭成员名下有营运车辆两辆");
  }

  static Map<String, Object> approval(boolean approved, String category) {
    Map<String, Object> v = new HashMap<>();
    v.put("enrollmentApproved", approved);
    v.put("grantedCategory", category);
    v.put("enrollmentNote", approved ? "同意认定" : "家庭收入已超过当地低保标准");
    return v;
  }
}
