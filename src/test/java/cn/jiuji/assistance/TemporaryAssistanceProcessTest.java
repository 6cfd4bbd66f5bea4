package cn.jiuji.assistance;

import cn.jiuji.base.RuleBreak;
import static cn.jiuji.assistance.CaseFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import cn.jiuji.ApplicationTest;
import cn.jiuji.ProcessDriver;
import cn.jiuji.TestClock;
import cn.jiuji.calendar.Deadlines;
import cn.jiuji.ledger.GrantSource;
import cn.jiuji.ledger.Ledger;
import java.math.BigDecimal;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of temporaryAssistance.bpmn (coverage enforced at 100 %). */
@ApplicationTest
class TemporaryAssistanceProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired Ledger ledger;
  @Autowired Deadlines deadlines;
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

  ProcessInstance startCase(Map<String, Object> variables) {
    return runtime.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, variables);
  }

  @Test
  void screenedCaseGoesThroughEveryReviewAndIsPaidOnce() {
    Map<String, Object> start = start("xunzhong", "DIBAO", 60_000);
    start.put("source", RegisterCase.MEDICAL_SCREENING);
    ProcessInstance pi = startCase(start);

    assertThat(pi).isWaitingAt("confirmScreening");
    assertThat(pi.getBusinessKey()).matches("YSYY-\\d{4}-\\d{5}");
    assertThat(drive.task(pi, "confirmScreening").getDueDate()).isNotNull();
    drive.complete(pi, "confirmScreening", confirm(true));
    assertThat(pi).isWaitingAt("firstVisit");
    assertThat(tasks.createTaskQuery().taskId(drive.task(pi, "firstVisit").getId()).taskCandidateGroup("townshipXunzhong").count()).isEqualTo(1);
    drive.complete(pi, "firstVisit", visit(true, false));
    drive.complete(pi, "preliminaryOpinion", opinion(true, 12_000, 0));
    drive.complete(pi, "secondReview", review(true, 12_000));
    drive.complete(pi, "groupApproval", approval(true, 12_000));
    assertThat(pi).isWaitingAt("disburse");
    drive.runJob(pi, "disburse");
    assertThat(pi).hasPassed("grantPaid").isWaitingAt("followUpDue");
    drive.passTimer(pi, "followUpDue");
    drive.complete(pi, "followUpAssessment", followUp(false, "NONE"));

    assertThat(pi).isEnded().hasPassed("caseClosed").hasNotPassed("startEnrollment");
    String household = (String) drive.variable(pi, "idNumber");
    assertThat(ledger.grantsOfCase(pi.getBusinessKey()))
        .singleElement()
        .satisfies(g -> {
          assertThat(g.source()).isEqualTo(GrantSource.CIVIL_AFFAIRS_CASE);
          assertThat(g.amount()).isEqualByComparingTo("12000");
        });
    assertThat(drive.variable(pi, "paidAmount")).isEqualTo(12_000L);
    // paid in June 2026: the cap of that year, also when the follow-up falls into the next one
    assertThat(ledger.capRemaining(household, TestClock.PINNED.getYear()))
        .isEqualTo(28_000L);
  }

  @Test
  void articleCaseReportedBySanbanStaffGets19900() {
    Map<String, Object> start = start(null, "GENERAL", 132_667);
    start.remove("township");
    start.put("policyDate", "2024-09-01");
    identity.setAuthentication("sanban1", java.util.List.of("townshipSanban"));
    ProcessInstance pi;
    try {
      pi = runtime.createProcessInstanceByKey(CaseVariables.PROCESS_KEY).setVariables(start).execute();
    } finally {
      identity.clearAuthentication();
    }
    // no screening to confirm: the township found the family itself
    assertThat(pi).isWaitingAt("firstVisit").hasNotPassed("confirmScreening");
    assertThat(drive.variable(pi, "township")).isEqualTo("sanban");
    assertThat(drive.variable(pi, "townshipName")).isEqualTo("三班镇");
    assertThat(drive.variable(pi, "suggestedAmount")).isEqualTo(19_900L);
    assertThat(drive.variable(pi, "eligible")).isEqualTo(true);
    assertThat(drive.variable(pi, "idNumberMasked").toString()).matches("350526\\*{8}\\d{3}[\\dX]");

    drive.complete(pi, "firstVisit", visit(true, false));
    drive.complete(pi, "preliminaryOpinion", opinion(true, 19_900, 0));
    drive.complete(pi, "secondReview", review(true, 19_900));
    drive.complete(pi, "groupApproval", approval(true, 19_900));
    drive.runJob(pi, "disburse");
    assertThat(ledger.grantsOfCase(pi.getBusinessKey())).singleElement()
        .satisfies(g -> assertThat(g.amount()).isEqualByComparingTo("19900"));

    // thirty days later the township finds the family still in hardship: 先临时、后长效
    drive.passTimer(pi, "followUpDue");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("followUpAssessment")
        .taskCandidateGroup("townshipSanban").count()).isEqualTo(1);
    assertThatThrownBy(() -> drive.complete(pi, "followUpAssessment", followUp(false, "DIBAO")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("不需要转入");
    drive.complete(pi, "followUpAssessment", followUp(true, "DIBAO"));
    assertThat(pi).isEnded().hasPassed("startEnrollment", "enrollmentStarted");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("subsistenceEnrollment")
        .processInstanceBusinessKey(pi.getBusinessKey()).count()).isEqualTo(1);
  }

  @ParameterizedTest(name = "turned down at {0}")
  @CsvSource({"confirmScreening", "firstVisit", "preliminaryOpinion", "secondReview", "groupApproval"})
  void aNoAtAnyStepEndsTheCaseWithItsReasonAndTellsTheFamily(String step) {
    Map<String, Object> start = start("longxun", "GENERAL", 90_000);
    start.put("source", RegisterCase.MEDICAL_SCREENING);
    ProcessInstance pi = startCase(start);
    String reason = null;
    for (String current : new String[] {"confirmScreening", "firstVisit", "preliminaryOpinion", "secondReview", "groupApproval"}) {
      boolean no = current.equals(step);
      Map<String, Object> answer = switch (current) {
        case "confirmScreening" -> confirm(!no);
        case "firstVisit" -> visit(!no, false);
        case "preliminaryOpinion" -> opinion(!no, 13_500, 0);
        case "secondReview" -> review(!no, 13_500);
        default -> approval(!no, 13_500);
      };
      drive.complete(pi, current, answer);
      if (no) {
        reason = answer.values().stream().filter(v -> v instanceof String).map(Object::toString)
            .filter(s -> !s.isBlank()).findFirst().orElseThrow();
        break;
      }
    }
    assertThat(pi).isEnded().hasPassed("recordRejection", "caseClosedRejected").hasNotPassed("disburse");
    assertThat(drive.variable(pi, "rejectedAt")).isEqualTo(step);
    assertThat(drive.variable(pi, "rejectionReason")).isEqualTo(reason);
    String message = jdbc.queryForObject("SELECT message FROM case_notification WHERE case_no = ?",
        String.class, pi.getBusinessKey());
    assertThat(message).contains(reason).contains("复核");
    assertThat(ledger.grantsOfCase(pi.getBusinessKey())).isEmpty();
  }

  @Test
  void emergencyCaseGetsTheAdvanceAtOnceAndTheCountyPaysTheRest() {
    Map<String, Object> start = start("sanban", "GENERAL", 132_667);
    start.put("emergency", true);
    ProcessInstance pi = startCase(start);
    assertThat(pi).isWaitingAt("emergencyGrant");
    drive.complete(pi, "emergencyGrant", Map.of("advanceAmount", 5_000L, "emergencyNote", "住院押金无力支付"));
    drive.runJob(pi, "payAdvance");
    assertThat(ledger.grantsOfCase(pi.getBusinessKey())).singleElement()
        .satisfies(g -> assertThat(g.source()).isEqualTo(GrantSource.TOWNSHIP_ADVANCE));
    assertThat(pi).isWaitingAt("firstVisit", "paperworkWatch");

    drive.complete(pi, "firstVisit", visit(true, true));
    drive.complete(pi, "preliminaryOpinion", opinion(true, 25_000, 5_000));
    assertThat(pi).hasPassed("paperworkDone", "paperworkDoneEnd");
    drive.complete(pi, "secondReview", review(true, 25_000));
    drive.complete(pi, "groupApproval", approval(true, 25_000));
    drive.runJob(pi, "disburse");

    assertThat(pi).isWaitingAt("followUpDue");
    assertThat(drive.variable(pi, "paidAmount")).isEqualTo(20_000L);
    assertThat(ledger.grantsOfCase(pi.getBusinessKey()))
        .extracting(g -> g.source(), g -> g.amount().longValue())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(GrantSource.TOWNSHIP_ADVANCE, 5_000L),
            org.assertj.core.groups.Tuple.tuple(GrantSource.CIVIL_AFFAIRS_CASE, 20_000L));
  }

  @Test
  void aRejectionAfterAnAdvanceLeavesTheAdvanceToBeWrittenOff() {
    Map<String, Object> start = start("sanban", "GENERAL", 85_000);
    start.put("emergency", true);
    ProcessInstance pi = startCase(start);
    drive.complete(pi, "emergencyGrant", Map.of("advanceAmount", 3_000L, "emergencyNote", "急需手术费"));
    drive.runJob(pi, "payAdvance");
    drive.complete(pi, "firstVisit", visit(false, false));

    assertThat(pi).isWaitingAt("writeOffAdvance");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("civilAffairs").taskDefinitionKey("writeOffAdvance").count()).isEqualTo(1);
    assertThatThrownBy(() -> drive.complete(pi, "writeOffAdvance", Map.of()))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("核销说明");
    drive.complete(pi, "writeOffAdvance", Map.of("writeOffNote", "作为应急救助核销"));
    assertThat(pi).isEnded().hasPassed("paperworkDoneEnd", "caseClosedWrittenOff");
    assertThat(ledger.grantsOfCase(pi.getBusinessKey())).singleElement()
        .satisfies(g -> assertThat(g.amount()).isEqualByComparingTo("3000"));
  }

  @Test
  void paperworkNotDoneInTimeAfterAnAdvanceIsEscalatedToTheLeaders() {
    Map<String, Object> start = start("sanban", "TEKUN", 45_000);
    start.put("emergency", true);
    ProcessInstance pi = startCase(start);
    drive.complete(pi, "emergencyGrant", Map.of("advanceAmount", 2_000L, "emergencyNote", "无钱购药"));
    drive.runJob(pi, "payAdvance");
    drive.passTimer(pi, "paperworkOverdue");

    assertThat(pi).isWaitingAt("firstVisit", "escalatePaperwork");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("escalatePaperwork")
        .taskCandidateGroup("civilAffairsLeaders").count()).isEqualTo(1);
    assertThat(runtime.getVariable(pi.getId(), "overdueSteps")).isEqualTo("paperwork");
    assertThat(runtime.getVariable(pi.getId(), "overdueStepNames")).isEqualTo("补办手续");
    drive.complete(pi, "escalatePaperwork", Map.of("escalationNote", "已电话督促乡镇"));
    assertThat(pi).hasPassed("paperworkEscalatedEnd").isWaitingAt("firstVisit");
  }

  @ParameterizedTest(name = "{0} overdue goes to {2}")
  @CsvSource({
    "confirmScreening, escalateConfirmScreening, civilAffairsLeaders",
    "emergencyGrant, escalateEmergencyGrant, civilAffairs",
    "firstVisit, escalateFirstVisit, civilAffairs",
    "preliminaryOpinion, escalatePreliminaryOpinion, civilAffairs",
    "secondReview, escalateSecondReview, civilAffairsLeaders",
    "groupApproval, escalateGroupApproval, civilAffairsLeaders"})
  void anOverdueStepOpensAnEscalationAndStaysWithItsOwners(String step, String escalation, String group) {
    Map<String, Object> start = start("gaide", "GENERAL", 100_000);
    start.put("source", RegisterCase.MEDICAL_SCREENING);
    start.put("emergency", step.equals("emergencyGrant"));
    ProcessInstance pi = startCase(start);
    if (!step.equals("confirmScreening")) {
      drive.complete(pi, "confirmScreening", confirm(true));
    }
    if (step.equals("emergencyGrant")) {
      // nothing more: the advance itself is late
    } else if (!step.equals("confirmScreening")) {
      if (!step.equals("firstVisit")) {
        drive.complete(pi, "firstVisit", visit(true, false));
      }
      if (step.equals("secondReview") || step.equals("groupApproval")) {
        drive.complete(pi, "preliminaryOpinion", opinion(true, 15_000, 0));
      }
      if (step.equals("groupApproval")) {
        drive.complete(pi, "secondReview", review(true, 15_000));
      }
    }
    Task original = drive.task(pi, step);
    assertThat(original.getDueDate()).isNotNull();
    drive.passTimer(pi, step + "Overdue");

    assertThat(pi).isWaitingAt(step, escalation);
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(escalation)
        .taskCandidateGroup(group).count()).isEqualTo(1);
    assertThat(drive.task(pi, step).getId()).isEqualTo(original.getId());
    assertThat(runtime.getVariable(pi.getId(), "overdueSteps")).isEqualTo(step);
    assertThat(runtime.getVariable(pi.getId(), "overdueStepNames")).isEqualTo(original.getName());
    assertThatThrownBy(() -> drive.complete(pi, escalation, Map.of()))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("请填写：催办情况");
    drive.complete(pi, escalation, Map.of("escalationNote", "已督促"));
    assertThat(pi).hasPassed(escalation).isWaitingAt(step);
  }

  @Test
  void dueDatesFollowTheWorkingDayCalendar() {
    // 2025-09-30, the day before the National Day holiday: 5 working days end on 10-14
    // (10-1 … 10-8 off, Saturday 10-11 worked)
    TestClock.pin(java.time.LocalDateTime.of(2025, 9, 30, 10, 0));
    ProcessInstance pi = startCase(start("xunzhong", "GENERAL", 81_000));
    Date due = drive.task(pi, "firstVisit").getDueDate();
    assertThat(due).isEqualTo(deadlines.due("firstVisit"));
    assertThat(due.toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate())
        .hasToString("2025-10-14");
  }

  @Test
  void anAmountOverTheFamilyCapIsRefusedWithoutAnOverride() {
    ProcessInstance pi = startCase(start("xunzhong", "GENERAL", 300_000));
    drive.complete(pi, "firstVisit", visit(true, true));
    drive.complete(pi, "preliminaryOpinion", opinion(true, 45_000, 0));
    drive.complete(pi, "secondReview", review(true, 45_000));

    assertThatThrownBy(() -> drive.complete(pi, "groupApproval", approval(true, 45_000)))
        .isInstanceOf(RuleBreak.class)
        .hasMessageContaining("超过家庭年度剩余额度 40000 元");
    assertThat(pi).isWaitingAt("groupApproval");

    Map<String, Object> withOverride = new HashMap<>(approval(true, 45_000));
    withOverride.put("capOverride", true);
    assertThatThrownBy(() -> drive.complete(pi, "groupApproval", withOverride))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("突破上限理由");
    withOverride.put("capOverrideReason", "患儿需二次手术，经领导小组集体研究同意");
    drive.complete(pi, "groupApproval", withOverride);
    drive.runJob(pi, "disburse");
    assertThat(pi).isWaitingAt("followUpDue");
    assertThat(jdbc.queryForObject("SELECT reason FROM cap_override WHERE case_no = ?", String.class,
        pi.getBusinessKey())).contains("二次手术");
  }

  @Test
  void brokenRulesKeepTheTaskOpenWithAChineseMessage() {
    ProcessInstance pi = startCase(start("xunzhong", "GENERAL", 100_000));
    drive.complete(pi, "firstVisit", visit(true, false));
    assertThatThrownBy(() -> drive.complete(pi, "preliminaryOpinion", opinion(true, 15_000, 2_000)))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("未认定家庭特别困难");
    assertThatThrownBy(() -> drive.complete(pi, "preliminaryOpinion", opinion(true, -1, 0)))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("不能为负数");
    assertThatThrownBy(() -> drive.complete(pi, "preliminaryOpinion", Map.of("proposedAmount", 1L, "proposedTopUp", 0L, "opinion", "x")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("请选择：是否建议救助");
    assertThat(pi).isWaitingAt("preliminaryOpinion");

    ProcessInstance difficult = startCase(start("xunzhong", "GENERAL", 100_000));
    drive.complete(difficult, "firstVisit", visit(true, true));
    assertThatThrownBy(() -> drive.complete(difficult, "preliminaryOpinion", opinion(true, 30_000, 10_001)))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("超过上限 10000 元");
    drive.complete(difficult, "preliminaryOpinion", opinion(true, 25_000, 10_000));
    assertThat(difficult).isWaitingAt("secondReview");
  }

  @Test
  void anAdvanceAboveTheTownshipLimitIsRefused() {
    Map<String, Object> start = start("sanban", "GENERAL", 90_000);
    start.put("emergency", true);
    ProcessInstance pi = startCase(start);
    assertThatThrownBy(() -> drive.complete(pi, "emergencyGrant", Map.of("advanceAmount", 5_001L, "emergencyNote", "急")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("超过乡镇先行救助限额 5000 元");
    assertThat(pi).isWaitingAt("emergencyGrant");
    assertThat(ledger.grantsOfCase(pi.getBusinessKey())).isEmpty();
  }

  @Test
  void aRetriedPaymentJobNeverPaysTwice() {
    ProcessInstance pi = startCase(start("xunzhong", "GENERAL", 100_000));
    drive.complete(pi, "firstVisit", visit(true, false));
    drive.complete(pi, "preliminaryOpinion", opinion(true, 15_000, 0));
    drive.complete(pi, "secondReview", review(true, 15_000));
    drive.complete(pi, "groupApproval", approval(true, 15_000));
    // the payment job ran, but its transaction is lost before the engine noted it (a crash):
    // the ledger row is there, the job is due again
    String household = (String) runtime.getVariable(pi.getId(), "idNumber");
    ledger.record(new cn.jiuji.ledger.GrantRecord(household, pi.getBusinessKey(),
        GrantSource.CIVIL_AFFAIRS_CASE, new BigDecimal("15000"), ClockUtil.getCurrentTime().toInstant(), "group1"));
    drive.runJob(pi, "disburse");
    assertThat(pi).isWaitingAt("followUpDue");
    assertThat(ledger.grantsOfCase(pi.getBusinessKey())).hasSize(1);
  }

  @Test
  void aStartWithABadIdNumberIsRefusedAndStartsNothing() {
    Map<String, Object> start = start("xunzhong", "GENERAL", 100_000);
    start.put("idNumber", "350526198001011235");
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(CaseVariables.PROCESS_KEY).count();
    assertThatThrownBy(() -> startCase(start))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("身份证号");
    Map<String, Object> unknownTownship = start("atlantis", "GENERAL", 100_000);
    assertThatThrownBy(() -> startCase(unknownTownship)).hasMessageContaining("未知的乡镇");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(CaseVariables.PROCESS_KEY).count())
        .isEqualTo(before);
  }
}
