package cn.jiuji.partner;

import cn.jiuji.decision.Configured;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The partner departments' aid (configuration {@code jiuji.partner-aid}, SPEC §9).
 *
 * @param maxMonths the most months a department may grant monthly aid for at once
 * @param paymentDay the day of the month monthly aid is paid (1 to 28: every month has it)
 * @param paymentTime the time of that day, in the county's time zone
 */
@ConfigurationProperties("jiuji.partner-aid")
public record PartnerAidProperties(Integer maxMonths, Integer paymentDay, LocalTime paymentTime) {

  public PartnerAidProperties {
    Configured.require("jiuji.partner-aid.max-months", maxMonths);
    Configured.require("jiuji.partner-aid.payment-day", paymentDay);
    Configured.require("jiuji.partner-aid.payment-time", paymentTime);
    if (paymentDay < 1 || paymentDay > 28) {
      throw new IllegalStateException("jiuji.partner-aid.payment-day 须在 1 至 28 之间（每个月都有这一天）：" + paymentDay);
    }
  }
}
