package cn.jiuji;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The engine clock in tests. Every test of {@link ApplicationTest} starts at {@link #PINNED}, in
 * the county's time zone, whatever the machine's date: a test that needs another day pins it
 * itself. The clock keeps running from the pinned moment (so that what a test does in order
 * happens in order); {@link #freeze} stops it where a test compares exact times.
 */
public final class TestClock implements BeforeEachCallback, AfterEachCallback {

  /** The county's zone (application.yaml: jiuji.county.time-zone). */
  public static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

  /**
   * Wednesday 10 June 2026, 10:00 in the county: an ordinary working day of a year with an
   * official calendar, far from a holiday, a month's first working day and the year's end.
   */
  public static final LocalDateTime PINNED = LocalDateTime.of(2026, 6, 10, 10, 0);

  @Override
  public void beforeEach(ExtensionContext context) {
    pin(PINNED);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ClockUtil.reset();
  }

  /** The engine clock runs on from this local time of the county. */
  public static void pin(LocalDateTime countyTime) {
    ClockUtil.offset(instant(countyTime).getTime() - System.currentTimeMillis());
  }

  /** The engine clock stands still at this local time of the county. */
  public static void freeze(LocalDateTime countyTime) {
    ClockUtil.setCurrentTime(instant(countyTime));
  }

  public static Date instant(LocalDateTime countyTime) {
    return Date.from(countyTime.atZone(COUNTY).toInstant());
  }

  /** The county's date on the engine clock. */
  public static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(COUNTY).toLocalDate();
  }
}
