package cn.jiuji.demo;

import cn.jiuji.assistance.Elements;
import cn.jiuji.partner.PartnerElements;
import cn.jiuji.partner.ReferralVariables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The article's case with its whole aid package (SPEC §9), for the demo: the county's 19,900
 * yuan, the township government's 5,000 and the county charity federation's 5,000 (2.99 万元),
 * and the disabled persons' federation's 2,500 a month during the daughter's language training,
 * running from next month. Each step is done by the demo user whose work it is, so that the case
 * file and the approval form name them.
 */
@Component
class DemoPartnerAid {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;

  DemoPartnerAid(RuntimeService runtime, TaskService tasks, ManagementService management, IdentityService identity) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.identity = identity;
  }

  /** Takes the article's case, just reported, through approval and payment to its package. */
  void givePackage(ProcessInstance article) {
    String id = article.getId();
    as("sanban1", "townshipSanban", () -> complete(id, Elements.FIRST_VISIT, Map.of("visitConfirmsHardship", true,
        "especiallyDifficult", false, "householdSize", 4L,
        "visitFindings", "女儿先天性听力障碍，在省城做人工耳蜗手术，自付医疗费用高，家庭因病致困",
        "bankAccount", "6230351234567890019", "bankName", "德化县农村信用合作联社三班信用社")));
    as("sanban1", "townshipSanban", () -> complete(id, Elements.PRELIMINARY_OPINION, Map.of("recommend", true,
        "proposedAmount", 19_900L, "proposedTopUp", 0L, "opinion", "情况属实，建议按自付费用的 15% 救助 19900 元")));
    as("civil1", "civilAffairs", () -> complete(id, Elements.SECOND_REVIEW, Map.of("reviewPassed", true,
        "reviewedAmount", 19_900L, "reviewNote", "再次入户核实无误")));
    as("group1", "leadingGroup", () -> complete(id, Elements.GROUP_APPROVAL, Map.of("approved", true,
        "approvedAmount", 19_900L, "capOverride", false, "approvalNote", "同意发放防返贫控新贫一事一议临时救助金 19900 元")));
    runJob(id, Elements.DISBURSE);
    var referrals = Spin.JSON("[]").append("TOWNSHIP").append("CHARITY").append("DISABLED_FEDERATION");
    as("civil1", "civilAffairs", () -> complete(id, Elements.REFER_PARTNERS, Map.of(
        "referrals", SpinValues.jsonValue(referrals).create(),
        "referralNote", "镇政府临时救助、县慈善总会资助；女儿在泉州接受语言培训期间请县残联按月帮扶")));
    String caseNo = article.getBusinessKey();
    partnerAid(caseNo, "TOWNSHIP", "sanban1", "townshipSanban", oneOff(5_000L, "三班镇人民政府临时救助"));
    partnerAid(caseNo, "CHARITY", "charity1", "charity", oneOff(5_000L, "县慈善总会资助"));
    Map<String, Object> monthly = new HashMap<>();
    monthly.put("aidKind", "MONTHLY");
    monthly.put("monthlyAmount", 2_500L);
    monthly.put("months", 12L);
    monthly.put("aidNote", "女儿在泉州接受语言培训期间，每月补助培训和生活费用");
    partnerAid(caseNo, "DISABLED_FEDERATION", "disabled1", "disabledFederation", monthly);
  }

  private void partnerAid(String caseNo, String department, String user, String group, Map<String, Object> answer) {
    ProcessInstance referral = runtime.createProcessInstanceQuery().processDefinitionKey(ReferralVariables.PROCESS_KEY)
        .processInstanceBusinessKey(caseNo).variableValueEquals(ReferralVariables.DEPARTMENT.name(), department).singleResult();
    as(user, group, () -> complete(referral.getId(), PartnerElements.PARTNER_AID, answer));
    if ("ONE_OFF".equals(answer.get("aidKind"))) {
      runJob(referral.getId(), PartnerElements.RECORD_ONE_OFF_AID);
    }
  }

  private static Map<String, Object> oneOff(long amount, String note) {
    return Map.of("aidKind", "ONE_OFF", "aidAmount", amount, "aidNote", note);
  }

  private void complete(String processInstanceId, String step, Map<String, Object> answers) {
    var task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(step).singleResult();
    tasks.complete(task.getId(), answers);
  }

  private void as(String user, String group, Runnable work) {
    identity.setAuthentication(user, List.of(group));
    try {
      work.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * Runs a payment job now. The job executor, running while the demo is made, may take it at the
   * same moment: whichever loses sees the other's result (the ledger pays once in any case).
   */
  private void runJob(String processInstanceId, String activityId) {
    for (int attempt = 0; attempt < 20; attempt++) {
      Job job = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
      if (job == null) {
        return;
      }
      try {
        management.executeJob(job.getId());
        return;
      } catch (OptimisticLockingException takenMeanwhile) {
        pause();
      }
    }
    throw new IllegalStateException("演示数据：作业 " + activityId + " 未能执行");
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
