package cn.jiuji.base;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The county's clock: the engine's clock (the one timers and tests move) read in the county's one
 * time zone ({@code jiuji.county.time-zone}). Calendar years (the annual cap), working days
 * (deadlines) and report dates are all the county's, whatever zone the server runs in: a grant paid
 * at 23:59 on 31 December in the county belongs to the old year.
 */
@Component
public class CountyClock {

  private final ZoneId zone;

  public CountyClock(@Value("${jiuji.county.time-zone}") ZoneId zone) {
    this.zone = zone;
  }

  public ZoneId zone() {
    return zone;
  }

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** Now, as the county's wall clock reads it. */
  public ZonedDateTime local() {
    return now().atZone(zone);
  }

  public LocalDate today() {
    return local().toLocalDate();
  }

  public int year() {
    return today().getYear();
  }

  /** The county's calendar year of a moment (the year whose annual cap it counts against). */
  public int yearOf(Instant instant) {
    return instant.atZone(zone).getYear();
  }

  /** The moment the county's calendar year begins. */
  public Instant startOfYear(int year) {
    return LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
  }
}
