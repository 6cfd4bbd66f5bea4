package cn.jiuji.partner;

import static cn.jiuji.assistance.CaseFixtures.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.jiuji.assistance.CaseVariables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Cases brought to referPartners, and the departments' answers, for the referral tests. */
final class Referrals {

  private Referrals() {}

  /** A case of this township and self-paid total, approved and paid at the amount, waiting at referPartners. */
  static ProcessInstance paidCase(RuntimeService runtime, String township, double selfPaid, long amount) {
    return paidCase(runtime, start(township, "GENERAL", selfPaid), amount);
  }

  static ProcessInstance paidCase(RuntimeService runtime, Map<String, Object> start, long amount) {
    ProcessInstance pi = runtime.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, start);
    complete(task("firstVisit", pi), visit(true, false));
    complete(task("preliminaryOpinion", pi), opinion(true, amount, 0));
    complete(task("secondReview", pi), review(true, amount));
    complete(task("groupApproval", pi), approval(true, amount));
    execute(job("disburse", pi));
    return pi;
  }

  /** The referral of one department of a case. */
  static ProcessInstance referral(RuntimeService runtime, String caseNo, String department) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(ReferralVariables.PROCESS_KEY)
        .processInstanceBusinessKey(caseNo).variableValueEquals("department", department).singleResult();
  }

  static List<ProcessInstance> referrals(RuntimeService runtime, String caseNo) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(ReferralVariables.PROCESS_KEY)
        .processInstanceBusinessKey(caseNo).list();
  }

  static Map<String, Object> oneOff(long amount, String note) {
    Map<String, Object> v = new HashMap<>();
    v.put("aidKind", "ONE_OFF");
    v.put("aidAmount", amount);
    v.put("aidNote", note);
    return v;
  }

  static Map<String, Object> monthly(long amount, long months, String note) {
    Map<String, Object> v = new HashMap<>();
    v.put("aidKind", "MONTHLY");
    v.put("monthlyAmount", amount);
    v.put("months", months);
    v.put("aidNote", note);
    return v;
  }

  static Map<String, Object> without(String kind, String note) {
    Map<String, Object> v = new HashMap<>();
    v.put("aidKind", kind);
    v.put("aidNote", note);
    return v;
  }
}
