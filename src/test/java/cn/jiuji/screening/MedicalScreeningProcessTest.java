package cn.jiuji.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import cn.jiuji.ApplicationTest;
import cn.jiuji.TestClock;
import cn.jiuji.TestData;
import cn.jiuji.assistance.CaseVariables;
import cn.jiuji.identity.Groups;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Every path of medicalScreening.bpmn, both of its processes (coverage enforced at 100 %). */
@ApplicationTest
class MedicalScreeningProcessTest {

  static final String MONTHLY = "medicalScreeningMonthly";

  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired FormService forms;
  @Autowired IdentityService identity;
  @Autowired MedicalFileImport imports;

  /** A run screens every household of the county: each test counts its own household alone. */
  @BeforeEach
  void emptyCounty(@Autowired ApplicationContext context) {
    TestData.reset(context);
  }

  Job monthlyTimer() {
    return management.createJobQuery().processDefinitionKey(MONTHLY).activityId("monthlyTimer").timers().singleResult();
  }

  /** Fires the monthly timer at the given local time, as the job executor would. */
  String fireTimerAt(String time) {
    TestClock.pin(LocalDateTime.parse(time));
    Job timer = monthlyTimer();
    assertThat(timer).as("timer job of the monthly start event").isNotNull();
    execute(timer);
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(MONTHLY)
        .orderByProcessInstanceStartTime().desc().list().get(0).getId();
  }

  void runScreeningJobOf(ProcessInstance medicalScreening) {
    // the Tasklist and monthly starts continue asynchronously after their start event
    execute(job("screeningRequested", medicalScreening));
  }

