package cn.jiuji.casefile;

import static cn.jiuji.assistance.CaseVariables.*;

import cn.jiuji.assistance.Elements;
import cn.jiuji.base.CaseVariable;
import cn.jiuji.base.RuleBreak;
import cn.jiuji.household.Category;
import cn.jiuji.ledger.Ledger;
import cn.jiuji.ledger.MonthlyAidPlans;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * What the 临时救助审核审批表 (SPEC §11) prints, read from the case's history: the household, the
 * amounts each step arrived at, and who signed off each step, when, with what decision and
 * opinion. Whether the user may see the case is the engine's answer to the user's own query; the
 * details of a case they may see (who completed a task, the names of the staff) are then read
 * without further checks, since township staff have no right to read the county's user list.
 */
@Component
class ApprovalSheet {

  /** More than a case ever has; the engine refuses unbounded queries (queryMaxResultsLimit). */
  private static final int PAGE = 500;

  /** The steps that sign a case off, in the order of the form, with what each decides and writes. */
  private static final List<StepSpec> STEPS = List.of(
      new StepSpec(Elements.CONFIRM_SCREENING, "县民政局确认筛查对象", SCREENING_CONFIRMED, "确认为救助对象", "不予确认",
          null, List.of(SCREENING_NOTE)),
      new StepSpec(Elements.EMERGENCY_GRANT, "乡镇先行救助", null, "已先行救助", null, ADVANCE_AMOUNT, List.of(EMERGENCY_NOTE)),
      new StepSpec(Elements.FIRST_VISIT, "乡镇入户调查核对", VISIT_CONFIRMS_HARDSHIP, "确认家庭困难", "家庭不困难",
          null, List.of(VISIT_FINDINGS)),
      new StepSpec(Elements.PRELIMINARY_OPINION, "乡镇初步意见", RECOMMEND, "建议救助", "不建议救助",
          PROPOSED_AMOUNT, List.of(OPINION, BELOW_THRESHOLD_REASON)),
      new StepSpec(Elements.SECOND_REVIEW, "县民政局再次入户审核", REVIEW_PASSED, "审核通过", "审核不通过",
          REVIEWED_AMOUNT, List.of(REVIEW_NOTE)),
      new StepSpec(Elements.GROUP_APPROVAL, "县社会救助领导小组审批", APPROVED, "批准", "不批准",
          APPROVED_AMOUNT, List.of(APPROVAL_NOTE, CAP_OVERRIDE_REASON, BELOW_THRESHOLD_REASON)));

  private record StepSpec(String id, String label, CaseVariable<Boolean> decision, String yes, String no,
      CaseVariable<Long> amount, List<CaseVariable<String>> notes) {}

  /** One signed-off step: its person as Chinese write the name, the day, the decision and the opinion. */
  record SignOff(String step, String person, java.time.Instant date, String decision, Long amount,
      List<String> notes) {}

  record Sheet(String caseNo, String householdHead, String idNumberMasked, String townshipName, String village,
      String category, Long householdSize, Double selfPaidTwoYears, Double threshold, Boolean eligible,
      Long suggestedAmount, Long proposedAmount, Long reviewedAmount, Long approvedAmount, Long advanceAmount,
      List<SignOff> signOffs, AidPackage aidPackage) {}

  private final HistoryService history;
  private final IdentityService identity;
  private final ProcessEngineConfigurationImpl engine;
  private final Ledger ledger;
  private final MonthlyAidPlans plans;

  ApprovalSheet(HistoryService history, IdentityService identity, ProcessEngineConfigurationImpl engine,
      Ledger ledger, MonthlyAidPlans plans) {
    this.history = history;
    this.identity = identity;
    this.engine = engine;
    this.ledger = ledger;
    this.plans = plans;
  }

