package cn.jiuji.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.camunda.bpm.model.dmn.instance.InputData;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.junit.jupiter.api.Test;

/**
 * STYLE: each policy figure is written once, in a decision requirements diagram whose tables
 * share the rule of the policy version. What a designer sees in Modeler's DRD view.
 */
class AssistancePolicyDiagramTest {

  static final DmnModelInstance MODEL =
      Dmn.readModelFromFile(Path.of("processes", AssistanceDecisions.DIAGRAM_FILE).toFile());

  @Test
  void eligibilityRequiresTheThresholdsAndBothTablesRequireOnePolicyVersion() {
    assertThat(requiredDecisions(AssistanceDecisions.ELIGIBILITY)).containsExactly(AssistanceDecisions.THRESHOLD_TABLE);
    assertThat(requiredDecisions(AssistanceDecisions.THRESHOLD_TABLE)).containsExactly("policyVersion");
    assertThat(requiredDecisions(AssistanceDecisions.AMOUNT)).containsExactly("policyVersion");
    assertThat(requiredDecisions("policyVersion")).isEmpty();
  }

  @Test
  void thePolicyVersionRuleAndTheThresholdFiguresAreWrittenOnce() {
    long relaxationRules = MODEL.getModelElementsByType(LiteralExpression.class).stream()
        .filter(e -> e.getTextContent().contains("relaxationDate()")).count();
    long inputExpressionsWithRelaxation = MODEL.getModelElementsByType(
            org.camunda.bpm.model.dmn.instance.InputExpression.class).stream()
        .filter(e -> e.getTextContent().contains("relaxationDate()")).count();
    assertThat(relaxationRules).isEqualTo(1);
    assertThat(inputExpressionsWithRelaxation).isZero();

    // the thresholds are outputs of assistanceThreshold only; eligibility passes the one it used on
    List<String> eligibilityOutputs = outputEntries(AssistanceDecisions.ELIGIBILITY);
    assertThat(eligibilityOutputs).noneMatch(text -> text.matches(".*\\d{4,}.*"));
    assertThat(outputEntries(AssistanceDecisions.THRESHOLD_TABLE))
        .containsExactlyInAnyOrder("100000", "80000", "50000", "40000");
  }

  @Test
  void everyDecisionInputAndRequirementHasItsPlaceInTheDiagram() {
    Set<String> shapes = diElements("DMNShape");
    Set<String> edges = diElements("DMNEdge");
    for (Decision decision : MODEL.getModelElementsByType(Decision.class)) {
      assertThat(shapes).as("shape of decision %s", decision.getId()).contains(decision.getId());
      assertThat(decision.getAttributeValueNs("http://camunda.org/schema/1.0/dmn", "historyTimeToLive"))
          .as("history time to live of %s", decision.getId()).isNotBlank();
    }
    for (InputData input : MODEL.getModelElementsByType(InputData.class)) {
      assertThat(shapes).as("shape of input %s", input.getId()).contains(input.getId());
    }
    Collection<InformationRequirement> requirements = MODEL.getModelElementsByType(InformationRequirement.class);
    assertThat(requirements).hasSize(7);
    for (InformationRequirement requirement : requirements) {
      assertThat(edges).as("edge of requirement %s", requirement.getAttributeValue("id")).contains(requirement.getAttributeValue("id"));
    }
  }

  private static List<String> requiredDecisions(String decisionId) {
    Decision decision = MODEL.getModelElementById(decisionId);
    return decision.getInformationRequirements().stream()
        .map(InformationRequirement::getRequiredDecision)
        .filter(required -> required != null)
        .map(Decision::getId)
        .toList();
  }

  private static List<String> outputEntries(String decisionId) {
    Decision decision = MODEL.getModelElementById(decisionId);
    DecisionTable table = (DecisionTable) decision.getExpression();
    return table.getRules().stream()
        .flatMap(rule -> rule.getOutputEntries().stream())
        .map(OutputEntry::getTextContent)
        .map(String::trim)
        .distinct()
        .filter(text -> !text.equals("true") && !text.equals("false"))
        .toList();
  }

  private static Set<String> diElements(String localName) {
    return MODEL.getDocument().getRootElement().getChildElements().stream()
        .filter(e -> e.getLocalName().equals("DMNDI"))
        .flatMap(di -> di.getChildElements().stream())
        .flatMap(diagram -> diagram.getChildElements().stream())
        .filter(e -> e.getLocalName().equals(localName))
        .map(e -> e.getAttribute("dmnElementRef"))
        .collect(Collectors.toSet());
  }
}