  long casesOf(String household) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
        .variableValueEquals(CaseVariables.ID_NUMBER.name(), household).count();
  }

  /** A household whose settlements of 2025 and 2026 reach its threshold, imported on 2026-11-29. */
  String eligibleHousehold() {
    TestClock.pin(LocalDateTime.of(2026, 11, 29, 9, 0));
    String household = MedicalFileBuilder.newHousehold();
    imports.importFile(new MedicalFileBuilder()
        .settlement(household, "脱贫户", "2025-10-01", "90000", "30000")
        .settlement(household, "脱贫户", "2026-11-02", "90000", "15000")
        .write(MedicalFiles.Format.CSV_UTF8), "test.csv", "medical1");
    return household;
  }

  @Test
  void monthlyTimerOnTheFirstWorkingDayRunsTheScreening() {
    String household = eligibleHousehold();
    assertThat(monthlyTimer().getDuedate()).isNotNull();

    // 2026-12-01 is a Tuesday and the month's first working day
    String monthly = fireTimerAt("2026-12-01T06:00");

    var screeningRun = runtime.createProcessInstanceQuery().superProcessInstanceId(monthly).singleResult();
    assertThat(screeningRun.getProcessDefinitionId()).startsWith(ScreeningVariables.PROCESS_KEY + ":");
    runScreeningJobOf(screeningRun);

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(monthly).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(monthly)
        .activityId("monthlyScreeningDone").count()).isEqualTo(1);
    assertThat(casesOf(household)).isEqualTo(1);
    Map<String, Object> variables = new java.util.HashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceId(monthly).list()
        .forEach(v -> variables.put(v.getName(), v.getValue()));
    assertThat(variables).containsEntry("runDate", "2026-12-01");
    assertThat(variables).containsEntry("casesStarted", 1L).containsEntry("householdsEligible", 1L);
    assertThat(monthlyTimer()).as("the next month's timer").isNotNull();
  }

  @Test
  void monthlyTimerOnAnotherDaySkipsTheRun() {
    String household = eligibleHousehold();

    // 2026's National Day holiday is 10-01 … 10-07: 10-08 is the month's first working day, 10-09 is not
    String monthly = fireTimerAt("2026-10-09T06:00");

    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(monthly)
        .activityId("screeningSkipped").count()).isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ScreeningVariables.PROCESS_KEY).count()).isZero();
    assertThat(casesOf(household)).isZero();
  }

  @Test
  void staffStartARunFromTasklistAndTownshipsCannot() {
    String household = eligibleHousehold();
    TestClock.pin(LocalDateTime.of(2026, 11, 29, 15, 0));
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey(ScreeningVariables.PROCESS_KEY)
        .latestVersion().singleResult().getId();

    identity.setAuthentication("sanban1", List.of(Groups.township("sanban")));
    assertThatThrownBy(() -> forms.submitStartForm(definition, Map.of()))
        .isInstanceOf(AuthorizationException.class);
    identity.setAuthentication("medical1", List.of(Groups.MEDICAL_INSURANCE));
    var run = forms.submitStartForm(definition, Map.of("screeningRequestNote", "已导入11月数据，请立即筛查"));
    identity.clearAuthentication();

    runScreeningJobOf(run);

    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(run.getId())
        .activityId("screeningDone").count()).isEqualTo(1);
    assertThat(casesOf(household)).isEqualTo(1);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(run.getId()).variableName("initiator")
        .singleResult().getValue()).isEqualTo("medical1");
  }

  @Test
  void anImportStartsARunThatHasFinishedWhenTheImportAnswers(@Autowired ScreeningAfterImport afterImport) {
    TestClock.pin(LocalDateTime.of(2026, 11, 30, 10, 0));
    String household = MedicalFileBuilder.newHousehold();
    var imported = imports.importFile(new MedicalFileBuilder()
        .settlement(household, "脱贫户", "2025-10-01", "90000", "30000")
        .settlement(household, "脱贫户", "2026-11-02", "90000", "15000")
        .write(MedicalFiles.Format.CSV_UTF8), "test.csv", "medical1");
    identity.setAuthentication("medical1", List.of(Groups.MEDICAL_INSURANCE));

    Screening.Result result = afterImport.run(imported.fileId());
    identity.clearAuthentication();

    assertThat(casesOf(household)).isEqualTo(1);
    String caseNo = history.createHistoricProcessInstanceQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
        .variableValueEquals(CaseVariables.ID_NUMBER.name(), household).singleResult().getBusinessKey();
    assertThat(result.casesStarted()).contains(caseNo);
    var run = history.createHistoricProcessInstanceQuery().processDefinitionKey(ScreeningVariables.PROCESS_KEY)
        .variableValueEquals(ScreeningVariables.IMPORTED_FILE_ID.name(), imported.fileId()).singleResult();
    assertThat(run.getState()).isEqualTo("COMPLETED");
    assertThat(run.getStartActivityId()).isEqualTo("medicalFileImported");
    assertThat(run.getStartUserId()).isEqualTo("medical1");
    assertThat(management.createJobQuery().processInstanceId(run.getId()).count()).isZero();
    Map<String, Object> variables = new java.util.HashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceId(run.getId()).list()
        .forEach(v -> variables.put(v.getName(), v.getValue()));
    assertThat(variables).containsEntry("runDate", "2026-11-30")
        .containsEntry("casesStarted", (long) result.casesStarted().size())
        .containsEntry("householdsEligible", (long) result.householdsEligible())
        .doesNotContainKey("screeningResult");
    assertThat((String) variables.get("caseNumbers")).contains(caseNo);
  }

  @Test
  void firstWorkingDayFollowsTheHolidayCalendar(@Autowired ScreeningSchedule schedule) {
    // 2025: National Day holiday 10-01 … 10-08; 2026-01-01 … 01-03 off, Sunday 01-04 a working day
    assertThat(schedule.isFirstWorkingDayOfMonth(java.time.LocalDate.of(2025, 10, 9))).isTrue();
    assertThat(schedule.isFirstWorkingDayOfMonth(java.time.LocalDate.of(2025, 10, 1))).isFalse();
    assertThat(schedule.isFirstWorkingDayOfMonth(java.time.LocalDate.of(2026, 1, 4))).isTrue();
    assertThat(schedule.isFirstWorkingDayOfMonth(java.time.LocalDate.of(2026, 1, 5))).isFalse();
    assertThat(schedule.isFirstWorkingDayOfMonth(java.time.LocalDate.of(2026, 2, 2))).isTrue();
  }
}
