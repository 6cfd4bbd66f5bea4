package cn.jiuji.decision;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Policy configuration ({@code jiuji.policy}, SPEC §2): the figures that are not in the DMN tables
 * because they do not depend on the category or the policy version.
 *
 * @param relaxationDate the day the relaxed thresholds and ratios took effect; the decisions see
 *     it as the FEEL function {@code relaxationDate()}
 * @param topUpMax the most a case may add for an especially hard-up family, yuan
 * @param annualCap the family annual cap: all civil-affairs money paid to one household in one
 *     calendar year, yuan; the leading group may exceed it only with a recorded override
 * @param townshipAdvanceLimit the most a township may pay at once as a grant-first advance, yuan
 * @param maxCaseAmount the most the leading group may approve in one case, yuan, even with an
 *     override of the annual cap (SPEC §12)
 */
@ConfigurationProperties("jiuji.policy")
public record PolicyProperties(
    LocalDate relaxationDate,
    Long topUpMax,
    Long annualCap,
    Long townshipAdvanceLimit,
    Long maxCaseAmount) {

  /** The figures come from configuration only (application.yaml): none has a default in code. */
  public PolicyProperties {
    Configured.require("jiuji.policy.relaxation-date", relaxationDate);
    Configured.require("jiuji.policy.top-up-max", topUpMax);
    Configured.require("jiuji.policy.annual-cap", annualCap);
    Configured.require("jiuji.policy.township-advance-limit", townshipAdvanceLimit);
    Configured.require("jiuji.policy.max-case-amount", maxCaseAmount);
  }
}
