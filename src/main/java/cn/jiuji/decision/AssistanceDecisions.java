package cn.jiuji.decision;

import cn.jiuji.base.RuleBreak;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The programme's money rules (SPEC §2, §3.5) as Java sees them: every figure comes from the
 * latest deployed version of the decision requirements diagram {@code processes/assistancePolicy.dmn},
 * so a designer who changes a threshold or a ratio and redeploys changes what new evaluations
 * return, without a Java build. There each figure is written once: {@code assistanceThreshold}
 * holds the thresholds and feeds {@code assistanceEligibility}; {@code policyVersion} tells the
 * policy in force on the policy date for both the thresholds and {@code assistanceAmount}.
 */
@Component
public class AssistanceDecisions {

  // the decisions' inputs and outputs (SPEC §3.5): the names the DMN tables use
  static final String CATEGORY = "category";
  static final String SELF_PAID_TWO_YEARS = "selfPaidTwoYears";
  static final String POLICY_DATE = "policyDate";
  static final String ELIGIBLE = "eligible";
  static final String THRESHOLD = "threshold";
  static final String RATIO = "ratio";

  /** The decision requirements diagram in {@code processes/} that holds every decision below. */
  public static final String DIAGRAM_FILE = "assistancePolicy.dmn";
  /** Eligibility (SPEC §3.5): requires {@link #THRESHOLD_TABLE}. */
  public static final String ELIGIBILITY = "assistanceEligibility";
  /** The relief ratio (SPEC §3.5). */
  public static final String AMOUNT = "assistanceAmount";
  /** The threshold of a category under a policy version. */
  public static final String THRESHOLD_TABLE = "assistanceThreshold";

  private final DecisionService decisions;
  private final ProcessEngineConfigurationImpl engine;

  AssistanceDecisions(DecisionService decisions, ProcessEngineConfigurationImpl engine) {
    this.decisions = decisions;
    this.engine = engine;
  }

  /**
   * Whether a household reaches the threshold of its category under the policy in force on
   * {@code policyDate}.
   *
   * @param eligible self-paid total ≥ threshold
   * @param threshold the threshold that applied, whole yuan
   */
  public record Eligibility(boolean eligible, long threshold) {}

  public Eligibility eligibility(String category, double selfPaidTwoYears, LocalDate policyDate) {
    requireSelfPaid(selfPaidTwoYears);
    Map<String, Object> variables = inputs(category, policyDate);
    variables.put(SELF_PAID_TWO_YEARS, selfPaidTwoYears);
    DmnDecisionResultEntries result = evaluate(ELIGIBILITY, category, variables);
    Boolean eligible = result.getEntry(ELIGIBLE);
    Number threshold = result.getEntry(THRESHOLD);
    if (eligible == null || threshold == null) {
      throw new IllegalStateException(ELIGIBILITY + " returned no eligible/threshold for " + variables);
    }
    return new Eligibility(eligible, wholeYuan(threshold));
  }

  /** The threshold of the category under the policy in force on {@code policyDate}, whole yuan. */
  public long threshold(String category, LocalDate policyDate) {
    Map<String, Object> variables = inputs(category, policyDate);
    Number threshold = evaluate(THRESHOLD_TABLE, category, variables).getEntry(THRESHOLD);
    if (threshold == null) {
      throw new IllegalStateException(THRESHOLD_TABLE + " returned no threshold for " + variables);
    }
    return wholeYuan(threshold);
  }

  /** The relief ratio of the category under the policy in force on {@code policyDate}, e.g. 0.15. */
  public BigDecimal ratio(String category, LocalDate policyDate) {
    Map<String, Object> variables = inputs(category, policyDate);
    Number ratio = evaluate(AMOUNT, category, variables).getEntry(RATIO);
    if (ratio == null) {
      throw new IllegalStateException(AMOUNT + " returned no ratio for " + variables);
    }
    // through the decimal string: 0.15 stays 0.15, not 0.1499999999999999944488848768742172978818416595458984375
    return new BigDecimal(ratio.toString());
  }

  /**
   * The suggested amount (SPEC §2): self-paid total × ratio, rounded half-up to whole yuan. The
   * top-up for especially hard-up families is decided on the form and is not part of it.
   */
  public long suggestedAmount(String category, double selfPaidTwoYears, LocalDate policyDate) {
    requireSelfPaid(selfPaidTwoYears);
    // decimal arithmetic from the double's decimal string (80010.0, not its binary expansion):
    // 80010 × 0.15 is exactly 12001.5 and rounds up, a half is never a binary 0.4999...
    return BigDecimal.valueOf(selfPaidTwoYears)
        .multiply(ratio(category, policyDate))
        .setScale(0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  private static Map<String, Object> inputs(String category, LocalDate policyDate) {
    if (category == null || category.isBlank()) {
      throw RuleBreak.badRequest("请填写人员类别");
    }
    if (policyDate == null) {
      throw RuleBreak.badRequest("缺少政策日期（筛查日期或报告日期），无法确定适用的政策版本");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(CATEGORY, category);
    variables.put(POLICY_DATE, policyDate.toString());
    return variables;
  }

  private static void requireSelfPaid(double selfPaidTwoYears) {
    if (!Double.isFinite(selfPaidTwoYears) || selfPaidTwoYears < 0) {
      throw RuleBreak.badRequest("两年个人自付医疗费用必须是不小于 0 的金额");
    }
  }

  private DmnDecisionResultEntries evaluate(String key, String category, Map<String, Object> variables) {
    // The engine checks CREATE_INSTANCE on the decision definition for whoever is authenticated
    // on this thread. When process code evaluates a decision while a township officer completes
    // a task, that officer is authenticated, and township groups have (rightly) no permission to
    // evaluate decisions over the REST API. The evaluation here is the system applying policy,
    // not a user's request, so it runs with authorization checks suspended. Nested in a running
    // command (a delegate) the engine reuses that command's context, so the suspension applies
    // to exactly this evaluation and is restored afterwards.
    var result = engine.getCommandExecutorTxRequired().execute(context ->
        context.runWithoutAuthorization(() ->
            decisions.evaluateDecisionByKey(key).variables(variables).evaluate()));
    if (result.isEmpty()) {
      // UNIQUE tables with rules for every known category: no match means the category is unknown
      throw RuleBreak.badRequest("人员类别“" + category + "”不在救助政策表中，无法确定救助门槛和比例");
    }
    return result.getSingleResult();
  }

  private static long wholeYuan(Number threshold) {
    try {
      return new BigDecimal(threshold.toString()).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalStateException(ELIGIBILITY + " returned a threshold that is not whole yuan: " + threshold, e);
    }
  }
}
