package cn.jiuji.decision;

import static cn.jiuji.assistance.CaseVariables.CATEGORY;
import static cn.jiuji.assistance.CaseVariables.POLICY_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiuji.ApplicationTest;
import cn.jiuji.base.RuleBreak;
import cn.jiuji.decision.AssistanceDecisions.Eligibility;
import cn.jiuji.identity.Groups;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The policy tables of SPEC §2 against the deployed DMN, on the real engine. The expected
 * figures are the policy text's, written out here independently of the tables.
 */
@ApplicationTest
class AssistanceDecisionsTest {

  @Autowired AssistanceDecisions decisions;
  @Autowired DecisionService decisionService;
  @Autowired IdentityService identityService;

  // every threshold ±0.01 for every category under both policy versions (relaxation 2024-01-01):
  // "reach" means ≥, so the threshold itself is eligible and one fen less is not
  @ParameterizedTest(name = "{0} {1} {2} → eligible {3}, threshold {4}")
  @CsvSource(textBlock = """
      # GENERAL, 放宽前：门槛 100,000
      GENERAL,    2023-12-31, 39999.99,  false, 100000
      GENERAL,    2023-12-31, 40000,     false, 100000
      GENERAL,    2023-12-31, 40000.01,  false, 100000
      GENERAL,    2023-12-31, 49999.99,  false, 100000
      GENERAL,    2023-12-31, 50000,     false, 100000
      GENERAL,    2023-12-31, 50000.01,  false, 100000
      GENERAL,    2023-12-31, 79999.99,  false, 100000
      GENERAL,    2023-12-31, 80000,     false, 100000
      GENERAL,    2023-12-31, 80000.01,  false, 100000
      GENERAL,    2023-12-31, 99999.99,  false, 100000
      GENERAL,    2023-12-31, 100000,    true,  100000
      GENERAL,    2023-12-31, 100000.01, true,  100000
      # GENERAL, 放宽后：门槛 80,000
      GENERAL,    2024-01-01, 39999.99,  false, 80000
      GENERAL,    2024-01-01, 40000,     false, 80000
      GENERAL,    2024-01-01, 40000.01,  false, 80000
      GENERAL,    2024-01-01, 49999.99,  false, 80000
      GENERAL,    2024-01-01, 50000,     false, 80000
      GENERAL,    2024-01-01, 50000.01,  false, 80000
      GENERAL,    2024-01-01, 79999.99,  false, 80000
      GENERAL,    2024-01-01, 80000,     true,  80000
      GENERAL,    2024-01-01, 80000.01,  true,  80000
      GENERAL,    2024-01-01, 99999.99,  true,  80000
      GENERAL,    2024-01-01, 100000,    true,  80000
      GENERAL,    2024-01-01, 100000.01, true,  80000
      # DIBAO_EDGE, 放宽前：门槛 100,000
      DIBAO_EDGE, 2023-12-31, 39999.99,  false, 100000
      DIBAO_EDGE, 2023-12-31, 40000,     false, 100000
      DIBAO_EDGE, 2023-12-31, 40000.01,  false, 100000
      DIBAO_EDGE, 2023-12-31, 49999.99,  false, 100000
      DIBAO_EDGE, 2023-12-31, 50000,     false, 100000
      DIBAO_EDGE, 2023-12-31, 50000.01,  false, 100000
      DIBAO_EDGE, 2023-12-31, 79999.99,  false, 100000
      DIBAO_EDGE, 2023-12-31, 80000,     false, 100000
      DIBAO_EDGE, 2023-12-31, 80000.01,  false, 100000
      DIBAO_EDGE, 2023-12-31, 99999.99,  false, 100000
      DIBAO_EDGE, 2023-12-31, 100000,    true,  100000
      DIBAO_EDGE, 2023-12-31, 100000.01, true,  100000
      # DIBAO_EDGE, 放宽后：门槛 80,000
      DIBAO_EDGE, 2024-01-01, 39999.99,  false, 80000
      DIBAO_EDGE, 2024-01-01, 40000,     false, 80000
      DIBAO_EDGE, 2024-01-01, 40000.01,  false, 80000
      DIBAO_EDGE, 2024-01-01, 49999.99,  false, 80000
      DIBAO_EDGE, 2024-01-01, 50000,     false, 80000
      DIBAO_EDGE, 2024-01-01, 50000.01,  false, 80000
      DIBAO_EDGE, 2024-01-01, 79999.99,  false, 80000
      DIBAO_EDGE, 2024-01-01, 80000,     true,  80000
      DIBAO_EDGE, 2024-01-01, 80000.01,  true,  80000
      DIBAO_EDGE, 2024-01-01, 99999.99,  true,  80000
      DIBAO_EDGE, 2024-01-01, 100000,    true,  80000
      DIBAO_EDGE, 2024-01-01, 100000.01, true,  80000
      # DIBAO, 放宽前：门槛 50,000
      DIBAO,      2023-12-31, 39999.99,  false, 50000
      DIBAO,      2023-12-31, 40000,     false, 50000
      DIBAO,      2023-12-31, 40000.01,  false, 50000
      DIBAO,      2023-12-31, 49999.99,  false, 50000
      DIBAO,      2023-12-31, 50000,     true,  50000
      DIBAO,      2023-12-31, 50000.01,  true,  50000
      DIBAO,      2023-12-31, 79999.99,  true,  50000
      DIBAO,      2023-12-31, 80000,     true,  50000
      DIBAO,      2023-12-31, 80000.01,  true,  50000
      DIBAO,      2023-12-31, 99999.99,  true,  50000
      DIBAO,      2023-12-31, 100000,    true,  50000
      DIBAO,      2023-12-31, 100000.01, true,  50000
      # DIBAO, 放宽后：门槛 40,000
      DIBAO,      2024-01-01, 39999.99,  false, 40000
      DIBAO,      2024-01-01, 40000,     true,  40000
      DIBAO,      2024-01-01, 40000.01,  true,  40000
      DIBAO,      2024-01-01, 49999.99,  true,  40000
      DIBAO,      2024-01-01, 50000,     true,  40000
      DIBAO,      2024-01-01, 50000.01,  true,  40000
      DIBAO,      2024-01-01, 79999.99,  true,  40000
      DIBAO,      2024-01-01, 80000,     true,  40000
      DIBAO,      2024-01-01, 80000.01,  true,  40000
      DIBAO,      2024-01-01, 99999.99,  true,  40000
      DIBAO,      2024-01-01, 100000,    true,  40000
      DIBAO,      2024-01-01, 100000.01, true,  40000
      # TEKUN, 放宽前：门槛 50,000
      TEKUN,      2023-12-31, 39999.99,  false, 50000
      TEKUN,      2023-12-31, 40000,     false, 50000
      TEKUN,      2023-12-31, 40000.01,  false, 50000
      TEKUN,      2023-12-31, 49999.99,  false, 50000
      TEKUN,      2023-12-31, 50000,     true,  50000
      TEKUN,      2023-12-31, 50000.01,  true,  50000
      TEKUN,      2023-12-31, 79999.99,  true,  50000
      TEKUN,      2023-12-31, 80000,     true,  50000
      TEKUN,      2023-12-31, 80000.01,  true,  50000
      TEKUN,      2023-12-31, 99999.99,  true,  50000
      TEKUN,      2023-12-31, 100000,    true,  50000
      TEKUN,      2023-12-31, 100000.01, true,  50000
      # TEKUN, 放宽后：门槛 40,000
      TEKUN,      2024-01-01, 39999.99,  false, 40000
      TEKUN,      2024-01-01, 40000,     true,  40000
      TEKUN,      2024-01-01, 40000.01,  true,  40000
      TEKUN,      2024-01-01, 49999.99,  true,  40000
      TEKUN,      2024-01-01, 50000,     true,  40000
      TEKUN,      2024-01-01, 50000.01,  true,  40000
      TEKUN,      2024-01-01, 79999.99,  true,  40000
      TEKUN,      2024-01-01, 80000,     true,  40000
      TEKUN,      2024-01-01, 80000.01,  true,  40000
      TEKUN,      2024-01-01, 99999.99,  true,  40000
      TEKUN,      2024-01-01, 100000,    true,  40000
      TEKUN,      2024-01-01, 100000.01, true,  40000
      # TUOPIN, 放宽前：门槛 50,000
      TUOPIN,     2023-12-31, 39999.99,  false, 50000
      TUOPIN,     2023-12-31, 40000,     false, 50000
      TUOPIN,     2023-12-31, 40000.01,  false, 50000
      TUOPIN,     2023-12-31, 49999.99,  false, 50000
      TUOPIN,     2023-12-31, 50000,     true,  50000
      TUOPIN,     2023-12-31, 50000.01,  true,  50000
      TUOPIN,     2023-12-31, 79999.99,  true,  50000
      TUOPIN,     2023-12-31, 80000,     true,  50000
      TUOPIN,     2023-12-31, 80000.01,  true,  50000
      TUOPIN,     2023-12-31, 99999.99,  true,  50000
      TUOPIN,     2023-12-31, 100000,    true,  50000
      TUOPIN,     2023-12-31, 100000.01, true,  50000
      # TUOPIN, 放宽后：门槛 40,000
      TUOPIN,     2024-01-01, 39999.99,  false, 40000
      TUOPIN,     2024-01-01, 40000,     true,  40000
      TUOPIN,     2024-01-01, 40000.01,  true,  40000
      TUOPIN,     2024-01-01, 49999.99,  true,  40000
      TUOPIN,     2024-01-01, 50000,     true,  40000
      TUOPIN,     2024-01-01, 50000.01,  true,  40000
      TUOPIN,     2024-01-01, 79999.99,  true,  40000
      TUOPIN,     2024-01-01, 80000,     true,  40000
      TUOPIN,     2024-01-01, 80000.01,  true,  40000
      TUOPIN,     2024-01-01, 99999.99,  true,  40000
      TUOPIN,     2024-01-01, 100000,    true,  40000
      TUOPIN,     2024-01-01, 100000.01, true,  40000
      """)
  void eligibilityAtAndAroundEveryThreshold(String category, LocalDate policyDate,
      double selfPaidTwoYears, boolean eligible, long threshold) {
    assertThat(decisions.eligibility(category, selfPaidTwoYears, policyDate))
        .isEqualTo(new Eligibility(eligible, threshold));
  }

