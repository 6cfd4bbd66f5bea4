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
      Long capRemaining) {}

  private final CaseController cases;
  private final ApprovalSheet sheets;
  private final HistoryService history;
  private final Ledger ledger;
  private final CountyClock clock;

  CaseFileController(CaseController cases, ApprovalSheet sheets, HistoryService history, Ledger ledger,
      CountyClock clock) {
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
    return new CaseFile(summary, sheets.of(caseNo).signOffs(), year, remaining);
  }
}
