package cn.jiuji.enrollment;

import cn.jiuji.household.HouseholdRegistry;
import static cn.jiuji.enrollment.EnrollmentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.TestClock;
import cn.jiuji.ProcessDriver;
import cn.jiuji.assistance.CaseNumbers;
import cn.jiuji.base.RuleBreak;
import cn.jiuji.household.Category;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of subsistenceEnrollment.bpmn (coverage enforced at 100 %). */
@ApplicationTest
class SubsistenceEnrollmentProcessTest {

  static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired StartEnrollment startEnrollment;
  @Autowired HouseholdRegistry registry;
  @Autowired CaseNumbers caseNumbers;
  @Autowired JdbcTemplate jdbc;

  ProcessDriver drive;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
    drive = new ProcessDriver(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  /** A case of the given track asks for its enrollment, as the case process's follow-up does. */
  ProcessInstance enroll(Map<String, Object> caseVariables) {
    String id = startEnrollment.enroll(caseVariables);
    return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  Map<String, Object> newCase(String track) {
    return followedUpCase(caseNumbers.next(TestClock.today()), track);
  }

  /** Lets the public notice run out: the clock moves past the timer, which then fires. */
  void endNotice(ProcessInstance pi) {
    drive.passTimer(pi, "noticePeriodEnded");
  }

  /** Application and verification done: the notice is up. */
  ProcessInstance postedForNotice(Map<String, Object> caseVariables) {
    ProcessInstance pi = enroll(caseVariables);
    drive.complete(pi, "enrollmentApplication", application());
    drive.complete(pi, "economicVerification", verification(true));
    assertThat(pi).isWaitingAt("recordObjection");
    return pi;
  }

  @ParameterizedTest(name = "track {0}")
  @ValueSource(strings = {"DIBAO_EDGE", "DIBAO", "TEKUN"})
  void eachTrackEnrollsTheHouseholdOfTheCaseAndAnApprovalAfterAQuietNoticeSetsItsCategory(String track) {
    Map<String, Object> caseVariables = newCase(track);
    String caseNo = (String) caseVariables.get("caseNo");
    String household = (String) caseVariables.get("idNumber");
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 3, 2).atTime(9, 30).atZone(COUNTY).toInstant()));

    ProcessInstance pi = enroll(caseVariables);