  @ParameterizedTest(name = "{0} {1} → threshold {2}")
  @CsvSource(textBlock = """
      GENERAL,    2023-12-31, 100000
      GENERAL,    2024-01-01, 80000
      DIBAO_EDGE, 2023-12-31, 100000
      DIBAO_EDGE, 2024-01-01, 80000
      DIBAO,      2023-12-31, 50000
      DIBAO,      2024-01-01, 40000
      TEKUN,      2023-12-31, 50000
      TEKUN,      2024-01-01, 40000
      TUOPIN,     2023-12-31, 50000
      TUOPIN,     2024-01-01, 40000
      """)
  void thresholdOfEveryCategoryAndPolicyVersion(String category, LocalDate policyDate, long threshold) {
    assertThat(decisions.threshold(category, policyDate)).isEqualTo(threshold);
  }

  @ParameterizedTest(name = "{0} {1} → ratio {2}, 100000 yuan → {3}")
  @CsvSource(textBlock = """
      # category, policy date, ratio, suggested amount for 100,000 yuan self-paid
      GENERAL,    2023-12-31, 0.10, 10000
      GENERAL,    2024-01-01, 0.15, 15000
      DIBAO_EDGE, 2023-12-31, 0.10, 10000
      DIBAO_EDGE, 2024-01-01, 0.15, 15000
      DIBAO,      2023-12-31, 0.15, 15000
      DIBAO,      2024-01-01, 0.20, 20000
      TEKUN,      2023-12-31, 0.15, 15000
      TEKUN,      2024-01-01, 0.20, 20000
      TUOPIN,     2023-12-31, 0.15, 15000
      TUOPIN,     2024-01-01, 0.20, 20000
      """)
  void ratioOfEveryCategoryAndPolicyVersion(String category, LocalDate policyDate, BigDecimal ratio,
      long suggestedFor100000) {
    assertThat(decisions.ratio(category, policyDate)).isEqualByComparingTo(ratio);
    assertThat(decisions.suggestedAmount(category, 100000, policyDate)).isEqualTo(suggestedFor100000);
  }

