package cn.jiuji.household;

import java.time.YearMonth;

/** Citizen ID numbers (GB 11643-1999): checksum and the masked form shown to most users. */
public final class IdNumbers {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  private IdNumbers() {}

  /** 17 digits, a valid birth date, and the check character (digit or X) that matches. */
  public static boolean isValid(String id) {
    if (id == null || id.length() != 18) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    if (!isDate(id)) {
      return false;
    }
    return Character.toUpperCase(id.charAt(17)) == CHECK[sum % 11];
  }

  /**
   * The birth date (digits 7 to 14, yyyyMMdd) exists: checked with arithmetic rather than a
   * DateTimeFormatter, as an import checks millions of ID numbers.
   */
  private static boolean isDate(String id) {
    int year = Integer.parseInt(id, 6, 10, 10);
    int month = Integer.parseInt(id, 10, 12, 10);
    int day = Integer.parseInt(id, 12, 14, 10);
    return month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth();
  }

  /** The birth date of a valid ID number (digits 7 to 14). */
  public static java.time.LocalDate birthDate(String id) {
    return java.time.LocalDate.of(Integer.parseInt(id, 6, 10, 10), Integer.parseInt(id, 10, 12, 10),
        Integer.parseInt(id, 12, 14, 10));
  }

  /** Completes 17 digits with their check character. */
  public static String withCheckCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return first17 + CHECK[sum % 11];
  }

  /** Upper-cases a trailing x: the same person must not become two households. */
  public static String normalize(String id) {
    return id == null ? null : id.trim().toUpperCase();
  }

  /** {@code 350526198001011234} → {@code 350526********1234}. */
  public static String mask(String id) {
    if (id == null || id.length() < 10) {
      return "******";
    }
    return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
  }
}
