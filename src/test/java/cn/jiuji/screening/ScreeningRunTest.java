package cn.jiuji.screening;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.TestClock;
import cn.jiuji.assistance.CaseFixtures;
import cn.jiuji.assistance.CaseVariables;
import cn.jiuji.assistance.RegisterCase;
import cn.jiuji.household.Category;
import cn.jiuji.household.HouseholdRegistry;
import cn.jiuji.identity.Groups;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The screening run of SPEC §3.4 against the real decision tables and the real engine. */
@ApplicationTest
class ScreeningRunTest {

  static final LocalDate RUN_DATE = LocalDate.of(2026, 3, 10);

  @Autowired Screening screening;
  @Autowired MedicalFileImport imports;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired HouseholdRegistry registry;

  @BeforeEach
  void pinClock() {
    TestClock.pin(RUN_DATE.atTime(9, 0));
  }

  void load(MedicalFileBuilder file) {
    imports.importFile(file.write(MedicalFiles.Format.CSV_UTF8), "test.csv", "medical1");
  }

  List<HistoricProcessInstance> casesOf(String household) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
        .variableValueEquals(CaseVariables.ID_NUMBER.name(), household).list();
  }

  Map<String, Object> variablesOf(HistoricProcessInstance instance) {
    return runtime.getVariables(instance.getId());
  }

  /** Half the amount last year, half this year before the run date: a consecutive pair. */
  static MedicalFileBuilder twoYears(MedicalFileBuilder file, String household, String category, BigDecimal total) {
    BigDecimal half = total.divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.DOWN);
    BigDecimal rest = total.subtract(half);
    return file
        .settlement(household, category, "2025-06-01", "500000", half.toPlainString())
        .settlement(household, category, "2026-02-01", "500000", rest.toPlainString());
  }

  @ParameterizedTest(name = "{0}: {2} yuan")
  @CsvSource({"普通, GENERAL, 80000", "低保边缘, DIBAO_EDGE, 80000", "低保, DIBAO, 40000",
      "特困, TEKUN, 40000", "脱贫户, TUOPIN, 40000"})
  void startsACaseAtTheThresholdOfTheCategoryButNotOneFenBelow(String fileName, String category, String threshold) {
    String at = MedicalFileBuilder.newHousehold();
    String below = MedicalFileBuilder.newHousehold();
    MedicalFileBuilder file = new MedicalFileBuilder();
    twoYears(file, at, fileName, new BigDecimal(threshold));
    twoYears(file, below, fileName, new BigDecimal(threshold).subtract(new BigDecimal("0.01")));
    load(file);

    Screening.Result result = screening.run(RUN_DATE);

    assertThat(casesOf(below)).isEmpty();
    assertThat(casesOf(at)).singleElement().satisfies(instance -> {
      assertThat(result.casesStarted()).contains(instance.getBusinessKey());
      assertThat(variablesOf(instance))
          .containsEntry("category", category)
          .containsEntry("selfPaidTwoYears", Double.valueOf(threshold))
          .containsEntry("eligible", true);
    });
  }

  @Test
  void startsTheCaseWithTheStartVariablesOfTheSpecEvenWhenAMedicalOfficerTriggersIt() {
    String household = MedicalFileBuilder.newHousehold();
    load(new MedicalFileBuilder()
        .row(MedicalFileBuilder.newSettlementId(), household, "林某", household, "林某", "浔中镇", "旧址村", "普通",
            "2025-01-01", "90000", "45000")
        // the household moved: the latest settlement says where it lives now
        .row(MedicalFileBuilder.newSettlementId(), household, "林某华", household, "林某华", "三班镇", "泗滨村", "普通",
            "2026-01-15", "90000", "45000.50"));
    identity.setAuthentication("medical1", List.of(Groups.MEDICAL_INSURANCE));

    screening.run(RUN_DATE);

    identity.clearAuthentication();
    assertThat(casesOf(household)).singleElement().satisfies(instance -> {
      assertThat(instance.getBusinessKey()).matches("YSYY-2026-\\d{5}");
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).activityIdIn("confirmScreening").count())
          .isEqualTo(1);
      assertThat(variablesOf(instance))
          .containsEntry("source", RegisterCase.MEDICAL_SCREENING)
          .containsEntry("householdHead", "林某华")
          .containsEntry("idNumber", household)
          .containsEntry("township", "sanban")
          .containsEntry("village", "泗滨村")
          .containsEntry("category", "GENERAL")
          .containsEntry("selfPaidTwoYears", 90000.50)
          .containsEntry("emergency", false)
          .containsEntry("policyDate", "2026-03-10");
    });
  }

  @Test
  void addsUpOnlyConsecutiveYearsUpToTheRunDate() {
    String olderPair = MedicalFileBuilder.newHousehold();
    String gapYear = MedicalFileBuilder.newHousehold();
    String future = MedicalFileBuilder.newHousehold();
    String tooOld = MedicalFileBuilder.newHousehold();
    load(new MedicalFileBuilder()
        .settlement(olderPair, "普通", "2024-01-01", "100000", "50000")
        .settlement(olderPair, "普通", "2025-12-31", "100000", "30000")
        .settlement(gapYear, "普通", "2024-05-01", "100000", "50000")
        .settlement(gapYear, "普通", "2026-01-05", "100000", "30000")
        .settlement(future, "普通", "2025-05-01", "100000", "50000")
        .settlement(future, "普通", "2026-03-11", "100000", "30000")
        .settlement(tooOld, "普通", "2023-12-31", "100000", "50000")
        .settlement(tooOld, "普通", "2024-01-01", "100000", "30000"));

    screening.run(RUN_DATE);

    assertThat(casesOf(olderPair)).hasSize(1);
    assertThat(casesOf(gapYear)).isEmpty();
    assertThat(casesOf(future)).isEmpty();
    assertThat(casesOf(tooOld)).isEmpty();
  }

  @Test
  void takesTheMostFavourableCategoryAmongTheMembersRows() {
    String household = MedicalFileBuilder.newHousehold();
    String daughter = MedicalFileBuilder.newHousehold();
    load(new MedicalFileBuilder()
        .settlement(MedicalFileBuilder.newSettlementId(), household, household, "普通", "2025-03-01", "50000", "20000")
        .settlement(MedicalFileBuilder.newSettlementId(), daughter, household, "低保", "2026-03-01", "50000", "20000"));

    screening.run(RUN_DATE);

    assertThat(casesOf(household)).singleElement()
        .satisfies(instance -> assertThat(variablesOf(instance)).containsEntry("category", "DIBAO"));
  }

  @Test
  void takesTheRegistrysCategoryWhenItIsMoreFavourable() {
    String enrolled = MedicalFileBuilder.newHousehold();
    String notEnrolled = MedicalFileBuilder.newHousehold();
    registry.setCategory(enrolled, Category.TEKUN, LocalDate.of(2025, 12, 1), "DBBY-2025-00001");
    MedicalFileBuilder file = new MedicalFileBuilder();
    twoYears(file, enrolled, "普通", new BigDecimal("40000"));
    load(twoYears(file, notEnrolled, "普通", new BigDecimal("40000")));

    screening.run(RUN_DATE);

    assertThat(casesOf(enrolled)).singleElement()
        .satisfies(instance -> assertThat(variablesOf(instance)).containsEntry("category", "TEKUN"));
    assertThat(casesOf(notEnrolled)).isEmpty();
  }

  @Test
  void leavesAHouseholdWithAnOpenCaseAlone() {
    String household = MedicalFileBuilder.newHousehold();
    Map<String, Object> start = CaseFixtures.start("sanban", "GENERAL", 90_000);
    start.put("idNumber", household);
    // opened last year by the township: still open, so no second case this year either
    TestClock.pin(java.time.LocalDateTime.of(2025, 11, 20, 10, 0));
    runtime.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, start);
    pinClock();
    load(twoYears(new MedicalFileBuilder(), household, "普通", new BigDecimal("90000")));

    Screening.Result result = screening.run(RUN_DATE);

    assertThat(casesOf(household)).hasSize(1);
    assertThat(result.householdsWithCase()).isPositive();
  }

  @Test
  void startsNoSecondCaseInTheYearOfAClosedOneButDoesInTheNextYear() {
    String closedThisYear = MedicalFileBuilder.newHousehold();
    String closedLastYear = MedicalFileBuilder.newHousehold();
    TestClock.pin(java.time.LocalDateTime.of(2025, 12, 30, 10, 0));
    startAndClose(closedLastYear);
    pinClock();
    startAndClose(closedThisYear);
    MedicalFileBuilder file = new MedicalFileBuilder();
    twoYears(file, closedThisYear, "普通", new BigDecimal("85000"));
    load(twoYears(file, closedLastYear, "普通", new BigDecimal("85000")));

    screening.run(RUN_DATE);

    assertThat(casesOf(closedThisYear)).hasSize(1);
    assertThat(casesOf(closedLastYear)).hasSize(2);
  }

  void startAndClose(String household) {
    Map<String, Object> start = CaseFixtures.start("sanban", "GENERAL", 85_000);
    start.put("idNumber", household);
    var instance = runtime.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, start);
    runtime.deleteProcessInstance(instance.getId(), "家属已参加商业保险全额报销");
  }

  @Test
  void runningTwiceStartsNothingNew() {
    String household = MedicalFileBuilder.newHousehold();
    load(twoYears(new MedicalFileBuilder(), household, "特困", new BigDecimal("45000")));

    Screening.Result first = screening.run(RUN_DATE);
    Screening.Result second = screening.run(RUN_DATE);

    assertThat(casesOf(household)).singleElement()
        .satisfies(instance -> assertThat(first.casesStarted()).contains(instance.getBusinessKey()));
    assertThat(second.casesStarted()).isEmpty();
    assertThat(second.householdsEligible()).isEqualTo(first.householdsEligible());
    assertThat(second.householdsWithCase()).isEqualTo(second.householdsEligible());
  }

  @Test
  void decidesEachHouseholdOnceAndTheCaseTakesThatDecision() {
    // years no other test uses, and a moment of its own: the decisions evaluated in this run are
    // exactly those of these two households
    LocalDate runDate = LocalDate.of(2019, 3, 10);
    LocalDateTime moment = LocalDateTime.of(2026, 3, 10, 9, 41, 7);
    String eligible = MedicalFileBuilder.newHousehold();
    String below = MedicalFileBuilder.newHousehold();
    load(new MedicalFileBuilder()
        // 脱贫户 before the relaxation: 50,000; 30,000 + 25,000 reaches it
        .settlement(eligible, "脱贫户", "2018-06-01", "90000", "30000")
        .settlement(eligible, "脱贫户", "2019-02-01", "90000", "25000")
        // a general household over the lowest threshold (50,000) but below its own (100,000)
        .settlement(below, "普通", "2018-06-01", "90000", "30000")
        .settlement(below, "普通", "2019-02-01", "90000", "30000"));
    TestClock.freeze(moment);

    Screening.Result result = screening.run(runDate);

    assertThat(casesOf(below)).isEmpty();
    assertThat(casesOf(eligible)).singleElement().satisfies(instance -> {
      assertThat(result.casesStarted()).containsExactly(instance.getBusinessKey());
      assertThat(variablesOf(instance)).containsEntry(CaseVariables.ELIGIBLE.name(), true)
          .containsEntry(CaseVariables.THRESHOLD.name(), 50000.0)
          .containsEntry(CaseVariables.CATEGORY.name(), "TUOPIN")
          .doesNotContainKey(RegisterCase.ASSESSMENT);
    });
    // one eligibility decision per household: the case did not ask again
    assertThat(history.createHistoricDecisionInstanceQuery()
            .decisionDefinitionKey(cn.jiuji.decision.AssistanceDecisions.ELIGIBILITY)
            .evaluatedAfter(new java.util.Date(TestClock.instant(moment).getTime() - 1))
            .evaluatedBefore(new java.util.Date(TestClock.instant(moment).getTime() + 1)).count())
        .isEqualTo(2);
  }
}