  @Test
  void theArticlesGeneralHouseholdGets19900Yuan() {
    LocalDate policyDate = LocalDate.of(2024, 10, 15);
    assertThat(decisions.eligibility("GENERAL", 132667, policyDate)).isEqualTo(new Eligibility(true, 80000));
    assertThat(decisions.ratio("GENERAL", policyDate)).isEqualByComparingTo("0.15");
    // 132,667 × 15 % = 19,900.05: the article's "1.99 万元"
    assertThat(decisions.suggestedAmount("GENERAL", 132667, policyDate)).isEqualTo(19900);
  }

  @ParameterizedTest(name = "{0} {1} × ratio → {2}")
  @CsvSource(textBlock = """
      # half a yuan rounds up, less than half rounds down
      GENERAL, 80010,    12002
      GENERAL, 80003,    12000
      GENERAL, 80003.34, 12001
      DIBAO,   40002.50, 8001
      DIBAO,   40002.49, 8000
      """)
  void suggestedAmountRoundsHalfUpToWholeYuan(String category, double selfPaid, long suggested) {
    assertThat(decisions.suggestedAmount(category, selfPaid, LocalDate.of(2025, 3, 1))).isEqualTo(suggested);
  }

  @Test
  void anUnknownCategoryIsABadRequestWithAChineseMessage() {
    LocalDate date = LocalDate.of(2025, 3, 1);
    for (Runnable call : List.<Runnable>of(
        () -> decisions.eligibility("RICH", 90000, date),
        () -> decisions.ratio("RICH", date),
        () -> decisions.threshold("RICH", date),
        () -> decisions.suggestedAmount("RICH", 90000, date))) {
      assertThatThrownBy(call::run)
          .isInstanceOfSatisfying(RuleBreak.class, e -> {
            assertThat(e.kind()).isEqualTo(RuleBreak.Kind.BAD_REQUEST);
            assertThat(e.getMessage()).contains("RICH").contains("人员类别");
          });
    }
  }

