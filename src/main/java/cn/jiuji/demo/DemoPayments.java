package cn.jiuji.demo;

import cn.jiuji.assistance.CaseVariables;
import cn.jiuji.assistance.Elements;
import cn.jiuji.household.IdNumbers;
import cn.jiuji.ledger.BankPayments.ReturnLine;
import cn.jiuji.payment.BankReturns;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Demo payments through the bank (SPEC §8), created with the demo cases: one case approved, sent
 * and reported paid by the bank, and one whose transfer failed and waits at 更正发放信息 for
 * 三班镇 ({@code sanban1}). Created once, like the demo cases.
 */
@Component
public class DemoPayments {

  private static final Logger LOG = LoggerFactory.getLogger(DemoPayments.class);
  static final String DEMO = "demoPayment";
  static final String FAILURE = "户名与账号不符";

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final BankReturns returns;

  DemoPayments(RuntimeService runtime, TaskService tasks, ManagementService management, BankReturns returns) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.returns = returns;
  }

  /** Creates the two payments unless they exist already; returns how many cases it started. */
  public synchronized int createOnce() {
    if (runtime.createProcessInstanceQuery().variableValueEquals(DEMO, true).count() > 0) {
      return 0;
    }
    ProcessInstance paid = sent("吴某强", "35052619670412008", "sanban", "美湖村", "GENERAL", 96_000, 14_400,
        "6230351000200030041", "德化县农村信用合作联社三班信用社", "妻子尿毒症血液透析，家中两位老人");
    bankReports(paid, "6230351000200030041", 14_400, true);
    ProcessInstance failed = sent("连某梅", "35052619750623009", "sanban", "蔡径村", "DIBAO", 52_000, 10_400,
        "6217000011122233309", "中国农业银行德化县支行", "丈夫肺癌化疗，女儿在读高中");
    bankReports(failed, "6217000011122233309", 10_400, false);
    LOG.info("Demo payments created: {} paid by the bank, {} failed and waiting for 三班镇 to correct the account",
        paid.getBusinessKey(), failed.getBusinessKey());
    return 2;
  }

  /** A case of the township approved on its own and disbursed: its grant is in a payment list of its own. */
  private ProcessInstance sent(String head, String id17, String township, String village, String category,
      double selfPaid, long amount, String account, String bankName, String findings) {
    Map<String, Object> start = new HashMap<>();
    start.put(CaseVariables.HOUSEHOLD_HEAD.name(), head);
    start.put(CaseVariables.ID_NUMBER.name(), IdNumbers.withCheckCharacter(id17));
    start.put(CaseVariables.TOWNSHIP.name(), township);
    start.put(CaseVariables.VILLAGE.name(), village);
    start.put(CaseVariables.CATEGORY.name(), category);
    start.put(CaseVariables.SELF_PAID_TWO_YEARS.name(), selfPaid);
    start.put(CaseVariables.SOURCE.name(), "FIELD_DISCOVERY");
    start.put(CaseVariables.EMERGENCY.name(), false);
    start.put(DEMO, true);
    ProcessInstance pi = runtime.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, start);
    complete(pi, Elements.FIRST_VISIT, Map.of("visitConfirmsHardship", true, "especiallyDifficult", false,
        "householdSize", 4L, "visitFindings", findings, "bankAccount", account, "bankName", bankName));
    complete(pi, Elements.PRELIMINARY_OPINION, Map.of("recommend", true, "proposedAmount", amount,
        "proposedTopUp", 0L, "opinion", "情况属实，建议按比例救助"));
    complete(pi, Elements.SECOND_REVIEW, Map.of("reviewPassed", true, "reviewedAmount", amount,
        "reviewNote", "再次入户核实无误"));
    complete(pi, Elements.GROUP_APPROVAL, Map.of("approved", true, "approvedAmount", amount,
        "capOverride", false, "approvalNote", "同意救助"));
    disburse(pi);
    return pi;
  }

  /** Runs the disbursement job now, or waits for the job executor that picked it up first. */
  private void disburse(ProcessInstance pi) {
    for (int attempt = 0; attempt < 100; attempt++) {
      Job job = management.createJobQuery().processInstanceId(pi.getId()).activityId(Elements.DISBURSE).singleResult();
      if (job == null) {
        return;
      }
      try {
        management.executeJob(job.getId());
        return;
      } catch (ProcessEngineException executedMeanwhile) {
        pause();
      }
    }
    throw new IllegalStateException("the demo case " + pi.getBusinessKey() + " was not disbursed");
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The bank's return of the case's own payment list (its number is the case number). */
  private void bankReports(ProcessInstance pi, String account, long amount, boolean success) {
    String caseNo = pi.getBusinessKey();
    returns.apply(caseNo, 1, List.of(new ReturnLine(2, caseNo, account, BigDecimal.valueOf(amount), success,
        success ? null : FAILURE)), List.of(), "civil1");
  }

  private void complete(ProcessInstance instance, String step, Map<String, Object> answers) {
    var task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(step).singleResult();
    tasks.complete(task.getId(), answers);
  }
}
