package cn.jiuji.enrollment;

import java.time.Period;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the enrollment into long-term protection ({@code jiuji.enrollment}, SPEC §3.3).
 *
 * @param noticePeriod how long the enrollment is publicly posted (公示) for objections, in
 *     calendar days (ISO 8601, {@code P7D})
 * @param zone the county's time zone: the day an approved category takes effect
 */
@ConfigurationProperties("jiuji.enrollment")
public record EnrollmentProperties(
    @DefaultValue("P7D") Period noticePeriod,
    @DefaultValue("Asia/Shanghai") ZoneId zone) {

  public EnrollmentProperties {
    if (noticePeriod.isNegative() || noticePeriod.isZero()) {
      throw new IllegalStateException("jiuji.enrollment.notice-period 必须大于 0，实际为 " + noticePeriod);
    }
  }
}
