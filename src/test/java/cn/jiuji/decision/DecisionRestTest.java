package cn.jiuji.decision;

import static cn.jiuji.assistance.CaseVariables.CATEGORY;
import static cn.jiuji.assistance.CaseVariables.ELIGIBLE;
import static cn.jiuji.assistance.CaseVariables.POLICY_DATE;
import static cn.jiuji.assistance.CaseVariables.RATIO;
import static cn.jiuji.assistance.CaseVariables.SELF_PAID_TWO_YEARS;
import static cn.jiuji.assistance.CaseVariables.THRESHOLD;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.system.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** SPEC §3.5: both decisions through the standard REST API, for logged-in county staff only. */
@ApplicationTest
class DecisionRestTest {

  @LocalServerPort int port;
  WebClient web;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void client() {
    web = new WebClient(port);
  }

  @Test
  void countyStaffEvaluateEligibilityOverRest() throws Exception {
    var response = evaluate(AssistanceDecisions.ELIGIBILITY,
        variables("GENERAL", "2024-10-15").set(SELF_PAID_TWO_YEARS.name(), typed(132667.0, "Double")),
        "civil1", "demo");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode result = json.readTree(response.body());
    assertThat(result).hasSize(1);
    assertThat(result.get(0).path(ELIGIBLE.name()).path("value").asBoolean()).isTrue();
    assertThat(result.get(0).path(THRESHOLD.name()).path("value").asDouble()).isEqualTo(80000.0);
  }

  @Test
  void aHouseholdBelowTheOldThresholdIsNotEligibleOverRest() throws Exception {
    var response = evaluate(AssistanceDecisions.ELIGIBILITY,
        variables("GENERAL", "2023-12-31").set(SELF_PAID_TWO_YEARS.name(), typed(99999.99, "Double")),
        "civil1", "demo");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode result = json.readTree(response.body()).get(0);
    assertThat(result.path(ELIGIBLE.name()).path("value").asBoolean()).isFalse();
    assertThat(result.path(THRESHOLD.name()).path("value").asDouble()).isEqualTo(100000.0);
  }

  // the eligibility decision takes its threshold from assistanceThreshold, which takes the policy
  // version from policyVersion: over REST the one call still answers both outputs
  @ParameterizedTest(name = "{0} {1} {2} → eligible {3}, threshold {4}")
  @CsvSource(textBlock = """
      GENERAL,    2023-12-31, 99999.99,  false, 100000
      GENERAL,    2023-12-31, 100000.00, true,  100000
      GENERAL,    2024-01-01, 79999.99,  false, 80000
      GENERAL,    2024-01-01, 80000.00,  true,  80000
      DIBAO_EDGE, 2023-12-31, 99999.99,  false, 100000
      DIBAO_EDGE, 2023-12-31, 100000.00, true,  100000
      DIBAO_EDGE, 2024-01-01, 79999.99,  false, 80000
      DIBAO_EDGE, 2024-01-01, 80000.00,  true,  80000
      DIBAO,      2023-12-31, 49999.99,  false, 50000
      DIBAO,      2023-12-31, 50000.00,  true,  50000
      DIBAO,      2024-01-01, 39999.99,  false, 40000
      DIBAO,      2024-01-01, 40000.00,  true,  40000
      TEKUN,      2023-12-31, 49999.99,  false, 50000
      TEKUN,      2023-12-31, 50000.00,  true,  50000
      TEKUN,      2024-01-01, 39999.99,  false, 40000
      TEKUN,      2024-01-01, 40000.00,  true,  40000
      TUOPIN,     2023-12-31, 49999.99,  false, 50000
      TUOPIN,     2023-12-31, 50000.00,  true,  50000
      TUOPIN,     2024-01-01, 39999.99,  false, 40000
      TUOPIN,     2024-01-01, 40000.00,  true,  40000
      """)
  void eligibilityOverRestAnswersBothOutputsAtEveryThreshold(String category, String policyDate,
      double selfPaid, boolean eligible, double threshold) throws Exception {
    var response = evaluate(AssistanceDecisions.ELIGIBILITY,
        variables(category, policyDate).set(SELF_PAID_TWO_YEARS.name(), typed(selfPaid, "Double")),
        "civil1", "demo");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode result = json.readTree(response.body());
    assertThat(result).as(response.body()).hasSize(1);
    assertThat(result.get(0).path(ELIGIBLE.name()).path("value").isBoolean()).as(response.body()).isTrue();
    assertThat(result.get(0).path(ELIGIBLE.name()).path("value").asBoolean()).isEqualTo(eligible);
    assertThat(result.get(0).path(THRESHOLD.name()).path("value").asDouble()).isEqualTo(threshold);
  }

  @Test
  void anUnknownCategoryOrAMissingPolicyDateGivesNoEligibilityOverRest() throws Exception {
    ObjectNode noDate = json.createObjectNode();
    noDate.set(CATEGORY.name(), typed("GENERAL", "String"));
    for (ObjectNode variables : new ObjectNode[] {variables("RICH", "2024-10-15"), noDate}) {
      variables.set(SELF_PAID_TWO_YEARS.name(), typed(132667.0, "Double"));
      var response = evaluate(AssistanceDecisions.ELIGIBILITY, variables, "civil1", "demo");
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(json.readTree(response.body())).as(variables.toString()).isEmpty();
    }
  }

  @Test
  void countyStaffEvaluateTheRatioOverRest() throws Exception {
    var response = evaluate(AssistanceDecisions.AMOUNT, variables("TEKUN", "2024-01-01"), "civil1", "demo");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(json.readTree(response.body()).get(0).path(RATIO.name()).path("value").asDouble())
        .isEqualTo(0.20);
  }

  @Test
  void evaluatingWithoutCredentialsIsRefused() {
    var response = evaluate(AssistanceDecisions.ELIGIBILITY,
        variables("GENERAL", "2024-10-15").set(SELF_PAID_TWO_YEARS.name(), typed(132667.0, "Double")),
        null, null);
    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void townshipStaffMayNotEvaluateDecisionsThemselves() {
    // townships see the figures in their cases; the REST evaluation is for county staff
    var response = evaluate(AssistanceDecisions.AMOUNT, variables("GENERAL", "2024-10-15"), "sanban1", "demo");
    assertThat(response.statusCode()).isIn(403, 404);
  }

  @Test
  void aMissingOrUnreadablePolicyDateMatchesNoRuleInsteadOfTheOldPolicy() throws Exception {
    ObjectNode noDate = json.createObjectNode();
    noDate.set(CATEGORY.name(), typed("GENERAL", "String"));
    for (ObjectNode variables : new ObjectNode[] {noDate, variables("GENERAL", "15.10.2024")}) {
      var response = evaluate(AssistanceDecisions.AMOUNT, variables, "civil1", "demo");
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(json.readTree(response.body())).as(variables.toString()).isEmpty();
    }
  }

  private HttpResponse<String> evaluate(String key, ObjectNode variables, String user, String password) {
    ObjectNode body = json.createObjectNode();
    body.set("variables", variables);
    return web.postJson("/engine-rest/decision-definition/key/" + key + "/evaluate", body.toString(),
        user, password);
  }

  private ObjectNode variables(String category, String policyDate) {
    ObjectNode variables = json.createObjectNode();
    variables.set(CATEGORY.name(), typed(category, "String"));
    variables.set(POLICY_DATE.name(), typed(policyDate, "String"));
    return variables;
  }

  private ObjectNode typed(Object value, String type) {
    ObjectNode variable = json.createObjectNode();
    variable.set("value", json.valueToTree(value));
    variable.put("type", type);
    return variable;
  }
}
