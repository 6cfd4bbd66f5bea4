package cn.jiuji;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Each test class of the shared context starts on an empty county: no case, no history, no ledger
 * row, no imported settlement, no household record left by another class (or by an earlier run on
 * the same PostgreSQL database), and the test ids and case numbers start again. What the
 * application sets up at start (users, groups, filters, deployments, the monthly timer) stays.
 */
public class TestData implements TestExecutionListener, Ordered {

  /** The application's own tables (db/migration), children before what they refer to. */
  private static final List<String> TABLES = List.of(
      "open_case", "household_year", "cap_override", "monthly_aid", "bank_payment", "grant_ledger", "case_notification", "screening_case", "medical_settlement",
      "screening_file", "household", "id_number_read", "batch_case", "meeting_batch", "batch_year");

  @Override
  public int getOrder() {
    return 1;
  }

  @Override
  public void beforeTestClass(TestContext testContext) {
    if (!AnnotatedElementUtils.hasAnnotation(testContext.getTestClass(), ApplicationTest.class)) {
      return;
    }
    reset(testContext.getApplicationContext());
  }

  /** Empties the county; a test calls it itself where its figures must be its own alone. */
  public static void reset(ApplicationContext context) {
    ProcessEngine engine = context.getBean(ProcessEngine.class);
    IdentityService identity = engine.getIdentityService();
    identity.clearAuthentication();
    RuntimeService runtime = engine.getRuntimeService();
    List<String> running = runtime.createProcessInstanceQuery().list().stream()
        .map(ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      runtime.deleteProcessInstancesIfExists(running, "test data reset", true, true, false);
    }
    HistoryService history = engine.getHistoryService();
    List<String> finished = history.createHistoricProcessInstanceQuery().list().stream()
        .map(HistoricProcessInstance::getId).toList();
    if (!finished.isEmpty()) {
      history.deleteHistoricProcessInstancesIfExists(finished);
    }
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (var type : List.of(Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE, Resources.TASK)) {
      authorizations.createAuthorizationQuery().resourceType(type).list().stream()
          .filter(a -> !Authorization.ANY.equals(a.getResourceId()))
          .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    }
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    TABLES.forEach(table -> jdbc.execute("DELETE FROM " + table));
    jdbc.execute("ALTER SEQUENCE case_no_seq RESTART WITH 1");
    TestIds.restart();
  }
}
