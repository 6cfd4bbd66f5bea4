package cn.jiuji.assistance;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static cn.jiuji.assistance.CaseFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.base.RuleBreak;
import cn.jiuji.decision.PolicyProperties;
import cn.jiuji.ledger.GrantRecord;
import cn.jiuji.ledger.GrantSource;
import cn.jiuji.ledger.Ledger;
import cn.jiuji.system.WebClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** SPEC §12's money rules, held by the engine and the database whoever asks (issue 17). */
@ApplicationTest
class MoneyRulesTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired Ledger ledger;
  @Autowired PolicyProperties policy;
  @Autowired PlatformTransactionManager transactions;
  final ObjectMapper json = new ObjectMapper();
  static int earlierCases;

  ProcessInstance startCase(Map<String, Object> variables) {
    return runtime.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, variables);
  }

  Map<String, Object> grantFirst(String household) {
    Map<String, Object> start = start("xunzhong", "GENERAL", 100_000);
    start.put("idNumber", household);
    start.put("emergency", true);
    return start;
  }

  long casesOf(String household) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
        .variableValueEquals("idNumber", household).count();
  }

  // --- one open case per household ---

  @Test
  void aSecondStartForAHouseholdWithAnOpenCaseIsRefusedNamingTheOpenCase() {
    Map<String, Object> first = start("xunzhong", "GENERAL", 100_000);
    ProcessInstance open = startCase(first);
    // another source, another township: still the same household
    Map<String, Object> second = start("sanban", "DIBAO", 60_000);
    second.put("idNumber", first.get("idNumber"));
    second.put("source", RegisterCase.MEDICAL_SCREENING);

    assertThatThrownBy(() -> startCase(second))
        .isInstanceOf(RuleBreak.class)
        .hasMessageContaining("已有未办结的临时救助案件 " + open.getBusinessKey());
    assertThat(casesOf((String) first.get("idNumber"))).isEqualTo(1);
  }

  @Test
  void aSecondStartOverRestIsA400NamingTheOpenCase() throws Exception {
    Map<String, Object> first = start("xunzhong", "GENERAL", 100_000);
    ProcessInstance open = startCase(first);
    String body = """
        {"variables": {
          "householdHead": {"value": "颜某斌", "type": "String"},
          "idNumber": {"value": "%s", "type": "String"},
          "township": {"value": "xunzhong", "type": "String"},
          "village": {"value": "浔东村", "type": "String"},
          "category": {"value": "GENERAL", "type": "String"},
          "selfPaidTwoYears": {"value": 90000.0, "type": "Double"},
          "source": {"value": "APPLICATION", "type": "String"},
          "emergency": {"value": true, "type": "Boolean"}}}""".formatted(first.get("idNumber"));
    var response = new WebClient(port).postJson(
        "/engine-rest/process-definition/key/temporaryAssistance/start", body, "civil1", "demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.readTree(response.body()).path("message").asText()).contains(open.getBusinessKey())
        .doesNotContain((String) first.get("idNumber"));
    assertThat(casesOf((String) first.get("idNumber"))).isEqualTo(1);
  }

  @Test
  void nineGrantFirstStartsForOneHouseholdOpenOneCaseAndPayOneAdvance() {
    String household = newIdNumber();
    ProcessInstance open = startCase(grantFirst(household));
    for (int i = 0; i < 8; i++) {
      assertThatThrownBy(() -> startCase(grantFirst(household)))
          .isInstanceOf(RuleBreak.class).hasMessageContaining(open.getBusinessKey());
    }
    complete(task("emergencyGrant", open), Map.of("advanceAmount", 5_000L, "emergencyNote", "住院押金无力支付"));
    execute(job("payAdvance", open));

    assertThat(casesOf(household)).isEqualTo(1);
    assertThat(ledger.paidInYear(household, 2026)).isEqualByComparingTo("5000");
  }

  @Test
  void aHouseholdMayStartAgainOnceItsCaseHasEndedOrWasCancelled() {
    Map<String, Object> first = start("xunzhong", "GENERAL", 100_000);
    String household = (String) first.get("idNumber");
    ProcessInstance rejected = startCase(first);
    complete(task("firstVisit", rejected), visit(false, false));
    assertThat(rejected).isEnded();

    Map<String, Object> again = start("xunzhong", "GENERAL", 100_000);
    again.put("idNumber", household);
    ProcessInstance cancelled = startCase(again);
    runtime.deleteProcessInstance(cancelled.getId(), "重复登记，撤销");

    ProcessInstance third = startCase(again);
    assertThat(third).isWaitingAt("firstVisit");
  }

  @Test
  void aCaseCancelledWithoutItsListenersDoesNotBlockTheHouseholdForGood() {
    Map<String, Object> first = start("xunzhong", "GENERAL", 100_000);
    ProcessInstance cancelled = startCase(first);
    runtime.deleteProcessInstance(cancelled.getId(), "撤销", true);

    assertThat(startCase(first)).isWaitingAt("firstVisit");
  }

  @Test
  void twoStartsRacingForOneHouseholdOpenOneCase() throws Exception {
    Map<String, Object> start = start("xunzhong", "GENERAL", 100_000);
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch secondDone = new CountDownLatch(1);
    long pinned = ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis();
    // the first start has registered its case but not committed when the second one comes
    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
      ClockUtil.offset(pinned);
      return transaction.execute(status -> {
        String caseNo = startCase(start).getBusinessKey();
        firstStarted.countDown();
        await(secondDone, 700);
        return caseNo;
      });
    });
    CompletableFuture<Throwable> second = CompletableFuture.supplyAsync(() -> {
      ClockUtil.offset(pinned);
      await(firstStarted, 30_000);
      try {
        startCase(start);
        return null;
      } catch (RuntimeException refused) {
        return refused;
      } finally {
        secondDone.countDown();
      }
    });

    String winner = first.get(60, TimeUnit.SECONDS);
    assertThat(second.get(60, TimeUnit.SECONDS))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("已有未办结的临时救助案件 " + winner);
    assertThat(casesOf((String) start.get("idNumber"))).isEqualTo(1);
  }

  // --- the annual cap on every payment ---

  @Test
  void anAdvanceOverTheRemainingCapIsNotPaidAndBecomesAnIncident() {
    String household = newIdNumber();
    ProcessInstance pi = startCase(grantFirst(household));
    complete(task("emergencyGrant", pi), Map.of("advanceAmount", 5_000L, "emergencyNote", "住院押金无力支付"));
    // meanwhile the household is paid 38,000 in an earlier case (another node, another case)
    paidInAnEarlierCase(household, 38000);

    Job job = exhaustRetries(pi, "payAdvance");

    assertThat(job.getExceptionMessage()).contains("未发放").contains("家庭年度救助上限 40000 元");
    assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult().getIncidentMessage())
        .contains("家庭年度救助上限");
    assertThat(ledger.grantsOfCase(pi.getBusinessKey())).isEmpty();
    assertThat(ledger.paidInYear(household, 2026)).isEqualByComparingTo("38000");
  }

  @Test
  void anAdvanceOverTheRemainingCapIsRefusedAtTheTask() {
    String household = newIdNumber();
    paidInAnEarlierCase(household, 36000);
    ProcessInstance pi = startCase(grantFirst(household));

    assertThatThrownBy(() -> complete(task("emergencyGrant", pi), Map.of("advanceAmount", 5_000L, "emergencyNote", "住院押金无力支付")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("家庭年度剩余额度 4000 元");
    assertThat(pi).isWaitingAt("emergencyGrant");
  }

  @Test
  void aDisbursementOverTheCapPaidMeanwhileIsNotPaidWithoutAnOverride() {
    ProcessInstance pi = approvedCase(30_000, false);
    String household = (String) runtime.getVariable(pi.getId(), "idNumber");
    paidInAnEarlierCase(household, 15000);

    Job job = exhaustRetries(pi, "disburse");

    assertThat(job.getExceptionMessage()).contains("未发放");
    assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
    assertThat(ledger.grantsOfCase(pi.getBusinessKey())).isEmpty();
    assertThat(ledger.paidInYear(household, 2026)).isEqualByComparingTo("15000");
  }

  @Test
  void anApprovedOverrideLetsTheDisbursementOverTheCapThrough() {
    String household = newIdNumber();
    paidInAnEarlierCase(household, 30000);
    ProcessInstance pi = caseAtGroupApproval(household, 20_000);
    Map<String, Object> approval = approval(true, 20_000);
    approval.put("capOverride", true);
    approval.put("capOverrideReason", "患儿需二次手术，经领导小组集体研究同意");
    complete(task("groupApproval", pi), approval);
    execute(job("disburse", pi));
    complete(task("referPartners", pi), noReferrals());

    assertThat(pi).isWaitingAt("followUpDue");
    assertThat(ledger.paidInYear(household, 2026)).isEqualByComparingTo("50000");
    assertThat(ledger.capOverride(pi.getBusinessKey())).isPresent();
  }

  // --- the approval itself ---

  @Test
  void noApprovalExceedsTheMaximumCaseAmountEvenWithAnOverride() {
    ProcessInstance pi = caseAtGroupApproval(newIdNumber(), 20_000);
    Map<String, Object> approval = approval(true, 100_000_000_000L);
    approval.put("capOverride", true);
    approval.put("capOverrideReason", "领导小组同意");
    approval.put("approvalNote", "同意");

    assertThatThrownBy(() -> complete(task("groupApproval", pi), approval))
        .isInstanceOf(RuleBreak.class)
        .hasMessageContaining("超过单个案件救助金额上限 " + policy.maxCaseAmount() + " 元");
    assertThat(pi).isWaitingAt("groupApproval");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u3000", " \u3000 ", "\u00a0", "\u200b", "\t\n", "\u2003\ufeff"})
  void anApprovalAboveTheReviewedAmountNeedsAWrittenNote(String blank) {
    ProcessInstance pi = caseAtGroupApproval(newIdNumber(), 12_200);
    Map<String, Object> approval = approval(true, 20_000);
    approval.put("approvalNote", blank);

    assertThatThrownBy(() -> complete(task("groupApproval", pi), approval))
        .isInstanceOf(RuleBreak.class)
        .hasMessageContaining("高于审核金额 12200 元，请在审批意见中写明理由");
    assertThat(pi).isWaitingAt("groupApproval");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u3000", "\u3000\u3000", "\u00a0\u202f", "\u200b"})
  void aCapOverrideReasonOfBlanksIsAMissingReason(String blank) {
    String household = newIdNumber();
    paidInAnEarlierCase(household, 30000);
    ProcessInstance pi = caseAtGroupApproval(household, 20_000);
    Map<String, Object> approval = approval(true, 20_000);
    approval.put("capOverride", true);
    approval.put("capOverrideReason", blank);

    assertThatThrownBy(() -> complete(task("groupApproval", pi), approval))
        .isInstanceOf(RuleBreak.class).hasMessage("请填写：突破上限理由");
    assertThat(pi).isWaitingAt("groupApproval");
  }

  @Test
  void aRequiredTextOfBlanksIsMissingOnEveryTask() {
    ProcessInstance pi = startCase(start("xunzhong", "GENERAL", 100_000));
    Map<String, Object> visit = new java.util.HashMap<>(visit(true, false));
    visit.put("visitFindings", "\u3000\u3000");

    assertThatThrownBy(() -> complete(task("firstVisit", pi), visit))
        .isInstanceOf(RuleBreak.class).hasMessage("请填写：入户调查情况");
  }

  /** The household was paid this much this year in a case of its own (closed, or on another node). */
  void paidInAnEarlierCase(String household, long amount) {
    ledger.record(new GrantRecord(household, "YSYY-2025-" + (90_000 + earlierCases++), GrantSource.CIVIL_AFFAIRS_CASE,
        BigDecimal.valueOf(amount), ClockUtil.getCurrentTime().toInstant(), "group2"));
  }

  @Test
  void aHouseholdHeadOfBlanksIsMissing() {
    Map<String, Object> start = start("xunzhong", "GENERAL", 100_000);
    start.put("householdHead", "\u3000\u00a0");

    assertThatThrownBy(() -> startCase(start)).isInstanceOf(RuleBreak.class).hasMessage("请填写户主姓名");
    assertThat(casesOf((String) start.get("idNumber"))).isZero();
  }

  ProcessInstance caseAtGroupApproval(String household, long reviewed) {
    Map<String, Object> start = start("xunzhong", "GENERAL", 200_000);
    start.put("idNumber", household);
    ProcessInstance pi = startCase(start);
    complete(task("firstVisit", pi), visit(true, false));
    complete(task("preliminaryOpinion", pi), opinion(true, reviewed, 0));
    complete(task("secondReview", pi), review(true, reviewed));
    return pi;
  }

  ProcessInstance approvedCase(long amount, boolean override) {
    ProcessInstance pi = caseAtGroupApproval(newIdNumber(), amount);
    complete(task("groupApproval", pi), approval(true, amount));
    assertThat(pi).isWaitingAt("disburse");
    return pi;
  }

  /** Runs the job until its retries are used up (the retry cycle's waits passed by the clock). */
  Job exhaustRetries(ProcessInstance pi, String activityId) {
    List<String> failures = new ArrayList<>();
    for (int attempt = 0; attempt < 10; attempt++) {
      Job job = job(activityId, pi);
      if (job.getRetries() == 0) {
        return job;
      }
      ClockUtil.setCurrentTime(new java.util.Date(Math.max(ClockUtil.getCurrentTime().getTime(),
          job.getDuedate() == null ? 0 : job.getDuedate().getTime() + 1000)));
      try {
        management.executeJob(job.getId());
      } catch (RuntimeException failed) {
        failures.add(failed.getMessage());
      }
    }
    throw new AssertionError("the job never ran out of retries: " + failures);
  }

  private static void await(CountDownLatch latch, long millis) {
    try {
      latch.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
