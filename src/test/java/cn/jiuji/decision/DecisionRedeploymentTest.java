package cn.jiuji.decision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import java.nio.file.Path;
import java.time.LocalDate;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The "done when": a designer changes a ratio in the DMN, redeploys, and new cases use it. */
@ApplicationTest
class DecisionRedeploymentTest {

  static final Path POLICY_DIAGRAM = Path.of("processes", AssistanceDecisions.DIAGRAM_FILE);
  static final LocalDate RELAXED = LocalDate.of(2025, 6, 30);
  static final LocalDate BEFORE_RELAXATION = LocalDate.of(2023, 6, 30);

  @Autowired RepositoryService repository;
  @Autowired AssistanceDecisions decisions;

  @Test
  void aRedeployedRatioAppliesToNewEvaluationsWhileEarlierPolicyDatesKeepTheirRows() {
    // what a designer does in Camunda Modeler: the relaxed GENERAL / DIBAO_EDGE ratio 0.15 → 0.18
    DmnModelInstance table = Dmn.readModelFromFile(POLICY_DIAGRAM.toFile());
    Rule relaxedGeneral = table.getModelElementById("generalFromRatio");
    relaxedGeneral.getOutputEntries().iterator().next().getText().setTextContent("0.18");

    String deploymentId = repository.createDeployment()
        .name("救助比例调整（测试）")
        .addModelInstance(POLICY_DIAGRAM.getFileName().toString(), table)
        .deploy()
        .getId();
    try {
      assertThat(repository.createDecisionDefinitionQuery()
              .decisionDefinitionKey(AssistanceDecisions.AMOUNT).latestVersion().singleResult()
              .getDeploymentId())
          .isEqualTo(deploymentId);

      assertThat(decisions.ratio("GENERAL", RELAXED)).isEqualByComparingTo("0.18");
      assertThat(decisions.ratio("DIBAO_EDGE", RELAXED)).isEqualByComparingTo("0.18");
      // 132,667 × 18 % = 23,880.06
      assertThat(decisions.suggestedAmount("GENERAL", 132667, RELAXED)).isEqualTo(23880);
      // the rows for cases dated before the relaxation and for other categories are unchanged
      assertThat(decisions.ratio("GENERAL", BEFORE_RELAXATION)).isEqualByComparingTo("0.10");
      assertThat(decisions.ratio("DIBAO", RELAXED)).isEqualByComparingTo("0.20");
      assertThat(decisions.ratio("DIBAO", BEFORE_RELAXATION)).isEqualByComparingTo("0.15");
    } finally {
      repository.deleteDeployment(deploymentId, true);
    }

    // the original table is the latest version again for the tests that follow
    assertThat(decisions.ratio("GENERAL", RELAXED)).isEqualByComparingTo("0.15");
  }

  @Test
  void aThresholdChangedInItsOneTableIsWhatEligibilityUses() {
    // the relaxed GENERAL / DIBAO_EDGE threshold 80,000 → 75,000, written in assistanceThreshold only
    DmnModelInstance table = Dmn.readModelFromFile(POLICY_DIAGRAM.toFile());
    Rule relaxedGeneral = table.getModelElementById("generalFromThreshold");
    relaxedGeneral.getOutputEntries().iterator().next().getText().setTextContent("75000");

    String deploymentId = repository.createDeployment()
        .name("救助门槛调整（测试）")
        .addModelInstance(POLICY_DIAGRAM.getFileName().toString(), table)
        .deploy()
        .getId();
    try {
      assertThat(decisions.eligibility("GENERAL", 75000, RELAXED))
          .isEqualTo(new AssistanceDecisions.Eligibility(true, 75000));
      assertThat(decisions.eligibility("DIBAO_EDGE", 74999.99, RELAXED))
          .isEqualTo(new AssistanceDecisions.Eligibility(false, 75000));
      assertThat(decisions.threshold("GENERAL", RELAXED)).isEqualTo(75000);
      // the other rows are unchanged
      assertThat(decisions.eligibility("GENERAL", 99999.99, BEFORE_RELAXATION))
          .isEqualTo(new AssistanceDecisions.Eligibility(false, 100000));
      assertThat(decisions.eligibility("DIBAO", 40000, RELAXED))
          .isEqualTo(new AssistanceDecisions.Eligibility(true, 40000));
    } finally {
      repository.deleteDeployment(deploymentId, true);
    }
    assertThat(decisions.eligibility("GENERAL", 79999.99, RELAXED))
        .isEqualTo(new AssistanceDecisions.Eligibility(false, 80000));
  }
}
