package cn.jiuji.enrollment;

import static cn.jiuji.enrollment.EnrollmentVariables.*;

import cn.jiuji.assistance.CaseAccess;
import cn.jiuji.base.CaseVariable;
import cn.jiuji.assistance.CaseVariables;
import cn.jiuji.base.RuleBreak;
import cn.jiuji.household.Category;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * 先临时、后长效 (SPEC §3.3): a case whose follow-up found lasting hardship starts the household's
 * enrollment into long-term protection, {@code ${startEnrollment}} in temporaryAssistance. The
 * enrollment's business key is the case number, and the household's data are copied from the
 * case so that nobody types them again. Starting twice for one case starts nothing new.
 */
@Component("startEnrollment")
public class StartEnrollment implements JavaDelegate {

  /** What the enrollment takes over from the case as it is. */
  private static final List<CaseVariable<?>> CARRIED = List.of(HOUSEHOLD_HEAD, ID_NUMBER, ID_NUMBER_MASKED,
      TOWNSHIP, TOWNSHIP_NAME, TOWNSHIP_GROUP, VILLAGE, CATEGORY, HOUSEHOLD_SIZE);

  private final RuntimeService runtime;
  private final HistoryService history;
  private final CaseAccess access;

  StartEnrollment(RuntimeService runtime, HistoryService history, CaseAccess access) {
    this.runtime = runtime;
    this.history = history;
    this.access = access;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> variables = execution.getVariables();
    if (CaseVariables.CASE_NO.from(variables) == null) {
      variables.put(CaseVariables.CASE_NO.name(), execution.getProcessBusinessKey());
    }
    enroll(variables);
  }

  /**
   * Starts the enrollment for a case, given the case's variables, unless the case has one
   * already; either way returns the enrollment's process instance id.
   */
  public String enroll(Map<String, ?> caseVariables) {
    String caseNo = CaseVariables.CASE_NO.from(caseVariables);
    if (caseNo == null || caseNo.isBlank()) {
      throw new IllegalStateException("a case without case number cannot start an enrollment");
    }
    String track = CaseVariables.LONG_TERM_TRACK.from(caseVariables);
    Category requested = Category.parse(track).filter(EnrollmentRules.GRANTABLE::contains)
        .orElseThrow(() -> new RuleBreak("长效保障方向 “" + (track == null ? "" : track)
            + "” 无效：应为低保边缘家庭、城乡低保对象或特困人员"));
    // history holds running and finished instances alike: a case that was enrolled once, even
    // if that enrollment has ended, is not enrolled again by a retried or repeated step
    var existing = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(caseNo).listPage(0, 1);
    if (!existing.isEmpty()) {
      return existing.get(0).getId();
    }
    VariableMap variables = Variables.createVariables();
    for (CaseVariable<?> variable : CARRIED) {
      variables.putValue(variable.name(), caseVariables.get(variable.name()));
    }
    variables.putValue(REQUESTED_CATEGORY.name(), requested.name());
    variables.putValue(SOURCE_CASE_NO.name(), caseNo);
    String instanceId = runtime.startProcessInstanceByKey(PROCESS_KEY, caseNo, variables).getId();
    // the township sees its own families only: this enrollment, as it saw the case
    access.grantTownship(instanceId, TOWNSHIP_GROUP.from(caseVariables));
    return instanceId;
  }
}
