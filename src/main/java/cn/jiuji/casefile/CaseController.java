package cn.jiuji.casefile;

import cn.jiuji.household.BankAccounts;
import cn.jiuji.ledger.BankPayments;
import cn.jiuji.ledger.GrantSource;
import cn.jiuji.ledger.GrantStatus;
import cn.jiuji.ledger.Ledger;
import cn.jiuji.ledger.MonthlyAidPlans;
import com.fasterxml.jackson.annotation.JsonProperty;
import cn.jiuji.assistance.Overdue;
import cn.jiuji.base.RuleBreak;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{caseNo}}: one case at a glance (SPEC §6). Everything is read through the
 * engine as the logged-in user, so its authorization checks decide: a case the user may not see
 * is answered exactly like a case that does not exist.
 */
@RestController
class CaseController {

  /** More than a case ever has; the engine refuses unbounded queries (queryMaxResultsLimit). */
  private static final int PAGE = 500;

  private final HistoryService history;
  private final Ledger ledger;
  private final MonthlyAidPlans plans;
  private final BankPayments bank;

  CaseController(HistoryService history, Ledger ledger, MonthlyAidPlans plans, BankPayments bank) {
    this.history = history;
    this.ledger = ledger;
    this.plans = plans;
    this.bank = bank;
  }

  record Step(String id, String name) {}

  /**
   * @param status PAID, SENT (in the payment list of its batch, SPEC §8) or FAILED
   * @param batchNo the batch whose payment list it is in; null for money paid at once
   */
  record GrantView(GrantSource source, String label, BigDecimal amount, Instant paidAt, GrantStatus status,
      String batchNo) {}

  record CaseSummary(String caseNo, String processInstanceId, String state, List<Step> currentSteps,
      String township, String townshipName, String householdHead, String idNumberMasked,
      String bankAccountMasked, String bankName, String category, Double selfPaidTwoYears, Long suggestedAmount, Long approvedAmount,
      Long advanceAmount, String rejectedAt, String rejectionReason, List<GrantView> grants,
      BigDecimal totalGranted, List<String> overdueSteps, @JsonProperty("package") AidPackage aidPackage) {}

  @GetMapping("/api/cases/{caseNo}")
  CaseSummary caseSummary(@PathVariable String caseNo) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey("temporaryAssistance")
        .processInstanceBusinessKey(caseNo)
        .singleResult();
    if (instance == null) {
      throw RuleBreak.notFound("未找到案件 " + caseNo + "，或您无权查看该案件");
    }
    Map<String, Object> v = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).listPage(0, PAGE)) {
      // the case's own values: a step's local copy (the amount groupApproval starts from) is no decision
      if (variable.getValue() != null && instance.getId().equals(variable.getActivityInstanceId())) {
        v.put(variable.getName(), variable.getValue());
      }
    }
    List<Step> current = history.createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId()).unfinished().listPage(0, PAGE).stream()
        .filter(a -> a.getActivityName() != null && !"subProcess".equals(a.getActivityType()))
        .map(CaseController::step)
        .toList();
    var ledgerGrants = ledger.grantsOfCase(caseNo);
    List<GrantView> grants = ledgerGrants.stream()
        .map(g -> new GrantView(g.source(), g.source().label(), g.amount(), g.paidAt(), g.status(), g.batchNo()))
        .toList();
    // money the bank failed to pay is not granted until it is sent again (SPEC §8)
    BigDecimal total = grants.stream().filter(g -> g.status() != GrantStatus.FAILED)
        .map(GrantView::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    // the account the money goes to now: a correction after a failed payment changes it
    var payee = bank.payee(caseNo);
    String account = payee.map(BankPayments.Payee::bankAccount).orElse((String) v.get("bankAccount"));
    String bankName = payee.map(BankPayments.Payee::bankName).orElse((String) v.get("bankName"));
    String overdue = (String) v.get("overdueSteps");
    return new CaseSummary(caseNo, instance.getId(), state(instance, v), current,
        (String) v.get("township"), (String) v.get("townshipName"), (String) v.get("householdHead"),
        (String) v.get("idNumberMasked"), BankAccounts.mask(account), bankName, (String) v.get("category"),
        (Double) v.get("selfPaidTwoYears"), (Long) v.get("suggestedAmount"),
        (Long) v.get("approvedAmount"), (Long) v.get("advanceAmount"),
        (String) v.get("rejectedAt"), (String) v.get("rejectionReason"), grants, total,
        Overdue.split(overdue), AidPackage.of(ledgerGrants.stream().filter(g -> g.status() != GrantStatus.FAILED).toList(),
        plans.ofCase(caseNo)));
  }

  private static Step step(HistoricActivityInstance activity) {
    return new Step(activity.getActivityId(), activity.getActivityName());
  }

  /** ACTIVE, REJECTED (ended with a "no"), COMPLETED, or Camunda's own state otherwise. */
  private static String state(HistoricProcessInstance instance, Map<String, Object> v) {
    if (HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState())) {
      return v.get("rejectedAt") != null ? "REJECTED" : "COMPLETED";
    }
    return instance.getState();
  }
}
