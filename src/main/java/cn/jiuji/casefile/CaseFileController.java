package cn.jiuji.casefile;

import cn.jiuji.base.CountyClock;
import cn.jiuji.ledger.Ledger;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{caseNo}/file}: the 案件档案 that Tasklist shows beside every task (SPEC §11):
 * the case summary (current step, grants and their status, overdue steps), each signed-off step
 * with who, when, decision, amount and opinion, and the family's remaining cap of this year.
 * Township-scoped like the case summary: a case the user may not see is a 404 in Chinese.
 */
@RestController
class CaseFileController {

  record CaseFile(CaseController.CaseSummary summary, List<ApprovalSheet.SignOff> signOffs, int capYear,
      Long capRemaining, List<OverdueStep> overdue) {}

  /**
   * A step that ran past its deadline: when it was due, and by how many working days it is late
   * (still open: until today; done: until the day it was done).
   */
  record OverdueStep(String step, String name, java.time.Instant due, String dueDay, int workingDaysLate,
      boolean open) {}

  private static final java.time.format.DateTimeFormatter DAY =
      java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 EEEE", java.util.Locale.CHINA);

  private final CaseController cases;
  private final ApprovalSheet sheets;
  private final HistoryService history;
  private final Ledger ledger;
  private final CountyClock clock;

  private final cn.jiuji.calendar.WorkingDayCalendar calendar;

  CaseFileController(CaseController cases, ApprovalSheet sheets, HistoryService history, Ledger ledger,
      CountyClock clock, cn.jiuji.calendar.WorkingDayCalendar calendar) {
    this.calendar = calendar;
    this.cases = cases;
    this.sheets = sheets;
    this.history = history;
    this.ledger = ledger;
    this.clock = clock;
  }

  @GetMapping("/api/cases/{caseNo}/file")
  CaseFile caseFile(@PathVariable String caseNo) {
    CaseController.CaseSummary summary = cases.caseSummary(caseNo); // refuses a case the user may not see
    int year = clock.year();
    Long remaining = history.createHistoricVariableInstanceQuery()
        .processInstanceId(summary.processInstanceId()).variableName("idNumber").listPage(0, 1).stream()
        .map(HistoricVariableInstance::getValue)
        .filter(String.class::isInstance)
        .map(household -> ledger.capRemaining((String) household, year))
        .findFirst().orElse(null);
    return new CaseFile(summary, sheets.of(caseNo).signOffs(), year, remaining, overdue(summary));
  }

  private List<OverdueStep> overdue(CaseController.CaseSummary summary) {
    if (summary.overdueSteps().isEmpty()) {
      return List.of();
    }
    java.time.LocalDate today = clock.today();
    return history.createHistoricTaskInstanceQuery()
        .processInstanceId(summary.processInstanceId())
        .taskDefinitionKeyIn(summary.overdueSteps().toArray(String[]::new))
        .listPage(0, 100).stream()
        .filter(task -> task.getDueDate() != null)
        .sorted(java.util.Comparator.comparing(org.camunda.bpm.engine.history.HistoricTaskInstance::getDueDate))
        .map(task -> {
          java.time.LocalDate due = task.getDueDate().toInstant().atZone(clock.zone()).toLocalDate();
          java.time.LocalDate until = task.getEndTime() == null ? today
              : task.getEndTime().toInstant().atZone(clock.zone()).toLocalDate();
          return new OverdueStep(task.getTaskDefinitionKey(), task.getName(), task.getDueDate().toInstant(),
              DAY.format(due), calendar.workingDaysAfter(due, until), task.getEndTime() == null);
        })
        .toList();
  }
}
