package cn.jiuji.enrollment;

import static cn.jiuji.enrollment.EnrollmentVariables.*;

import cn.jiuji.assistance.CaseVariable;
import cn.jiuji.decision.Category;
import java.sql.Timestamp;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An enrollment turned down: the reason is what the deciding step wrote, and the household is
 * told it with its right to ask for a review, in the case's notification record (as a rejected
 * case is, SPEC §3.1).
 */
@Component("notifyEnrollmentRejection")
public class NotifyEnrollmentRejection implements JavaDelegate {

  static final String KIND = "ENROLLMENT_REJECTION";

  /** Where each deciding step writes its reason. */
  private static final Map<String, CaseVariable<String>> REASONS = Map.of(
      "economicVerification", VERIFICATION_NOTE,
      "enrollmentApproval", ENROLLMENT_NOTE);

  // the unique key (case_no, kind) keeps a repeated run from telling the family twice
  private static final String INSERT = """
      INSERT INTO case_notification (case_no, household_id, kind, message, created_at)
      SELECT CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),
             CAST(? AS TIMESTAMP)
      WHERE NOT EXISTS (SELECT 1 FROM case_notification WHERE case_no = ? AND kind = ?)
      """;

  private final JdbcTemplate jdbc;

  NotifyEnrollmentRejection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String step = REJECTED_AT.from(execution);
    String reason = REASONS.get(step).from(execution);
    REJECTION_REASON.set(execution, reason);
    FlowElement stepElement = execution.getBpmnModelInstance().getModelElementById(step);
    String requested = Category.parse(REQUESTED_CATEGORY.from(execution)).map(Category::label).orElse("长效保障");
    String caseNo = execution.getProcessBusinessKey();
    String message = String.format(
        "%s：您家的%s认定申请（案件编号 %s）在“%s”环节未获通过。理由：%s。"
            + "如对结果有异议，可自收到本告知之日起向县民政局提出复核申请。",
        HOUSEHOLD_HEAD.from(execution), requested, caseNo, stepElement.getName(), reason);
    jdbc.update(INSERT, caseNo, ID_NUMBER.from(execution), KIND, message,
        new Timestamp(ClockUtil.getCurrentTime().getTime()), caseNo, KIND);
  }
}
