package cn.jiuji.partner;

import static cn.jiuji.ProcessDriver.passTimer;
import static cn.jiuji.assistance.CaseFixtures.*;
import static cn.jiuji.partner.Referrals.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.jiuji.ApplicationTest;
import cn.jiuji.TestClock;
import cn.jiuji.base.RuleBreak;
import cn.jiuji.ledger.Grant;
import cn.jiuji.ledger.GrantRecord;
import cn.jiuji.ledger.GrantSource;
import cn.jiuji.ledger.Ledger;
import cn.jiuji.ledger.MonthlyAidPlans;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of partnerReferral.bpmn (coverage enforced at 100 %), SPEC §9. */
@ApplicationTest
class PartnerReferralProcessTest {

  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired Ledger ledger;
  @Autowired MonthlyAidPlans plans;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theArticlesPackageIs29900AndThenTheFederations2500EveryMonth() {
    Map<String, Object> start = start("sanban", "GENERAL", 132_667);
    String household = (String) start.get("idNumber");
    ProcessInstance theCase = paidCase(runtime, start, 19_900);
    String caseNo = theCase.getBusinessKey();
    complete(task("referPartners", theCase), referrals("乡镇临时救助、慈善资助，女儿语言培训期间由残联按月帮扶",
        "TOWNSHIP", "CHARITY", "DISABLED_FEDERATION"));

    // the referrals run beside the case: it waits for its follow-up, not for them
    assertThat(theCase).hasPassed("startReferrals").isWaitingAt("followUpDue");
    assertThat(referrals(runtime, caseNo)).hasSize(3);
    ProcessInstance township = referral(runtime, caseNo, "TOWNSHIP");
    ProcessInstance charity = referral(runtime, caseNo, "CHARITY");
    ProcessInstance federation = referral(runtime, caseNo, "DISABLED_FEDERATION");
    assertThat(task("partnerAid", township)).hasCandidateGroup("townshipSanban");
    assertThat(task("partnerAid", charity)).hasCandidateGroup("charity");
    assertThat(task("partnerAid", federation)).hasCandidateGroup("disabledFederation");
    // the case file, read-only on the form
    assertThat(township).variables().containsEntry("householdHead", "颜某斌").containsEntry("approvedAmount", 19_900L)
        .containsEntry("visitFindings", "女儿耳蜗手术，家庭收入低").containsEntry("departmentName", "乡镇人民政府（临时救助）")
        .containsEntry("capRemaining", 20_100L);

    complete(task("partnerAid", township), oneOff(5_000, "镇政府临时救助"));
    execute(job("recordOneOffAid", township));
    complete(task("partnerAid", charity), oneOff(5_000, "慈善总会资助"));
    execute(job("recordOneOffAid", charity));
    complete(task("partnerAid", federation), monthly(2_500, 6, "女儿在泉州接受语言培训期间每月补助"));
    assertThat(township).isEnded().hasPassed("oneOffAidRecorded");
    assertThat(charity).isEnded().hasPassed("oneOffAidRecorded");
    assertThat(federation).hasPassed("scheduleMonthlyAid").isWaitingAt("monthlyPaymentDue", "stopMonthlyAid");

    assertThat(ledger.grantsOfCase(caseNo)).extracting(Grant::source, g -> g.amount().longValue())
        .containsExactly(tuple(GrantSource.CIVIL_AFFAIRS_CASE, 19_900L), tuple(GrantSource.TOWNSHIP_TEMPORARY, 5_000L),
            tuple(GrantSource.CHARITY, 5_000L));
    assertThat(ledger.grantsOfCase(caseNo).stream().map(Grant::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("29900");
    // the county's and the township's money count to the cap, the charity's does not
    assertThat(ledger.capRemaining(household, 2026)).isEqualTo(15_100L);

    // from the next month on, on the first at 09:00 in the county
    assertThat(job("monthlyPaymentDue", federation).getDuedate()).isEqualTo(TestClock.instant(LocalDateTime.of(2026, 7, 1, 9, 0)));
    passTimer("monthlyPaymentDue", federation);
    assertThat(ledger.paidMonths(caseNo, GrantSource.DISABLED_FEDERATION)).isEqualTo(1);

    // the case moves on and ends; the federation's aid goes on
    passTimer("followUpDue", theCase);
    complete(task("followUpAssessment", theCase), followUp(false, "NONE"));
    assertThat(theCase).isEnded();
    assertThat(job("monthlyPaymentDue", federation).getDuedate()).isEqualTo(TestClock.instant(LocalDateTime.of(2026, 8, 1, 9, 0)));
    passTimer("monthlyPaymentDue", federation);
    assertThat(plans.ofCase(caseNo)).singleElement().satisfies(plan -> {
      assertThat(plan.source()).isEqualTo(GrantSource.DISABLED_FEDERATION);
      assertThat(plan.monthlyAmount()).isEqualByComparingTo("2500");
      assertThat(plan.months()).isEqualTo(6);
      assertThat(plan.paidMonths()).isEqualTo(2);
      assertThat(plan.stoppedAt()).isNull();
    });
    assertThat(ledger.capRemaining(household, 2026)).isEqualTo(15_100L);
  }

  @Test
  void serviceAndNoAidNeedANoteAndPayNothing() {
    ProcessInstance theCase = paidCase(runtime, "xunzhong", 100_000, 15_000);
    complete(task("referPartners", theCase), referrals("就业与住房", "HUMAN_RESOURCES", "HOUSING", "EDUCATION"));
    String caseNo = theCase.getBusinessKey();
    ProcessInstance jobs = referral(runtime, caseNo, "HUMAN_RESOURCES");
    ProcessInstance housing = referral(runtime, caseNo, "HOUSING");
    assertThat(task("partnerAid", jobs)).hasCandidateGroup("humanResources");
    assertThat(task("partnerAid", housing)).hasCandidateGroup("housing");
    assertThat(task("partnerAid", referral(runtime, caseNo, "EDUCATION"))).hasCandidateGroup("education");

    assertThatThrownBy(() -> complete(task("partnerAid", jobs), without("SERVICE", "　")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("请填写：帮扶情况说明");
    complete(task("partnerAid", jobs), without("SERVICE", "推荐户主到县工业园区就业"));
    assertThatThrownBy(() -> complete(task("partnerAid", housing), without("NONE", "")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("请填写：帮扶情况说明");
    complete(task("partnerAid", housing), without("NONE", "住房安全，无需改造"));

    assertThat(jobs).isEnded().hasPassed("aidWithoutMoney");
    assertThat(housing).isEnded().hasPassed("aidWithoutMoney");
    assertThat(jobs).variables().containsEntry("aidAmount", 0L).containsEntry("months", 0L);
    assertThat(ledger.grantsOfCase(caseNo)).extracting(Grant::source).containsExactly(GrantSource.CIVIL_AFFAIRS_CASE);
  }

  @Test
  void theAmountsOfEachKindAreCheckedOnTheServer() {
    ProcessInstance theCase = paidCase(runtime, "xunzhong", 100_000, 15_000);
    complete(task("referPartners", theCase), referrals("医疗救助", "MEDICAL_ASSISTANCE"));
    ProcessInstance medical = referral(runtime, theCase.getBusinessKey(), "MEDICAL_ASSISTANCE");
    assertThat(task("partnerAid", medical)).hasCandidateGroup("medicalInsurance");

    assertThatThrownBy(() -> complete(task("partnerAid", medical), Map.of("aidNote", "x")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("请填写：帮扶方式");
    assertThatThrownBy(() -> complete(task("partnerAid", medical), without("LOAN", "x")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("未知的帮扶方式");
    assertThatThrownBy(() -> complete(task("partnerAid", medical), oneOff(0, "")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("一次性帮扶金额必须大于 0");
    assertThatThrownBy(() -> complete(task("partnerAid", medical), oneOff(-5, "")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("不能为负数");
    assertThatThrownBy(() -> complete(task("partnerAid", medical), without("ONE_OFF", "")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("请填写：一次性帮扶金额");
    assertThatThrownBy(() -> complete(task("partnerAid", medical), monthly(0, 3, "")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("每月帮扶金额必须大于 0");
    assertThatThrownBy(() -> complete(task("partnerAid", medical), monthly(500, 0, "")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("帮扶月数须在 1 至 24 个月之间");
    assertThatThrownBy(() -> complete(task("partnerAid", medical), monthly(500, 25, "")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("帮扶月数须在 1 至 24 个月之间");
    assertThat(medical).isWaitingAt("partnerAid");

    // medical assistance is partner money: however much, it is not capped
    complete(task("partnerAid", medical), oneOff(60_000, "医疗救助二次报销"));
    execute(job("recordOneOffAid", medical));
    assertThat(ledger.grantsOfCase(theCase.getBusinessKey())).extracting(Grant::source, g -> g.amount().longValue())
        .contains(tuple(GrantSource.MEDICAL_ASSISTANCE, 60_000L));
  }

  @Test
  void monthlyAidCrossesTheYearAndPaysEachMonthOnceHoweverOftenItsJobRuns() {
    TestClock.pin(LocalDateTime.of(2026, 11, 16, 10, 0));
    ProcessInstance theCase = paidCase(runtime, "xunzhong", 100_000, 15_000);
    complete(task("referPartners", theCase), referrals("康复训练", "DISABLED_FEDERATION"));
    String caseNo = theCase.getBusinessKey();
    ProcessInstance federation = referral(runtime, caseNo, "DISABLED_FEDERATION");
    complete(task("partnerAid", federation), monthly(1_000, 3, "康复训练补助"));

    assertThat(job("monthlyPaymentDue", federation).getDuedate()).isEqualTo(TestClock.instant(LocalDateTime.of(2026, 12, 1, 9, 0)));
    passTimer("monthlyPaymentDue", federation);
    assertThat(job("monthlyPaymentDue", federation).getDuedate()).isEqualTo(TestClock.instant(LocalDateTime.of(2027, 1, 1, 9, 0)));
    // January was recorded already, by a run of the job whose end the engine never saw (a node
    // died after the ledger's commit): running it again records nothing twice
    String household = (String) runtime.getVariable(federation.getId(), "idNumber");
    GrantRecord january = new GrantRecord(household, caseNo, GrantSource.DISABLED_FEDERATION, new BigDecimal("1000"),
        ClockUtil.getCurrentTime().toInstant(), "disabled1");
    assertThat(ledger.recordMonth(january, YearMonth.of(2027, 1))).isTrue();
    assertThat(ledger.recordMonth(january, YearMonth.of(2027, 1))).isFalse();
    passTimer("monthlyPaymentDue", federation);
    passTimer("monthlyPaymentDue", federation);

    // the last month ends the referral, and with it the task that could have stopped it
    assertThat(federation).isEnded().hasPassed("monthlyAidCompleted").hasNotPassed("recordAidStopped");
    assertThat(jdbc.queryForList("SELECT pay_month FROM grant_ledger WHERE case_no = ? AND source = ? ORDER BY pay_month",
        Integer.class, caseNo, "DISABLED_FEDERATION")).containsExactly(202612, 202701, 202702);
    assertThat(plans.ofCase(caseNo)).singleElement().satisfies(plan -> assertThat(plan.paidMonths()).isEqualTo(3));
    assertThat(management.createJobQuery().processInstanceId(federation.getId()).count()).isZero();
  }

  @Test
  void aDepartmentStopsItsMonthlyAidEarlyWithAReason() {
    ProcessInstance theCase = paidCase(runtime, "sanban", 132_667, 19_900);
    complete(task("referPartners", theCase), referrals("语言培训", "DISABLED_FEDERATION"));
    String caseNo = theCase.getBusinessKey();
    ProcessInstance federation = referral(runtime, caseNo, "DISABLED_FEDERATION");
    complete(task("partnerAid", federation), monthly(2_500, 6, "语言培训期间每月补助"));
    passTimer("monthlyPaymentDue", federation);

    assertThat(task("stopMonthlyAid", federation)).hasCandidateGroup("disabledFederation");
    assertThatThrownBy(() -> complete(task("stopMonthlyAid", federation), Map.of("stopReason", " ")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("请填写：提前终止的理由");
    complete(task("stopMonthlyAid", federation), Map.of("stopReason", "培训提前结束"));

    assertThat(federation).isEnded().hasPassed("recordAidStopped", "monthlyAidStopped");
    assertThat(management.createJobQuery().processInstanceId(federation.getId()).count()).isZero();
    assertThat(plans.ofCase(caseNo)).singleElement().satisfies(plan -> {
      assertThat(plan.paidMonths()).isEqualTo(1);
      assertThat(plan.stoppedAt()).isNotNull();
      assertThat(plan.stopReason()).isEqualTo("培训提前结束");
    });
  }

  @Test
  void theTownshipsTemporaryAssistanceCountsToTheCapAndPartnerMoneyDoesNot() {
    Map<String, Object> start = start("sanban", "GENERAL", 132_667);
    String household = (String) start.get("idNumber");
    ProcessInstance theCase = paidCase(runtime, start, 19_900);
    complete(task("referPartners", theCase), referrals("乡镇与慈善", "CHARITY", "TOWNSHIP"));
    ProcessInstance charity = referral(runtime, theCase.getBusinessKey(), "CHARITY");
    ProcessInstance township = referral(runtime, theCase.getBusinessKey(), "TOWNSHIP");

    complete(task("partnerAid", charity), oneOff(30_000, "慈善大额资助"));
    execute(job("recordOneOffAid", charity));
    assertThat(ledger.capRemaining(household, 2026)).isEqualTo(20_100L);

    assertThatThrownBy(() -> complete(task("partnerAid", township), oneOff(20_101, "")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("超过家庭年度剩余额度 20100 元");
    assertThatThrownBy(() -> complete(task("partnerAid", township), monthly(5_000, 5, "")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("超过家庭年度剩余额度 20100 元");
    complete(task("partnerAid", township), oneOff(5_000, "镇政府临时救助"));
    execute(job("recordOneOffAid", township));
    assertThat(ledger.capRemaining(household, 2026)).isEqualTo(15_100L);
    assertThat(ledger.paidInYear(household, 2026)).isEqualByComparingTo("24900");

    // and the ledger itself refuses township money over the cap, whatever a form was told
    assertThatThrownBy(() -> ledger.record(new GrantRecord(household, "YSYY-2026-99999", GrantSource.TOWNSHIP_TEMPORARY,
        new BigDecimal("15101"), ClockUtil.getCurrentTime().toInstant(), "sanban1")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("年度救助上限");
    ledger.record(new GrantRecord(household, "YSYY-2026-99999", GrantSource.HOUSING,
        new BigDecimal("50000"), ClockUtil.getCurrentTime().toInstant(), "housing1"));
    assertThat(ledger.capRemaining(household, 2026)).isEqualTo(15_100L);
  }

  @Test
  void civilAffairsRefersOnlyKnownDepartmentsEachOnceAndExplainsWhy() {
    ProcessInstance theCase = paidCase(runtime, "xunzhong", 100_000, 15_000);
    assertThatThrownBy(() -> complete(task("referPartners", theCase), referrals("x", "POLICE")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("未知的联动部门 POLICE");
    assertThatThrownBy(() -> complete(task("referPartners", theCase), referrals("x", "CHARITY", "CHARITY")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("重复");
    assertThatThrownBy(() -> complete(task("referPartners", theCase), referrals(" ", "CHARITY")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("请填写：转介说明");
    assertThat(theCase).isWaitingAt("referPartners");
    complete(task("referPartners", theCase), noReferrals());
    assertThat(theCase).isWaitingAt("followUpDue");
    assertThat(referrals(runtime, theCase.getBusinessKey())).isEmpty();
  }
}
