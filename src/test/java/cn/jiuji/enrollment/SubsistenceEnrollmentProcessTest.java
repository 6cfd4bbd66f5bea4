package cn.jiuji.enrollment;

import static cn.jiuji.ProcessDriver.passTimer;
import static cn.jiuji.enrollment.EnrollmentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.jiuji.ApplicationTest;
import cn.jiuji.TestClock;
import cn.jiuji.assistance.CaseNumbers;
import cn.jiuji.base.RuleBreak;
import cn.jiuji.household.Category;
import cn.jiuji.household.HouseholdRegistry;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of subsistenceEnrollment.bpmn (coverage enforced at 100 %). */
@ApplicationTest
class SubsistenceEnrollmentProcessTest {

  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired StartEnrollment startEnrollment;
  @Autowired HouseholdRegistry registry;
  @Autowired CaseNumbers caseNumbers;
  @Autowired JdbcTemplate jdbc;

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
    passTimer("noticePeriodEnded", pi);
  }

  /** Application and verification done: the notice is up. */
  ProcessInstance postedForNotice(Map<String, Object> caseVariables) {
    ProcessInstance pi = enroll(caseVariables);
    complete(task("enrollmentApplication", pi), application());
    complete(task("economicVerification", pi), verification(true));
    assertThat(pi).isWaitingAt("recordObjection");
    return pi;
  }

  @ParameterizedTest(name = "track {0}")
  @ValueSource(strings = {"DIBAO_EDGE", "DIBAO", "TEKUN"})
  void eachTrackEnrollsTheHouseholdOfTheCaseAndAnApprovalAfterAQuietNoticeSetsItsCategory(String track) {
    Map<String, Object> caseVariables = newCase(track);
    String caseNo = (String) caseVariables.get("caseNo");
    String household = (String) caseVariables.get("idNumber");
    TestClock.freeze(LocalDateTime.of(2026, 3, 2, 9, 30));

    ProcessInstance pi = enroll(caseVariables);

    assertThat(pi).isWaitingAt("enrollmentApplication");
    assertThat(pi.getBusinessKey()).isEqualTo(caseNo);
    assertThat(pi).variables()
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
    assertThat(pi).isWaitingAtExactly("enrollmentApplication");
    assertThat(task()).hasCandidateGroup("townshipSanban");

    complete(task("enrollmentApplication", pi), application());
    assertThat(pi).variables().containsEntry("monthlyIncomePerCapita", 500L);
    assertThat(pi).isWaitingAtExactly("economicVerification");
    assertThat(task()).hasCandidateGroup("civilAffairs");
    complete(task("economicVerification", pi), verification(true));

    // the notice runs seven calendar days from its posting, and the objection task is due then
    assertThat(pi).isWaitingAt("recordObjection");
    assertThat(pi).variables().containsEntry("noticeStart", "2026-03-02");
    assertThat(pi).variables().containsEntry("noticeEnd", "2026-03-09");
    Date end = TestClock.instant(LocalDateTime.of(2026, 3, 9, 9, 30));
    assertThat(job("noticePeriodEnded", pi)).hasDueDate(end);
    assertThat(task("recordObjection", pi).getDueDate()).isEqualTo(end);

    endNotice(pi);
    assertThat(pi).isWaitingAt("enrollmentApproval").hasNotPassed("objectionRecorded");
    complete(task("enrollmentApproval", pi), approval(true, track));
    assertThat(pi).isWaitingAt("updateHouseholdCategory");
    execute(job("updateHouseholdCategory", pi));

    assertThat(pi).isEnded().hasPassed("enrollmentGranted");
    assertThat(registry.entryOf(household)).hasValue(
        new HouseholdRegistry.Entry(household, Category.valueOf(track), LocalDate.of(2026, 3, 9), caseNo));
    assertThat(pi).variables().containsEntry("categorySince", "2026-03-09");
  }

  @Test
  void anObjectionDuringTheNoticeSendsTheEnrollmentBackToVerificationAndStartsANewNotice() {
    ProcessInstance pi = postedForNotice(newCase("DIBAO"));
    Date firstEnd = job("noticePeriodEnded", pi).getDuedate();
    ClockUtil.setCurrentTime(new Date(firstEnd.getTime() - 2 * 24 * 3600 * 1000L));

    identity.setAuthentication("civil1", List.of("civilAffairs"));
    complete(task("recordObjection", pi), Map.of("objectionNote", "邻居反映户主儿子在外务工收入较高"));
    identity.clearAuthentication();

    assertThat(pi).isWaitingAt("economicVerification");
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).count())
        .as("the notice timer is gone with the notice").isZero();
    assertThat(pi).variables().containsEntry("objectionCount", 1L)
        .containsEntry("objectionRecordedBy", "civil1")
        .containsEntry("objectionNote", "邻居反映户主儿子在外务工收入较高");

    complete(task("economicVerification", pi), Map.of("verificationPassed", "true",
        "verificationNote", "儿子务工收入已核实计入，仍符合条件"));
    // a full new notice period from now, and an empty objection field in the new notice
    assertThat(pi).isWaitingAt("recordObjection");
    assertThat(job("noticePeriodEnded", pi))
        .hasDueDate(new Date(ClockUtil.getCurrentTime().getTime() + 7 * 24 * 3600 * 1000L));
    assertThat(pi).variables().extractingByKey("objectionNote").isNull();

    endNotice(pi);
    assertThat(pi).isWaitingAt("enrollmentApproval");
  }

  @Test
  void aHouseholdThatFailsTheVerificationIsToldWhyAndKeepsItsCategory() {
    Map<String, Object> caseVariables = newCase("DIBAO");
    ProcessInstance pi = enroll(caseVariables);
    complete(task("enrollmentApplication", pi), application());
    complete(task("economicVerification", pi), verification(false));

    assertThat(pi).isEnded().hasPassed("notifyEnrollmentRejection", "enrollmentRejected")
        .hasNotPassed("recordObjection");
    assertThat(pi).variables().containsEntry("rejectedAt", "economicVerification");
    assertThat(pi).variables().containsEntry("rejectionReason", "家庭成员名下有营运车辆两辆");
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
    complete(task("enrollmentApproval", pi), approval(false, "TEKUN"));

    assertThat(pi).isEnded().hasPassed("enrollmentRejected").hasNotPassed("updateHouseholdCategory");
    assertThat(pi).variables().containsEntry("rejectedAt", "enrollmentApproval");
    assertThat(pi).variables().containsEntry("rejectionReason", "家庭收入已超过当地低保标准");
    assertThat(pi).variables().as("nothing granted").containsEntry("grantedCategory", null);
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
    assertThatThrownBy(() -> complete(task("enrollmentApplication", pi), noMembers))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("家庭人口至少为 1 人");
    Map<String, Object> badIncome = new HashMap<>(application());
    badIncome.put("annualIncome", "两万");
    assertThatThrownBy(() -> complete(task("enrollmentApplication", pi), badIncome))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("不是有效的数字");
    complete(task("enrollmentApplication", pi), application());
    assertThatThrownBy(() -> complete(task("economicVerification", pi), Map.of("verificationNote", "已核对")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("请选择：核对结果");
    complete(task("economicVerification", pi), verification(true));
    assertThatThrownBy(() -> complete(task("recordObjection", pi), Map.of("objectionNote", " ")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("请填写：异议内容");
    endNotice(pi);
    assertThatThrownBy(() -> complete(task("enrollmentApproval", pi), approval(true, "TUOPIN")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("请选择认定类别");
    Map<String, Object> noReason = approval(false, null);
    noReason.put("enrollmentNote", "");
    assertThatThrownBy(() -> complete(task("enrollmentApproval", pi), noReason))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("不予认定的理由");
    assertThat(pi).isWaitingAt("enrollmentApproval");
  }
}
