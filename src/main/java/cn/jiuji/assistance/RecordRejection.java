package cn.jiuji.assistance;

import static cn.jiuji.assistance.CaseVariables.*;

import java.sql.Timestamp;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A case turned down: the reason is what the deciding step wrote, and the household is told it
 * together with its right to ask for a review (a notification record, SPEC §3.1).
 */
@Component("recordRejection")
public class RecordRejection implements JavaDelegate {

  /** Where each deciding step writes its reason. */
  private static final Map<String, CaseVariable<String>> REASONS = Map.of(
      "confirmScreening", SCREENING_NOTE,
      "firstVisit", VISIT_FINDINGS,
      "preliminaryOpinion", OPINION,
      "secondReview", REVIEW_NOTE,
      "groupApproval", APPROVAL_NOTE);

  static final String KIND = "REJECTION";

  private final JdbcTemplate jdbc;

  RecordRejection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String step = REJECTED_AT.from(execution);
    String reason = REASONS.get(step).from(execution);
    REJECTION_REASON.set(execution, reason);
    PAPERWORK_DONE.set(execution, true);
    FlowElement stepElement = execution.getBpmnModelInstance().getModelElementById(step);
    String message = String.format(
        "%s：您家的“一事一议”临时救助申请（案件编号 %s）在“%s”环节未获通过。理由：%s。"
            + "如对结果有异议，可自收到本告知之日起向县民政局提出复核申请。",
        HOUSEHOLD_HEAD.from(execution), CASE_NO.from(execution), stepElement.getName(), reason);
    String caseNo = CASE_NO.from(execution);
    // the unique key (case_no, kind) keeps a repeated run from telling the family twice
    Integer existing = jdbc.queryForObject(
        "SELECT COUNT(*) FROM case_notification WHERE case_no = ? AND kind = ?", Integer.class,
        caseNo, KIND);
    if (existing != null && existing == 0) {
      jdbc.update("INSERT INTO case_notification (case_no, household_id, kind, message, created_at)"
              + " VALUES (?, ?, ?, ?, ?)", caseNo, ID_NUMBER.from(execution), KIND, message,
          new Timestamp(ClockUtil.getCurrentTime().getTime()));
    }
  }
}