  /** The case as the logged-in user may see it: a case they may not see is one that does not exist. */
  Sheet of(String caseNo) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(caseNo)
        .singleResult();
    if (instance == null) {
      throw RuleBreak.notFound("未找到案件 " + caseNo + "，或您无权查看该案件");
    }
    return engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(
        () -> read(caseNo, instance.getId())));
  }

  private Sheet read(String caseNo, String processInstanceId) {
    Map<String, Object> caseValues = new HashMap<>();
    Map<String, Map<String, Object>> stepValues = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).listPage(0, PAGE)) {
      if (variable.getValue() == null) {
        continue;
      }
      // a step's own variables (its input mappings) stay apart from what the case holds
      Map<String, Object> scope = processInstanceId.equals(variable.getActivityInstanceId()) ? caseValues
          : stepValues.computeIfAbsent(variable.getActivityInstanceId(), id -> new HashMap<>());
      scope.put(variable.getName(), variable.getValue());
    }
    List<SignOff> signOffs = new ArrayList<>();
    List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery()
        .processInstanceId(processInstanceId).finished().listPage(0, PAGE);
    tasks.sort(Comparator.comparing(HistoricTaskInstance::getEndTime));
    for (HistoricTaskInstance task : tasks) {
      STEPS.stream().filter(s -> s.id().equals(task.getTaskDefinitionKey())).findFirst().ifPresent(spec -> {
        Map<String, Object> own = stepValues.getOrDefault(task.getActivityInstanceId(), Map.of());
        signOffs.add(signOff(spec, task, caseValues, own));
      });
    }
    String category = CATEGORY.from(caseValues);
    return new Sheet(caseNo, HOUSEHOLD_HEAD.from(caseValues), ID_NUMBER_MASKED.from(caseValues),
        TOWNSHIP_NAME.from(caseValues), VILLAGE.from(caseValues),
        Category.parse(category).map(Category::label).orElse(category), HOUSEHOLD_SIZE.from(caseValues),
        SELF_PAID_TWO_YEARS.from(caseValues), THRESHOLD.from(caseValues), ELIGIBLE.from(caseValues),
        SUGGESTED_AMOUNT.from(caseValues), PROPOSED_AMOUNT.from(caseValues), REVIEWED_AMOUNT.from(caseValues),
        APPROVED_AMOUNT.from(caseValues), ADVANCE_AMOUNT.from(caseValues), signOffs,
        AidPackage.of(ledger.grantsOfCase(caseNo), plans.ofCase(caseNo)));
  }

  private SignOff signOff(StepSpec spec, HistoricTaskInstance task, Map<String, Object> caseValues,
      Map<String, Object> own) {
    Map<String, Object> values = new HashMap<>(caseValues);
    if (spec.id().equals(Elements.GROUP_APPROVAL)) {
      // the township's below-threshold reason is the township's: the group's own is local to its step
      values.remove(BELOW_THRESHOLD_REASON.name());
    }
    values.putAll(own);
    String decision = spec.yes();
    if (spec.decision() != null) {
      Boolean yes = spec.decision().from(values);
      decision = yes == null ? "" : yes ? spec.yes() : spec.no();
    }
    List<String> notes = new ArrayList<>();
    for (CaseVariable<String> note : spec.notes()) {
      String text = note.from(values);
      if (text != null && !text.isBlank()) {
        notes.add(note == BELOW_THRESHOLD_REASON ? "低于门槛的理由：" + text
            : note == CAP_OVERRIDE_REASON ? "突破年度上限的理由：" + text : text);
      }
    }
    Long amount = spec.amount() == null ? null : spec.amount().from(values);
    return new SignOff(spec.label(), person(task), task.getEndTime().toInstant(), decision, amount, notes);
  }

  /** Who completed the task, as Chinese write a name: family name first, no space (颜社工). */
  private String person(HistoricTaskInstance task) {
    String userId = history.createUserOperationLogQuery()
        .taskId(task.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
        .listPage(0, 1).stream()
        .map(UserOperationLogEntry::getUserId)
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(task.getAssignee());
    if (userId == null) {
      return "";
    }
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    String name = Objects.toString(user.getLastName(), "") + Objects.toString(user.getFirstName(), "");
    return name.isBlank() ? userId : name.strip();
  }
}
