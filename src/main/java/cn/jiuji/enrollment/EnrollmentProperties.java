package cn.jiuji.enrollment;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the enrollment into long-term protection ({@code jiuji.enrollment}, SPEC §3.3).
 *
 * @param noticePeriod how long the enrollment is publicly posted (公示) for objections, in
 *     calendar days (ISO 8601, {@code P7D}); the days are those of the county's time zone
 *     ({@code jiuji.county.time-zone})
 */
@ConfigurationProperties("jiuji.enrollment")
public record EnrollmentProperties(Period noticePeriod) {

  public EnrollmentProperties {
    cn.jiuji.decision.Configured.require("jiuji.enrollment.notice-period", noticePeriod);
    if (noticePeriod.isNegative() || noticePeriod.isZero()) {
      throw new IllegalStateException("jiuji.enrollment.notice-period 必须大于 0，实际为 " + noticePeriod);
    }
  }
}
