package cn.jiuji.enrollment;

import cn.jiuji.household.HouseholdRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiuji.ApplicationTest;
import cn.jiuji.TestClock;
import cn.jiuji.assistance.CaseFixtures;
import cn.jiuji.assistance.CaseVariables;
import cn.jiuji.household.Category;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The household registry and the category in force at the start of a case (SPEC §3.3). */
@ApplicationTest
class HouseholdRegistryTest {

  @Autowired HouseholdRegistry registry;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired StartEnrollment startEnrollment;

  ProcessInstance startCase(String idNumber, String category, double selfPaid) {
    Map<String, Object> start = CaseFixtures.start("sanban", category, selfPaid);
    start.put("idNumber", idNumber);
    return runtime.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, start);
  }

  void complete(String processInstanceId, String key, Map<String, Object> variables) {
    tasks.complete(tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
        .singleResult().getId(), variables);
  }

  /** The whole enrollment of the case's household, approved for the category. */
  void approvedEnrollment(ProcessInstance theCase, String category) {
    Map<String, Object> caseVariables = runtime.getVariables(theCase.getId());
    caseVariables.put(CaseVariables.LONG_TERM_TRACK.name(), category);
    String enrollment = startEnrollment.enroll(caseVariables);
    complete(enrollment, "enrollmentApplication", EnrollmentFixtures.application());
    complete(enrollment, "economicVerification", EnrollmentFixtures.verification(true));
    var timer = management.createJobQuery().processInstanceId(enrollment).activityId("noticePeriodEnded").singleResult();
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    management.executeJob(timer.getId());
    complete(enrollment, "enrollmentApproval", EnrollmentFixtures.approval(true, category));
    management.executeJob(management.createJobQuery().processInstanceId(enrollment).singleResult().getId());
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(enrollment).finished().count())
        .isEqualTo(1);
  }

  @Test
  void anApprovedDibaoEnrollmentMakesTheHouseholdEligibleAt40000InsteadOf80000() {
    String household = CaseFixtures.newIdNumber();
    ProcessInstance before = startCase(household, "GENERAL", 50_000);
    assertThat(runtime.getVariable(before.getId(), "eligible")).isEqualTo(false);
    assertThat(runtime.getVariable(before.getId(), "threshold")).isEqualTo(80_000.0);

    approvedEnrollment(before, "DIBAO");
    ClockUtil.reset();
    // one open case per household (SPEC §12): the first one has ended
    runtime.deleteProcessInstance(before.getId(), "已转入长效保障认定");

    // the screening still reports the household as GENERAL: the registry knows better
    ProcessInstance after = startCase(household, "GENERAL", 50_000);
    assertThat(runtime.getVariable(after.getId(), "eligible")).isEqualTo(true);
    assertThat(runtime.getVariable(after.getId(), "threshold")).isEqualTo(40_000.0);
    assertThat(runtime.getVariable(after.getId(), "category")).isEqualTo("DIBAO");
    assertThat(runtime.getVariable(after.getId(), "ratio")).isEqualTo(0.20);
  }

  @Test
  void aMoreFavourableCategoryReportedAtTheStartStillCounts() {
    String household = CaseFixtures.newIdNumber();
    registry.setCategory(household, Category.DIBAO_EDGE, LocalDate.of(2025, 5, 1), "YSYY-2025-TEST1");

    ProcessInstance tekun = startCase(household, "TEKUN", 45_000);
    assertThat(runtime.getVariable(tekun.getId(), "category")).isEqualTo("TEKUN");
    assertThat(runtime.getVariable(tekun.getId(), "eligible")).isEqualTo(true);
  }

  @Test
  void theLatestApprovalIsTheCategoryInForce() {
    String household = CaseFixtures.newIdNumber();
    assertThat(registry.categoryOf(household)).isEmpty();

    registry.setCategory(household, Category.TEKUN, LocalDate.of(2025, 1, 10), "YSYY-2025-TEST2");
    registry.setCategory(household, Category.DIBAO_EDGE, LocalDate.of(2026, 2, 1), "YSYY-2026-TEST3");
    registry.setCategory(household, Category.DIBAO_EDGE, LocalDate.of(2026, 2, 1), "YSYY-2026-TEST3");

    assertThat(registry.entryOf(household)).hasValue(
        new HouseholdRegistry.Entry(household, Category.DIBAO_EDGE, LocalDate.of(2026, 2, 1), "YSYY-2026-TEST3"));
  }

  @Test
  void aLowerCaseCheckCharacterIsTheSameHousehold() {
    String household = CaseFixtures.newIdNumber();
    while (!household.endsWith("X")) {
      household = CaseFixtures.newIdNumber();
    }
    registry.setCategory(household.toLowerCase(), Category.DIBAO, LocalDate.of(2026, 1, 5), "YSYY-2026-TEST4");
    assertThat(registry.categoryOf(household)).hasValue(Category.DIBAO);
    assertThat(registry.categoryOf(household.toLowerCase())).hasValue(Category.DIBAO);
  }

  @Test
  void anInvalidIdNumberIsNotAHousehold() {
    assertThatThrownBy(() -> registry.setCategory("350526198001011230", Category.DIBAO, TestClock.today(), "X"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(registry.categoryOf(null)).isEmpty();
  }
}
