package cn.jiuji.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.assistance.CaseFixtures;
import cn.jiuji.assistance.CaseVariables;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code ${startEnrollment}} on a real running case: what the enrollment receives is what the
 * case holds. (Not a *ProcessTest: it runs the case process only part of the way.)
 */
@ApplicationTest
class StartEnrollmentTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired StartEnrollment startEnrollment;

  /** Runs the delegate on the case's execution inside an engine command, as the engine would. */
  void runDelegateOn(ProcessInstance pi) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    configuration.getCommandExecutorTxRequired().execute(context -> {
      ExecutionEntity execution = context.getExecutionManager().findExecutionById(pi.getId());
      startEnrollment.execute(execution);
      return null;
    });
  }

  @ParameterizedTest(name = "track {0}")
  @ValueSource(strings = {"DIBAO_EDGE", "DIBAO", "TEKUN"})
  void aFollowedUpCaseStartsOneEnrollmentWithItsHouseholdData(String track) {
    ProcessInstance pi = runtime.startProcessInstanceByKey(CaseVariables.PROCESS_KEY,
        CaseFixtures.start("xunzhong", "DIBAO_EDGE", 90_000));
    tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("firstVisit")
        .singleResult().getId(), CaseFixtures.visit(true, false));
    runtime.setVariable(pi.getId(), CaseVariables.PERSISTENT_HARDSHIP.name(), true);
    runtime.setVariable(pi.getId(), CaseVariables.LONG_TERM_TRACK.name(), track);
    Map<String, Object> theCase = runtime.getVariables(pi.getId());

    runDelegateOn(pi);
    runDelegateOn(pi);

    var enrollments = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(EnrollmentVariables.PROCESS_KEY).processInstanceBusinessKey(pi.getBusinessKey()).list();
    assertThat(enrollments).as("one enrollment however often the step runs").hasSize(1);
    Map<String, Object> enrollment = runtime.getVariables(enrollments.get(0).getId());
    for (String carried : new String[] {"householdHead", "idNumber", "idNumberMasked", "township",
        "townshipName", "townshipGroup", "village", "category", "householdSize"}) {
      assertThat(enrollment.get(carried)).as(carried).isNotNull().isEqualTo(theCase.get(carried));
    }
    assertThat(enrollment).containsEntry("requestedCategory", track)
        .containsEntry("sourceCaseNo", pi.getBusinessKey())
        .containsEntry("townshipGroup", "townshipXunzhong");
  }
}
