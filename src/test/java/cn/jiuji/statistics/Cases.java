package cn.jiuji.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ProcessDriver;
import cn.jiuji.TestClock;
import cn.jiuji.assistance.CaseFixtures;
import cn.jiuji.assistance.CaseNumbers;
import cn.jiuji.enrollment.StartEnrollment;
import cn.jiuji.household.IdNumbers;
import cn.jiuji.identity.Groups;
import cn.jiuji.system.WebClient;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationContext;

/** Cases, payments and enrollments driven through the processes for the statistics tests. */
final class Cases {

  private final ApplicationContext context;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final int port;

  Cases(ApplicationContext context, int port) {
    this.context = context;
    this.runtime = context.getBean(RuntimeService.class);
    this.tasks = context.getBean(TaskService.class);
    this.management = context.getBean(ManagementService.class);
    this.port = port;
  }

  /** A field-discovery case of the township, waiting at its first visit. */
  ProcessInstance reported(String township, String category) {
    return runtime.startProcessInstanceByKey("temporaryAssistance", CaseFixtures.start(township, category, 132_667));
  }

  void visit(ProcessInstance pi, boolean hardship) {
    complete(pi, "firstVisit", CaseFixtures.visit(hardship, false));
  }

  void opinion(ProcessInstance pi, boolean recommend) {
    complete(pi, "preliminaryOpinion", CaseFixtures.opinion(recommend, 10_000, 0));
  }

  /**
   * Approved for {@code amount} and disbursed: the grant is SENT in the payment list of
   * {@code batchNo} (null: approved on its own, in a list of its own named by the case number).
   */
  ProcessInstance disbursed(String township, String category, long amount, String batchNo) {
    ProcessInstance pi = reported(township, category);
    visit(pi, true);
    complete(pi, "preliminaryOpinion", CaseFixtures.opinion(true, amount, 0));
    complete(pi, "secondReview", CaseFixtures.review(true, amount));
    if (batchNo != null) {
      // as the leading group's meeting does for the cases it decides
      runtime.setVariable(pi.getId(), "batchNo", batchNo);
    }
    complete(pi, "groupApproval", CaseFixtures.approval(true, amount));
    management.executeJob(management.createJobQuery().processInstanceId(pi.getId())
        .activityId("disburse").singleResult().getId());
    return pi;
  }

  /** The bank's return for one case's grant, imported by civil affairs over /api. */
  void bankReturn(String batchNo, ProcessInstance pi, boolean paid) {
    long amount = (Long) runtime.getVariable(pi.getId(), "approvedAmount");
    String csv = "案件编号,银行账号,金额,发放结果,失败原因\r\n" + pi.getBusinessKey() + "," + CaseFixtures.BANK_ACCOUNT
        + "," + amount + "," + (paid ? "成功," : "失败,账户已冻结") + "\r\n";
    var response = new WebClient(port).postMultipart("/api/batches/" + batchNo + "/bank-return", "file",
        "回盘.csv", csv.getBytes(StandardCharsets.UTF_8), "civil1", "demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  /** The county charity federation's one-off aid to an approved case (SPEC §9). */
  void charity(ProcessInstance pi, long amount) {
    complete(pi, "referPartners", CaseFixtures.referrals("慈善资助", "CHARITY"));
    ProcessInstance referral = runtime.createProcessInstanceQuery().processDefinitionKey("partnerReferral")
        .processInstanceBusinessKey(pi.getBusinessKey()).singleResult();
    Map<String, Object> aid = new HashMap<>();
    aid.put("aidKind", "ONE_OFF");
    aid.put("aidAmount", amount);
    aid.put("aidNote", "慈善总会资助");
    complete(referral, "partnerAid", aid);
    management.executeJob(management.createJobQuery().processInstanceId(referral.getId())
        .activityId("recordOneOffAid").singleResult().getId());
  }

  /** A household of the township enrolled into {@code category} after its public notice. */
  void enrolled(String township, String category) {
    String id = CaseFixtures.newIdNumber();
    Map<String, Object> v = new HashMap<>();
    v.put("caseNo", context.getBean(CaseNumbers.class).next(TestClock.today()));
    v.put("householdHead", "颜某斌");
    v.put("idNumber", id);
    v.put("idNumberMasked", IdNumbers.mask(id));
    v.put("township", township);
    v.put("townshipName", "");
    v.put("townshipGroup", Groups.township(township));
    v.put("village", "泗滨村");
    v.put("category", "GENERAL");
    v.put("householdSize", 4L);
    v.put("persistentHardship", true);
    v.put("longTermTrack", category);
    String instance = context.getBean(StartEnrollment.class).enroll(v);
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult();
    complete(pi, "enrollmentApplication", Map.of("householdSize", 4L, "annualIncome", 24_000L,
        "householdMembers", "户主务农；妻子照料患病女儿", "householdAssets", "自建房一处"));
    complete(pi, "economicVerification", Map.of("verificationPassed", true, "verificationNote", "收入财产符合条件"));
    ProcessDriver.passTimer("noticePeriodEnded", pi);
    complete(pi, "enrollmentApproval", Map.of("enrollmentApproved", true, "grantedCategory", category,
        "enrollmentNote", "同意认定"));
    management.executeJob(management.createJobQuery().processInstanceId(pi.getId())
        .activityId("updateHouseholdCategory").singleResult().getId());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  private void complete(ProcessInstance pi, String step, Map<String, Object> variables) {
    var task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(step).singleResult();
    assertThat(task).as("task %s of %s", step, pi.getBusinessKey()).isNotNull();
    tasks.complete(task.getId(), variables);
  }
}
