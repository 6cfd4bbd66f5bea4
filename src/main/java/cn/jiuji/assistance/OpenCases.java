package cn.jiuji.assistance;

import cn.jiuji.base.RuleBreak;
import cn.jiuji.household.IdNumbers;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One open {@code temporaryAssistance} case per household (SPEC §12), whatever started it: table
 * {@code open_case} (migration V7), keyed by the head's citizen ID. {@link #open} runs in
 * {@code registerCase}, in the start's transaction; the process's end listener
 * {@code ${openCases.close(execution)}} removes the row when the case ends or is cancelled.
 *
 * <p>The primary key decides when two starts race: the second one's insert waits for the first
 * to commit and then fails. The insert runs in a savepoint, so that the refusal can still name
 * the case that won (PostgreSQL accepts no statement after a failed one outside a savepoint).
 */
@Component("openCases")
public class OpenCases {

  private static final String INSERT = """
      INSERT INTO open_case (household_id, case_no) VALUES (?, ?)
      """;

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final TransactionTemplate savepoint;

  OpenCases(JdbcTemplate jdbc, RuntimeService runtime, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Records the case as the household's open case, or refuses the start (400) naming the case
   * the household already has open.
   */
  void open(String householdId, String caseNo, String processInstanceId) {
    Optional<String> recorded = recordedCase(householdId);
    if (recorded.isPresent()) {
      if (isRunning(recorded.get())) {
        throw alreadyOpen(householdId, recorded.get());
      }
      // ended without its end listener (cancelled with "skip custom listeners"): not open any more
      jdbc.update("DELETE FROM open_case WHERE household_id = ? AND case_no = ?", householdId, recorded.get());
    }
    Optional<String> unrecorded = caseStartedBeforeTheTable(householdId, processInstanceId);
    if (unrecorded.isPresent()) {
      throw alreadyOpen(householdId, unrecorded.get());
    }
    try {
      savepoint.executeWithoutResult(status -> jdbc.update(INSERT, householdId, caseNo));
    } catch (DuplicateKeyException raced) {
      throw alreadyOpen(householdId, recordedCase(householdId).orElse("（正在同时登记）"));
    }
  }

  /** The end listener of the process: the household may have a new case once this one ended. */
  public void close(DelegateExecution execution) {
    String caseNo = execution.getProcessBusinessKey();
    if (caseNo != null) {
      jdbc.update("DELETE FROM open_case WHERE case_no = ?", caseNo);
    }
  }

  private Optional<String> recordedCase(String householdId) {
    return jdbc.queryForList("SELECT case_no FROM open_case WHERE household_id = ?", String.class, householdId)
        .stream().findFirst();
  }

  // the engine is asked as itself: a township worker may not see the other township's case that
  // makes the household's start a second one
  private boolean isRunning(String caseNo) {
    return Context.getCommandContext().runWithoutAuthorization(() -> runtime.createProcessInstanceQuery()
        .processDefinitionKey(CaseVariables.PROCESS_KEY).processInstanceBusinessKey(caseNo).count() > 0);
  }

  private Optional<String> caseStartedBeforeTheTable(String householdId, String processInstanceId) {
    List<ProcessInstance> running = Context.getCommandContext().runWithoutAuthorization(() ->
        runtime.createProcessInstanceQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
            .variableValueEquals(CaseVariables.ID_NUMBER.name(), householdId).listPage(0, 2));
    return running.stream().filter(pi -> !pi.getId().equals(processInstanceId))
        .map(ProcessInstance::getBusinessKey).findFirst();
  }

  private static RuleBreak alreadyOpen(String householdId, String caseNo) {
    return RuleBreak.badRequest("户主身份证号 " + IdNumbers.mask(householdId) + " 的家庭已有未办结的临时救助案件 "
        + caseNo + "，一户同一时间只能有一件在办案件：请在该案件中继续办理，不能重复登记");
  }
}