  @Test
  void missingOrImpossibleInputsAreBadRequests() {
    LocalDate date = LocalDate.of(2025, 3, 1);
    assertThatThrownBy(() -> decisions.eligibility(" ", 90000, date))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("人员类别");
    assertThatThrownBy(() -> decisions.eligibility("GENERAL", 90000, null))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("政策日期");
    assertThatThrownBy(() -> decisions.suggestedAmount("GENERAL", -1, date))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("自付");
    assertThatThrownBy(() -> decisions.eligibility("GENERAL", Double.NaN, date))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("自付");
  }

  @Test
  void processCodeEvaluatesTheDecisionsWhileATownshipOfficerIsAuthenticated() {
    // a township officer completing a task is the authenticated user while process code runs;
    // township groups may not evaluate decisions themselves
    identityService.setAuthentication("sanban1", List.of(Groups.township("sanban")));
    try {
      assertThatThrownBy(() -> decisionService.evaluateDecisionByKey(AssistanceDecisions.AMOUNT)
              .variables(Map.of(CATEGORY.name(), "GENERAL", POLICY_DATE.name(), "2025-03-01")).evaluate())
          .isInstanceOf(AuthorizationException.class);

      assertThat(decisions.eligibility("GENERAL", 132667, LocalDate.of(2025, 3, 1)).eligible()).isTrue();
      assertThat(decisions.suggestedAmount("GENERAL", 132667, LocalDate.of(2025, 3, 1))).isEqualTo(19900);

      // the suspension ended with the evaluation: the officer's own calls are checked again
      assertThatThrownBy(() -> decisionService.evaluateDecisionByKey(AssistanceDecisions.AMOUNT)
              .variables(Map.of(CATEGORY.name(), "GENERAL", POLICY_DATE.name(), "2025-03-01")).evaluate())
          .isInstanceOf(AuthorizationException.class);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
