package cn.jiuji;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Citizen ID numbers and settlement ids for test data: each one new within a test class, and the
 * same in every run (the counters start again with each class, as the data does: {@link TestData}).
 */
public final class TestIds {

  private static final LocalDate FIRST_BIRTH_DAY = LocalDate.of(1950, 1, 1);
  private static final int SERIALS_PER_DAY = 999;
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final AtomicInteger PEOPLE = new AtomicInteger();
  private static final AtomicInteger SETTLEMENTS = new AtomicInteger();

  private TestIds() {}

  /** Starts both counters again: called before each test class. */
  static void restart() {
    PEOPLE.set(0);
    SETTLEMENTS.set(0);
  }

  /** A checksum-valid 18-character citizen ID of 德化县 (350526), never twice in a class. */
  public static String idNumber() {
    int n = PEOPLE.getAndIncrement();
    LocalDate birth = FIRST_BIRTH_DAY.plusDays(n / SERIALS_PER_DAY);
    String body = String.format("350526%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
        birth.getDayOfMonth(), 1 + n % SERIALS_PER_DAY);
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      sum += (body.charAt(i) - '0') * WEIGHTS[i];
    }
    return body + "10X98765432".charAt(sum % 11);
  }

  /** A settlement id of the medical-insurance files, never twice in a class. */
  public static String settlementId() {
    return String.format("JS%020d", SETTLEMENTS.incrementAndGet());
  }
}
