package cn.jiuji.casefile;

import static cn.jiuji.assistance.CaseVariables.*;

import cn.jiuji.base.RuleBreak;
import cn.jiuji.household.Category;
import cn.jiuji.identity.CountyProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases?township=&step=&page=}: the cases a bureau follows, newest first, one page
 * at a time, with their household, township and current step (SPEC §11; Cockpit's 案件列表 page).
 * The list is the engine's answer to the logged-in user's own query: managers and county staff see
 * the county's cases, a township only its own, the leading group those it was asked to approve.
 * Read-only: nothing here changes a case.
 */
@RestController
class CaseList {

  static final int PAGE_SIZE = 50;
  /** More than a page of cases ever has of these. */
  private static final int ROWS = 2000;
  private static final List<String> SHOWN = List.of(HOUSEHOLD_HEAD.name(), ID_NUMBER_MASKED.name(),
      TOWNSHIP.name(), TOWNSHIP_NAME.name(), VILLAGE.name(), CATEGORY.name(), APPROVED_AMOUNT.name(),
      REJECTED_AT.name());

  private final HistoryService history;
  private final CountyProperties county;

  CaseList(HistoryService history, CountyProperties county) {
    this.history = history;
    this.county = county;
  }

  record Step(String id, String name) {}

  record Row(String caseNo, String householdHead, String idNumberMasked, String township, String townshipName,
      String village, String category, String state, List<Step> currentSteps, Long approvedAmount,
      Instant startedAt, Instant endedAt) {}

  record Page(long total, int page, int size, List<Row> cases) {}

  @GetMapping("/api/cases")
  Page cases(@RequestParam(required = false) String township, @RequestParam(required = false) String step,
      @RequestParam(defaultValue = "0") String page) {
    int number = pageNumber(page);
    HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY);
    if (township != null && !township.isBlank()) {
      if (county.byCode(township.strip()).isEmpty()) {
        throw RuleBreak.badRequest("未知的乡镇代码“" + township + "”");
      }
      query.variableValueEquals(TOWNSHIP.name(), township.strip());
    }
    if (step != null && !step.isBlank()) {
      query.activeActivityIdIn(step.strip());
    }
    long total = query.count();
    List<HistoricProcessInstance> instances = query.orderByProcessInstanceStartTime().desc()
        .listPage(number * PAGE_SIZE, PAGE_SIZE);
    return new Page(total, number, PAGE_SIZE, rows(instances));
  }

  private List<Row> rows(List<HistoricProcessInstance> instances) {
    if (instances.isEmpty()) {
      return List.of();
    }
    String[] ids = instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    Map<String, Map<String, Object>> values = new HashMap<>();
    for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceIdIn(ids)
        .variableNameIn(SHOWN.toArray(String[]::new)).listPage(0, ROWS)) {
      // the case's own values, not a step's local copy (groupApproval's input mapping)
      if (v.getValue() != null && v.getProcessInstanceId().equals(v.getActivityInstanceId())) {
        values.computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>()).put(v.getName(), v.getValue());
      }
    }
    Map<String, List<Step>> current = new HashMap<>();
    for (HistoricProcessInstance instance : instances) {
      if (instance.getEndTime() != null) {
        continue;
      }
      for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery()
          .processInstanceId(instance.getId()).unfinished().listPage(0, ROWS)) {
        if (a.getActivityName() != null && !"subProcess".equals(a.getActivityType())) {
          current.computeIfAbsent(a.getProcessInstanceId(), id -> new ArrayList<>())
              .add(new Step(a.getActivityId(), a.getActivityName()));
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    for (HistoricProcessInstance instance : instances) {
      Map<String, Object> v = values.getOrDefault(instance.getId(), Map.of());
      rows.add(new Row(instance.getBusinessKey(), HOUSEHOLD_HEAD.from(v), ID_NUMBER_MASKED.from(v), TOWNSHIP.from(v),
          TOWNSHIP_NAME.from(v), VILLAGE.from(v), Category.parse(CATEGORY.from(v))
              .map(Category::label).orElse(CATEGORY.from(v)),
          state(instance, v), current.getOrDefault(instance.getId(), List.of()), APPROVED_AMOUNT.from(v),
          instance.getStartTime().toInstant(), instance.getEndTime() == null ? null : instance.getEndTime().toInstant()));
    }
    return rows;
  }

  private static int pageNumber(String page) {
    try {
      int number = Integer.parseInt(page.strip());
      if (number >= 0 && number <= Integer.MAX_VALUE / PAGE_SIZE - 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw RuleBreak.badRequest("页码“" + page + "”无效：应为 0 或正整数");
  }

  /** ACTIVE, REJECTED (ended with a "no"), COMPLETED, or Camunda's own state otherwise. */
  private static String state(HistoricProcessInstance instance, Map<String, Object> v) {
    if (HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState())) {
      return v.get(REJECTED_AT.name()) != null ? "REJECTED" : "COMPLETED";
    }
    return instance.getState();
  }
}
