package cn.jiuji.decision;

import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
 * @param timeZone the zone in which the calendar year of the annual cap is counted (a grant paid
 *     on 12-31 at 23:59 local time belongs to the old year)
 */
@ConfigurationProperties("jiuji.policy")
public record PolicyProperties(
    LocalDate relaxationDate,
    Long topUpMax,
    Long annualCap,
    Long townshipAdvanceLimit,
    @DefaultValue("Asia/Shanghai") ZoneId timeZone) {

  /** The figures come from configuration only (application.yaml): none has a default in code. */
  public PolicyProperties {
    Configured.require("jiuji.policy.relaxation-date", relaxationDate);
    Configured.require("jiuji.policy.top-up-max", topUpMax);
    Configured.require("jiuji.policy.annual-cap", annualCap);
    Configured.require("jiuji.policy.township-advance-limit", townshipAdvanceLimit);
  }
}