    assertThat(pi).isWaitingAt("enrollmentApplication");
    assertThat(pi.getBusinessKey()).isEqualTo(caseNo);
    assertThat(runtime.getVariables(pi.getId()))
        .containsEntry("householdHead", "颜某斌")
        .containsEntry("idNumber", household)
        .containsEntry("idNumberMasked", caseVariables.get("idNumberMasked"))
        .containsEntry("township", "sanban")
        .containsEntry("townshipName", "三班镇")
        .containsEntry("townshipGroup", "townshipSanban")
        .containsEntry("village", "泗滨村")
        .containsEntry("category", "GENERAL")
        .containsEntry("householdSize", 4L)
        .containsEntry("requestedCategory", track)
        .containsEntry("sourceCaseNo", caseNo)
        .doesNotContainKeys("approvedAmount", "visitFindings", "longTermTrack");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("townshipSanban").count())
        .isEqualTo(1);

    drive.complete(pi, "enrollmentApplication", application());
    assertThat(drive.variable(pi, "monthlyIncomePerCapita")).isEqualTo(500L);
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("civilAffairs").count())
        .isEqualTo(1);
    drive.complete(pi, "economicVerification", verification(true));

    // the notice runs seven calendar days from its posting, and the objection task is due then
    assertThat(pi).isWaitingAt("recordObjection");
    assertThat(drive.variable(pi, "noticeStart")).isEqualTo("2026-03-02");
    assertThat(drive.variable(pi, "noticeEnd")).isEqualTo("2026-03-09");
    Date end = Date.from(LocalDate.of(2026, 3, 9).atTime(9, 30).atZone(COUNTY).toInstant());
    assertThat(drive.job(pi, "noticePeriodEnded").getDuedate()).isEqualTo(end);
    assertThat(drive.task(pi, "recordObjection").getDueDate()).isEqualTo(end);

    endNotice(pi);
    assertThat(pi).isWaitingAt("enrollmentApproval").hasNotPassed("objectionRecorded");
    drive.complete(pi, "enrollmentApproval", approval(true, track));
    assertThat(pi).isWaitingAt("updateHouseholdCategory");
    management.executeJob(drive.job(pi, "updateHouseholdCategory").getId());

    assertThat(pi).isEnded().hasPassed("enrollmentGranted");
    assertThat(registry.entryOf(household)).hasValue(
        new HouseholdRegistry.Entry(household, Category.valueOf(track), LocalDate.of(2026, 3, 9), caseNo));
    assertThat(drive.variable(pi, "categorySince")).isEqualTo("2026-03-09");
  }

  @Test
  void anObjectionDuringTheNoticeSendsTheEnrollmentBackToVerificationAndStartsANewNotice() {
    ProcessInstance pi = postedForNotice(newCase("DIBAO"));
    Date firstEnd = drive.job(pi, "noticePeriodEnded").getDuedate();
    ClockUtil.setCurrentTime(new Date(firstEnd.getTime() - 2 * 24 * 3600 * 1000L));

    identity.setAuthentication("civil1", List.of("civilAffairs"));
    drive.complete(pi, "recordObjection", Map.of("objectionNote", "邻居反映户主儿子在外务工收入较高"));
    identity.clearAuthentication();

    assertThat(pi).isWaitingAt("economicVerification");
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).count())
        .as("the notice timer is gone with the notice").isZero();
    assertThat(runtime.getVariable(pi.getId(), "objectionCount")).isEqualTo(1L);
    assertThat(runtime.getVariable(pi.getId(), "objectionRecordedBy")).isEqualTo("civil1");
    assertThat(runtime.getVariable(pi.getId(), "objectionNote")).isEqualTo("邻居反映户主儿子在外务工收入较高");

    drive.complete(pi, "economicVerification", Map.of("verificationPassed", "true",
        "verificationNote", "儿子务工收入已核实计入，仍符合条件"));
    // a full new notice period from now, and an empty objection field in the new notice
    assertThat(pi).isWaitingAt("recordObjection");
    assertThat(drive.job(pi, "noticePeriodEnded").getDuedate())
        .isEqualTo(new Date(ClockUtil.getCurrentTime().getTime() + 7 * 24 * 3600 * 1000L));
    assertThat(runtime.getVariable(pi.getId(), "objectionNote")).isNull();

    endNotice(pi);
    assertThat(pi).isWaitingAt("enrollmentApproval");
  }

  @Test
  void aHouseholdThatFailsTheVerificationIsToldWhyAndKeepsItsCategory() {
    Map<String, Object> caseVariables = newCase("DIBAO");
    ProcessInstance pi = enroll(caseVariables);
    drive.complete(pi, "enrollmentApplication", application());
    drive.complete(pi, "economicVerification", verification(false));

    assertThat(pi).isEnded().hasPassed("notifyEnrollmentRejection", "enrollmentRejected")
        .hasNotPassed("recordObjection");
    assertThat(drive.variable(pi, "rejectedAt")).isEqualTo("economicVerification");
    assertThat(drive.variable(pi, "rejectionReason")).isEqualTo("家庭成员名下有营运车辆两辆");
    String message = jdbc.queryForObject(
        "SELECT message FROM case_notification WHERE case_no = ? AND kind = ?", String.class,
        pi.getBusinessKey(), NotifyEnrollmentRejection.KIND);
    assertThat(message).contains("城乡低保对象认定申请", "家庭经济状况核对", "家庭成员名下有营运车辆两辆", "复核");
    assertThat(registry.categoryOf((String) caseVariables.get("idNumber"))).isEmpty();
  }

  @Test
  void aRejectedApprovalEndsWithItsReasonAndGrantsNothing() {
    Map<String, Object> caseVariables = newCase("TEKUN");
    ProcessInstance pi = postedForNotice(caseVariables);
    endNotice(pi);
    drive.complete(pi, "enrollmentApproval", approval(false, "TEKUN"));

    assertThat(pi).isEnded().hasPassed("enrollmentRejected").hasNotPassed("updateHouseholdCategory");
    assertThat(drive.variable(pi, "rejectedAt")).isEqualTo("enrollmentApproval");
    assertThat(drive.variable(pi, "rejectionReason")).isEqualTo("家庭收入已超过当地低保标准");
    assertThat(drive.variable(pi, "grantedCategory")).as("nothing granted").isNull();
    assertThat(registry.categoryOf((String) caseVariables.get("idNumber"))).isEmpty();
  }

  @Test
  void theSameCaseNeverStartsASecondEnrollment() {
    Map<String, Object> caseVariables = newCase("DIBAO_EDGE");
    String first = startEnrollment.enroll(caseVariables);
    String again = startEnrollment.enroll(caseVariables);

    assertThat(again).isEqualTo(first);
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(EnrollmentVariables.PROCESS_KEY)
        .processInstanceBusinessKey((String) caseVariables.get("caseNo")).count()).isEqualTo(1);
  }

  @Test
  void onlyTheCasesTownshipSeesTheEnrollment() {
    ProcessInstance pi = enroll(newCase("DIBAO"));
    identity.setAuthentication("sanban1", List.of("townshipSanban"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
    identity.setAuthentication("xunzhong1", List.of("townshipXunzhong"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void noTrackOrAnUnknownOneStartsNoEnrollment() {
    for (String track : new String[] {"NONE", "GENERAL", "TUOPIN", null}) {
      Map<String, Object> caseVariables = new HashMap<>(newCase("DIBAO"));
      caseVariables.put("longTermTrack", track);
      assertThatThrownBy(() -> startEnrollment.enroll(caseVariables)).as("track %s", track)
          .isInstanceOf(RuleBreak.class).hasMessageContaining("长效保障方向");
      assertThat(history.createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey((String) caseVariables.get("caseNo")).count()).isZero();
    }
  }

  @Test
  void formsThatBreakTheRulesAreRefusedInChineseAndStayOpen() {
    ProcessInstance pi = enroll(newCase("DIBAO"));
    Map<String, Object> noMembers = new HashMap<>(application());
    noMembers.put("householdSize", 0L);
    assertThatThrownBy(() -> drive.complete(pi, "enrollmentApplication", noMembers))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("家庭人口至少为 1 人");
    Map<String, Object> badIncome = new HashMap<>(application());
    badIncome.put("annualIncome", "两万");
    assertThatThrownBy(() -> drive.complete(pi, "enrollmentApplication", badIncome))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("不是有效的数字");
    drive.complete(pi, "enrollmentApplication", application());
    assertThatThrownBy(() -> drive.complete(pi, "economicVerification", Map.of("verificationNote", "已核对")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("请选择：核对结果");
    drive.complete(pi, "economicVerification", verification(true));
    assertThatThrownBy(() -> drive.complete(pi, "recordObjection", Map.of("objectionNote", " ")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("请填写：异议内容");
    endNotice(pi);
    assertThatThrownBy(() -> drive.complete(pi, "enrollmentApproval", approval(true, "TUOPIN")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("请选择认定类别");
    Map<String, Object> noReason = approval(false, null);
    noReason.put("enrollmentNote", "");
    assertThatThrownBy(() -> drive.complete(pi, "enrollmentApproval", noReason))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("不予认定的理由");
    assertThat(pi).isWaitingAt("enrollmentApproval");
  }
}
