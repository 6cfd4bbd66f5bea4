package cn.jiuji.assistance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the case process ({@code jiuji.cases}).
 *
 * @param numberPrefix the first part of a case number: {@code YSYY-2026-00042}
 * @param retryCycle how often and how far apart a failed payment job is retried (ISO 8601)
 * @param followUpDelay how long after the payment the township assesses the family again (SPEC
 *     §3.3, ISO 8601 duration)
 */
@ConfigurationProperties("jiuji.cases")
public record CaseProperties(
    @DefaultValue("YSYY") String numberPrefix,
    @DefaultValue("R3/PT5M") String retryCycle,
    String followUpDelay) {

  public CaseProperties {
    cn.jiuji.decision.Configured.require("jiuji.cases.follow-up-delay", followUpDelay);
  }
}
