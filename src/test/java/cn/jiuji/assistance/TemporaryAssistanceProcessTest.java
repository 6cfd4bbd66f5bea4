package cn.jiuji.assistance;

import static cn.jiuji.ProcessDriver.passTimer;
import static cn.jiuji.assistance.CaseFixtures.*;
import static cn.jiuji.assistance.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import cn.jiuji.ApplicationTest;
import cn.jiuji.TestClock;
import cn.jiuji.base.RuleBreak;
import cn.jiuji.calendar.Deadlines;
import cn.jiuji.ledger.GrantSource;
import cn.jiuji.ledger.GrantStatus;
import cn.jiuji.ledger.Ledger;
import java.math.BigDecimal;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of temporaryAssistance.bpmn (coverage enforced at 100 %). */
@ApplicationTest
class TemporaryAssistanceProcessTest {

  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired Ledger ledger;
  @Autowired Deadlines deadlines;
  @Autowired JdbcTemplate jdbc;

  ProcessInstance startCase(Map<String, Object> variables) {
    return runtime.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, variables);
  }

  @Test
  void screenedCaseGoesThroughEveryReviewAndIsPaidOnce() {
    Map<String, Object> start = start("xunzhong", "DIBAO", 60_000);
    start.put("source", RegisterCase.MEDICAL_SCREENING);
    ProcessInstance pi = startCase(start);

    assertThat(pi).isWaitingAt(CONFIRM_SCREENING);
    assertThat(pi.getBusinessKey()).matches("YSYY-\\d{4}-\\d{5}");
    assertThat(task(CONFIRM_SCREENING, pi).getDueDate()).isNotNull();
    complete(task(CONFIRM_SCREENING, pi), confirm(true));
    assertThat(pi).isWaitingAt(FIRST_VISIT);
    assertThat(task(FIRST_VISIT, pi)).hasCandidateGroup("townshipXunzhong");
    complete(task(FIRST_VISIT, pi), visit(true, false));
    complete(task(PRELIMINARY_OPINION, pi), opinion(true, 12_000, 0));
    complete(task(SECOND_REVIEW, pi), review(true, 12_000));
    complete(task(GROUP_APPROVAL, pi), approval(true, 12_000));
    assertThat(pi).isWaitingAt(DISBURSE);
    execute(job(DISBURSE, pi));
    assertThat(pi).hasPassed("grantPaid").isWaitingAt(REFER_PARTNERS);
    assertThat(task(REFER_PARTNERS, pi)).hasCandidateGroup("civilAffairs");
    complete(task(REFER_PARTNERS, pi), referrals("慈善总会资助", "CHARITY"));
    // the referral runs apart from the case (partnerReferral.bpmn), which goes on at once
    assertThat(pi).hasPassed(START_REFERRALS).isWaitingAt(FOLLOW_UP_DUE);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("partnerReferral")
        .processInstanceBusinessKey(pi.getBusinessKey()).count()).isEqualTo(1);
    passTimer(FOLLOW_UP_DUE, pi);
    complete(task(FOLLOW_UP_ASSESSMENT, pi), followUp(false, "NONE"));

    assertThat(pi).isEnded().hasPassed(CASE_CLOSED).hasNotPassed(START_ENROLLMENT);
    String household = (String) start.get("idNumber");
    assertThat(ledger.grantsOfCase(pi.getBusinessKey()))
        .singleElement()
        .satisfies(g -> {
          assertThat(g.source()).isEqualTo(GrantSource.CIVIL_AFFAIRS_CASE);
          assertThat(g.amount()).isEqualByComparingTo("12000");
          // through the bank: in the payment list of its own, approved on its own (SPEC §8)
          assertThat(g.status()).isEqualTo(GrantStatus.SENT);
          assertThat(g.batchNo()).isEqualTo(pi.getBusinessKey());
        });
    assertThat(pi).variables().containsEntry("paidAmount", 12_000L);
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
    assertThat(pi).isWaitingAt(FIRST_VISIT).hasNotPassed(CONFIRM_SCREENING);
    assertThat(pi).variables().containsEntry("township", "sanban");
    assertThat(pi).variables().containsEntry("townshipName", "三班镇");
    assertThat(pi).variables().containsEntry("suggestedAmount", 19_900L);
    assertThat(pi).variables().containsEntry("eligible", true);
    assertThat(pi).variables().extractingByKey("idNumberMasked", STRING).matches("350526\\*{8}\\d{3}[\\dX]");

    complete(task(FIRST_VISIT, pi), visit(true, false));
    complete(task(PRELIMINARY_OPINION, pi), opinion(true, 19_900, 0));
    complete(task(SECOND_REVIEW, pi), review(true, 19_900));
    complete(task(GROUP_APPROVAL, pi), approval(true, 19_900));
    execute(job(DISBURSE, pi));
    assertThat(ledger.grantsOfCase(pi.getBusinessKey())).singleElement()
        .satisfies(g -> assertThat(g.amount()).isEqualByComparingTo("19900"));
    complete(task(REFER_PARTNERS, pi), noReferrals());

    // thirty days later the township finds the family still in hardship: 先临时、后长效
    passTimer(FOLLOW_UP_DUE, pi);
    assertThat(task(FOLLOW_UP_ASSESSMENT, pi)).hasCandidateGroup("townshipSanban");
    assertThatThrownBy(() -> complete(task(FOLLOW_UP_ASSESSMENT, pi), followUp(false, "DIBAO")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("不需要转入");
    complete(task(FOLLOW_UP_ASSESSMENT, pi), followUp(true, "DIBAO"));
    assertThat(pi).isEnded().hasPassed(START_ENROLLMENT, ENROLLMENT_STARTED);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("subsistenceEnrollment")
        .processInstanceBusinessKey(pi.getBusinessKey()).count()).isEqualTo(1);
  }

  @ParameterizedTest(name = "turned down at {0}")
  @CsvSource({CONFIRM_SCREENING, FIRST_VISIT, PRELIMINARY_OPINION, SECOND_REVIEW, GROUP_APPROVAL})
  void aNoAtAnyStepEndsTheCaseWithItsReasonAndTellsTheFamily(String step) {
    Map<String, Object> start = start("longxun", "GENERAL", 90_000);
    start.put("source", RegisterCase.MEDICAL_SCREENING);
    ProcessInstance pi = startCase(start);
    String reason = null;
    for (String current : new String[] {CONFIRM_SCREENING, FIRST_VISIT, PRELIMINARY_OPINION, SECOND_REVIEW, GROUP_APPROVAL}) {
      boolean no = current.equals(step);
      Map<String, Object> answer = switch (current) {
        case CONFIRM_SCREENING -> confirm(!no);
        case FIRST_VISIT -> visit(!no, false);
        case PRELIMINARY_OPINION -> opinion(!no, 13_500, 0);
        case SECOND_REVIEW -> review(!no, 13_500);
        default -> approval(!no, 13_500);
      };
      complete(task(current, pi), answer);
      if (no) {
        // the text the step's "no" gives as its reason
        reason = (String) answer.get(switch (current) {
          case CONFIRM_SCREENING -> "screeningNote";
          case FIRST_VISIT -> "visitFindings";
          case PRELIMINARY_OPINION -> "opinion";
          case SECOND_REVIEW -> "reviewNote";
          default -> "approvalNote";
        });
        break;
      }
    }
    assertThat(pi).isEnded().hasPassed(RECORD_REJECTION, CASE_CLOSED_REJECTED).hasNotPassed(DISBURSE);
    assertThat(pi).variables().containsEntry("rejectedAt", step);
    assertThat(pi).variables().containsEntry("rejectionReason", reason);
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
    assertThat(pi).isWaitingAt(EMERGENCY_GRANT);
    complete(task(EMERGENCY_GRANT, pi), Map.of("advanceAmount", 5_000L, "emergencyNote", "住院押金无力支付"));
    execute(job(PAY_ADVANCE, pi));
    assertThat(ledger.grantsOfCase(pi.getBusinessKey())).singleElement()
        .satisfies(g -> assertThat(g.source()).isEqualTo(GrantSource.TOWNSHIP_ADVANCE));
    assertThat(pi).isWaitingAt(FIRST_VISIT, PAPERWORK_WATCH);

    complete(task(FIRST_VISIT, pi), visit(true, true));
    complete(task(PRELIMINARY_OPINION, pi), opinion(true, 25_000, 5_000));
    assertThat(pi).hasPassed(PAPERWORK_DONE, PAPERWORK_DONE_END);
    complete(task(SECOND_REVIEW, pi), review(true, 25_000));
    complete(task(GROUP_APPROVAL, pi), approval(true, 25_000));
    execute(job(DISBURSE, pi));
    complete(task(REFER_PARTNERS, pi), noReferrals());

    assertThat(pi).isWaitingAt(FOLLOW_UP_DUE);
    assertThat(pi).variables().containsEntry("paidAmount", 20_000L);
    assertThat(ledger.grantsOfCase(pi.getBusinessKey()))
        .extracting(g -> g.source(), g -> g.amount().longValue(), g -> g.status())
        .containsExactlyInAnyOrder(
            // the advance was paid in cash at once; the county's rest goes through the bank
            org.assertj.core.groups.Tuple.tuple(GrantSource.TOWNSHIP_ADVANCE, 5_000L, GrantStatus.PAID),
            org.assertj.core.groups.Tuple.tuple(GrantSource.CIVIL_AFFAIRS_CASE, 20_000L, GrantStatus.SENT));
  }

  @Test
  void aRejectionAfterAnAdvanceLeavesTheAdvanceToBeWrittenOff() {
    Map<String, Object> start = start("sanban", "GENERAL", 85_000);
    start.put("emergency", true);
    ProcessInstance pi = startCase(start);
    complete(task(EMERGENCY_GRANT, pi), Map.of("advanceAmount", 3_000L, "emergencyNote", "急需手术费"));
    execute(job(PAY_ADVANCE, pi));
    complete(task(FIRST_VISIT, pi), visit(false, false));

    assertThat(pi).isWaitingAt(WRITE_OFF_ADVANCE);
    assertThat(task(WRITE_OFF_ADVANCE, pi)).hasCandidateGroup("civilAffairs");
    assertThatThrownBy(() -> complete(task(WRITE_OFF_ADVANCE, pi), Map.of()))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("核销说明");
    complete(task(WRITE_OFF_ADVANCE, pi), Map.of("writeOffNote", "作为应急救助核销"));
    assertThat(pi).isEnded().hasPassed(PAPERWORK_DONE_END, CASE_CLOSED_WRITTEN_OFF);
    assertThat(ledger.grantsOfCase(pi.getBusinessKey())).singleElement()
        .satisfies(g -> assertThat(g.amount()).isEqualByComparingTo("3000"));
  }

  @Test
  void paperworkNotDoneInTimeAfterAnAdvanceIsEscalatedToTheLeaders() {
    Map<String, Object> start = start("sanban", "TEKUN", 45_000);
    start.put("emergency", true);
    ProcessInstance pi = startCase(start);
    complete(task(EMERGENCY_GRANT, pi), Map.of("advanceAmount", 2_000L, "emergencyNote", "无钱购药"));
    execute(job(PAY_ADVANCE, pi));
    passTimer(PAPERWORK_OVERDUE, pi);

    assertThat(pi).isWaitingAt(FIRST_VISIT, ESCALATE_PAPERWORK);
    assertThat(task(ESCALATE_PAPERWORK, pi)).hasCandidateGroup("civilAffairsLeaders");
    assertThat(pi).variables().containsEntry("overdueSteps", PAPERWORK)
        .containsEntry("overdueStepNames", "补办手续");
    complete(task(ESCALATE_PAPERWORK, pi), Map.of("escalationNote", "已电话督促乡镇"));
    assertThat(pi).hasPassed("paperworkEscalatedEnd").isWaitingAt(FIRST_VISIT);
  }

  static Stream<Arguments> overdueSteps() {
    return Stream.of(
        arguments(CONFIRM_SCREENING, ESCALATE_CONFIRM_SCREENING, "civilAffairsLeaders"),
        arguments(EMERGENCY_GRANT, ESCALATE_EMERGENCY_GRANT, "civilAffairs"),
        arguments(FIRST_VISIT, ESCALATE_FIRST_VISIT, "civilAffairs"),
        arguments(PRELIMINARY_OPINION, ESCALATE_PRELIMINARY_OPINION, "civilAffairs"),
        arguments(SECOND_REVIEW, ESCALATE_SECOND_REVIEW, "civilAffairsLeaders"),
        arguments(GROUP_APPROVAL, ESCALATE_GROUP_APPROVAL, "civilAffairsLeaders"));
  }

  @ParameterizedTest(name = "{0} overdue goes to {2}")
  @MethodSource("overdueSteps")
  void anOverdueStepOpensAnEscalationAndStaysWithItsOwners(String step, String escalation, String group) {
    Map<String, Object> start = start("gaide", "GENERAL", 100_000);
    start.put("source", RegisterCase.MEDICAL_SCREENING);
    start.put("emergency", step.equals(EMERGENCY_GRANT));
    ProcessInstance pi = startCase(start);
    if (!step.equals(CONFIRM_SCREENING)) {
      complete(task(CONFIRM_SCREENING, pi), confirm(true));
    }
    if (step.equals(EMERGENCY_GRANT)) {
      // nothing more: the advance itself is late
    } else if (!step.equals(CONFIRM_SCREENING)) {
      if (!step.equals(FIRST_VISIT)) {
        complete(task(FIRST_VISIT, pi), visit(true, false));
      }
      if (step.equals(SECOND_REVIEW) || step.equals(GROUP_APPROVAL)) {
        complete(task(PRELIMINARY_OPINION, pi), opinion(true, 15_000, 0));
      }
      if (step.equals(GROUP_APPROVAL)) {
        complete(task(SECOND_REVIEW, pi), review(true, 15_000));
      }
    }
    Task original = task(step, pi);
    assertThat(original.getDueDate()).isNotNull();
    passTimer(step + "Overdue", pi);

    assertThat(pi).isWaitingAt(step, escalation);
    assertThat(task(escalation, pi)).hasCandidateGroup(group);
    assertThat(task(step, pi)).hasId(original.getId());
    assertThat(pi).variables().containsEntry("overdueSteps", step)
        .containsEntry("overdueStepNames", original.getName());
    // the escalation names the late step and when it was due, as Chinese staff read a date
    String escalationId = task(escalation, pi).getId();
    assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService().getVariableLocal(escalationId, "overdueStep")).isEqualTo(original.getName());
    assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService().getVariableLocal(escalationId, "overdueStepDue")).isEqualTo(
        java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 EEEE HH:mm", java.util.Locale.CHINA)
            .format(original.getDueDate().toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai"))));
    assertThatThrownBy(() -> complete(task(escalation, pi), Map.of()))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("请填写：催办情况");
    complete(task(escalation, pi), Map.of("escalationNote", "已督促"));
    assertThat(pi).hasPassed(escalation).isWaitingAt(step);
  }

  @Test
  void dueDatesFollowTheWorkingDayCalendar() {
    // 2025-09-30, the day before the National Day holiday: 5 working days end on 10-14
    // (10-1 … 10-8 off, Saturday 10-11 worked)
    TestClock.pin(java.time.LocalDateTime.of(2025, 9, 30, 10, 0));
    ProcessInstance pi = startCase(start("xunzhong", "GENERAL", 81_000));
    Date due = task(FIRST_VISIT, pi).getDueDate();
    assertThat(due).isEqualTo(deadlines.due(FIRST_VISIT));
    assertThat(due.toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate())
        .hasToString("2025-10-14");
  }

  @Test
  void anAmountOverTheFamilyCapIsRefusedWithoutAnOverride() {
    ProcessInstance pi = startCase(start("xunzhong", "GENERAL", 300_000));
    complete(task(FIRST_VISIT, pi), visit(true, true));
    complete(task(PRELIMINARY_OPINION, pi), opinion(true, 45_000, 0));
    complete(task(SECOND_REVIEW, pi), review(true, 45_000));

    assertThatThrownBy(() -> complete(task(GROUP_APPROVAL, pi), approval(true, 45_000)))
        .isInstanceOf(RuleBreak.class)
        .hasMessageContaining("超过家庭年度剩余额度 40000 元");
    assertThat(pi).isWaitingAt(GROUP_APPROVAL);

    Map<String, Object> withOverride = new HashMap<>(approval(true, 45_000));
    withOverride.put("capOverride", true);
    assertThatThrownBy(() -> complete(task(GROUP_APPROVAL, pi), withOverride))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("突破上限理由");
    withOverride.put("capOverrideReason", "患儿需二次手术，经领导小组集体研究同意");
    complete(task(GROUP_APPROVAL, pi), withOverride);
    execute(job(DISBURSE, pi));
    complete(task(REFER_PARTNERS, pi), noReferrals());
    assertThat(pi).isWaitingAt(FOLLOW_UP_DUE);
    assertThat(jdbc.queryForObject("SELECT reason FROM cap_override WHERE case_no = ?", String.class,
        pi.getBusinessKey())).contains("二次手术");
  }

  @Test
  void brokenRulesKeepTheTaskOpenWithAChineseMessage() {
    ProcessInstance pi = startCase(start("xunzhong", "GENERAL", 100_000));
    complete(task(FIRST_VISIT, pi), visit(true, false));
    assertThatThrownBy(() -> complete(task(PRELIMINARY_OPINION, pi), opinion(true, 15_000, 2_000)))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("未认定家庭特别困难");
    assertThatThrownBy(() -> complete(task(PRELIMINARY_OPINION, pi), opinion(true, -1, 0)))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("不能为负数");
    assertThatThrownBy(() -> complete(task(PRELIMINARY_OPINION, pi), Map.of("proposedAmount", 1L, "proposedTopUp", 0L, "opinion", "x")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("请选择：是否建议救助");
    assertThat(pi).isWaitingAt(PRELIMINARY_OPINION);

    ProcessInstance difficult = startCase(start("xunzhong", "GENERAL", 100_000));
    complete(task(FIRST_VISIT, difficult), visit(true, true));
    assertThatThrownBy(() -> complete(task(PRELIMINARY_OPINION, difficult), opinion(true, 30_000, 10_001)))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("超过上限 10000 元");
    complete(task(PRELIMINARY_OPINION, difficult), opinion(true, 25_000, 10_000));
    assertThat(difficult).isWaitingAt(SECOND_REVIEW);
  }

  @Test
  void anAdvanceAboveTheTownshipLimitIsRefused() {
    Map<String, Object> start = start("sanban", "GENERAL", 90_000);
    start.put("emergency", true);
    ProcessInstance pi = startCase(start);
    assertThatThrownBy(() -> complete(task(EMERGENCY_GRANT, pi), Map.of("advanceAmount", 5_001L, "emergencyNote", "急")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("超过乡镇先行救助限额 5000 元");
    assertThat(pi).isWaitingAt(EMERGENCY_GRANT);
    assertThat(ledger.grantsOfCase(pi.getBusinessKey())).isEmpty();
  }

  @Test
  void aRetriedPaymentJobNeverPaysTwice() {
    Map<String, Object> start = start("xunzhong", "GENERAL", 100_000);
    ProcessInstance pi = startCase(start);
    complete(task(FIRST_VISIT, pi), visit(true, false));
    complete(task(PRELIMINARY_OPINION, pi), opinion(true, 15_000, 0));
    complete(task(SECOND_REVIEW, pi), review(true, 15_000));
    complete(task(GROUP_APPROVAL, pi), approval(true, 15_000));
    // the payment job ran, but its transaction is lost before the engine noted it (a crash):
    // the ledger row is there, the job is due again
    String household = (String) start.get("idNumber");
    ledger.record(new cn.jiuji.ledger.GrantRecord(household, pi.getBusinessKey(),
        GrantSource.CIVIL_AFFAIRS_CASE, new BigDecimal("15000"), ClockUtil.getCurrentTime().toInstant(), "group1"));
    execute(job(DISBURSE, pi));
    complete(task(REFER_PARTNERS, pi), noReferrals());
    assertThat(pi).isWaitingAt(FOLLOW_UP_DUE);
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
