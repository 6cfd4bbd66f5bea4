package cn.jiuji.screening;

import cn.jiuji.base.RuleBreak;
import cn.jiuji.household.IdNumbers;
import cn.jiuji.household.Category;
import cn.jiuji.identity.CountyProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns the rows of a medical-insurance file (SPEC §5) into settlements, or into the Chinese
 * reasons why a row cannot be used. One parser per file: it learns the column order from the
 * header row, so the office may order (and add) columns as it likes.
 */
final class SettlementParser {

  /** The columns of SPEC §5 and the longest value the database keeps. */
  enum Column {
    SETTLEMENT_ID("结算单号", 64),
    ID_NUMBER("身份证号", 18),
    NAME("姓名", 50),
    HOUSEHOLD_ID("户主身份证号", 18),
    HOUSEHOLD_HEAD("户主姓名", 50),
    TOWNSHIP("乡镇", 40),
    VILLAGE("村（社区）", 100),
    CATEGORY("人员类别", 20),
    SETTLED_ON("结算日期", 30),
    TOTAL_COST("医疗总费用", 30),
    SELF_PAID("个人自付", 30);

    final String header;
    final int maxLength;

    Column(String header, int maxLength) {
      this.header = header;
      this.maxLength = maxLength;
    }

    boolean optional() {
      return this == CATEGORY;
    }
  }

  // what Chinese office software writes: 2025-03-01, 2025/3/1, 20250301, 2025.3.1
  private static final List<DateTimeFormatter> DATES = List.of(
      DateTimeFormatter.ofPattern("uuuu-M-d"), DateTimeFormatter.ofPattern("uuuu/M/d"),
      DateTimeFormatter.ofPattern("uuuuMMdd"), DateTimeFormatter.ofPattern("uuuu.M.d"))
      .stream().map(f -> f.withResolverStyle(ResolverStyle.STRICT)).toList();
  /** NUMERIC(14, 2): larger amounts are typing errors and would fail the batch. */
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

  private static final java.util.regex.Pattern AMOUNT_NOISE = java.util.regex.Pattern.compile("[\\s,，¥￥元]");

  private final CountyProperties county;
  private final LocalDate importDay;
  private final int[] index = new int[Column.values().length];
  private final java.util.Map<String, String> townshipCodes = new java.util.HashMap<>();
  private final java.util.Map<String, Category> categories = new java.util.HashMap<>();

  private SettlementParser(CountyProperties county, LocalDate importDay) {
    this.county = county;
    this.importDay = importDay;
    county.townships().forEach(t -> townshipCodes.putIfAbsent(t.name(), t.code()));
    Arrays.stream(Category.values()).forEach(c -> categories.put(c.fileName(), c));
  }

  /**
   * Reads the header row. A file without every required column is refused as a whole: no row of
   * it could be used; so is a file that names a column twice, as nobody can tell which of the two
   * the office meant.
   *
   * @param importDay the county's today: no settlement can be dated after it
   */
  static SettlementParser forHeader(CountyProperties county, List<String> header, LocalDate importDay) {
    SettlementParser parser = new SettlementParser(county, importDay);
    Arrays.fill(parser.index, -1);
    for (int i = 0; i < header.size(); i++) {
      String name = normalizeHeader(header.get(i));
      for (Column column : Column.values()) {
        if (!column.header.equals(name)) {
          continue;
        }
        int first = parser.index[column.ordinal()];
        if (first >= 0) {
          throw RuleBreak.badRequest("表头中“" + column.header + "”出现了 2 次（第 " + (first + 1) + " 列和第 " + (i + 1)
              + " 列），无法确定以哪一列为准，请删去多余的一列后重新导入");
        }
        parser.index[column.ordinal()] = i;
      }
    }
    String missing = Arrays.stream(Column.values())
        .filter(c -> !c.optional() && parser.index[c.ordinal()] < 0)
        .map(c -> c.header)
        .collect(Collectors.joining("、"));
    if (!missing.isEmpty()) {
      throw RuleBreak.badRequest("文件第 1 行应为表头，但缺少以下列：" + missing
          + "。表头应包括：结算单号、身份证号、姓名、户主身份证号、户主姓名、乡镇、村（社区）、人员类别（可选）、结算日期、医疗总费用、个人自付");
    }
    return parser;
  }

  /** 村(社区) and 村（社区） are the same column; a BOM or blanks around a name are noise. */
  static String normalizeHeader(String name) {
    return name == null ? "" : name.replace("\uFEFF", "").replace('(', '（').replace(')', '）')
        .replaceAll("\\s+", "");
  }

  /** The result of one row: a settlement, or the reasons it was refused. */
  record Parsed(Settlement settlement, String reason) {}

  /**
   * Checks one data row.
   *
   * @return empty for a row without any value (Excel leaves such rows behind)
   */
  Optional<Parsed> parse(List<String> cells) {
    // plain loops, no streams: this runs for each of millions of rows
    boolean blank = true;
    for (int i = 0; i < cells.size() && blank; i++) {
      blank = cells.get(i) == null || cells.get(i).isBlank();
    }
    if (blank) {
      return Optional.empty();
    }
    String[] values = new String[Column.values().length];
    List<String> reasons = null;
    for (Column column : COLUMNS) {
      int i = index[column.ordinal()];
      String value = i < 0 || i >= cells.size() || cells.get(i) == null ? "" : cells.get(i).trim();
      values[column.ordinal()] = value;
      if (value.isEmpty() && !column.optional()) {
        reasons = add(reasons, "缺少" + column.header);
      } else if (value.length() > column.maxLength) {
        reasons = add(reasons, column.header + "超过 " + column.maxLength + " 个字符");
      } else if (hasControlCharacter(value)) {
        // PostgreSQL stores no NUL in text, and no office types an escape or a bell into a name
        reasons = add(reasons, column.header + "含有不可见的控制字符（如 NUL），请检查导出的文件");
      }
    }
    Reasons why = new Reasons(reasons);
    String idNumber = idNumber(values, Column.ID_NUMBER, why);
    String householdId = values[Column.HOUSEHOLD_ID.ordinal()].equals(values[Column.ID_NUMBER.ordinal()])
        && idNumber != null ? idNumber : idNumber(values, Column.HOUSEHOLD_ID, why);
    String townshipName = values[Column.TOWNSHIP.ordinal()];
    String township = null;
    if (!townshipName.isEmpty()) {
      township = townshipCodes.get(townshipName);
      if (township == null) {
        why.add("乡镇“" + townshipName + "”不是" + county.name() + "的乡镇");
      }
    }
    String categoryName = values[Column.CATEGORY.ordinal()];
    Category category = null;
    if (!categoryName.isEmpty()) {
      category = categories.get(categoryName);
      if (category == null) {
        why.add("人员类别“" + categoryName + "”无法识别，应为"
            + Arrays.stream(Category.values()).map(Category::fileName).collect(Collectors.joining("、"))
            + "之一，或留空");
      }
    }
    LocalDate settledOn = date(values[Column.SETTLED_ON.ordinal()], why);
    if (settledOn != null && settledOn.isAfter(importDay)) {
      why.add("结算日期“" + values[Column.SETTLED_ON.ordinal()] + "”晚于导入当天（" + importDay + "），不可能已经结算");
    } else if (settledOn != null && idNumber != null && settledOn.isBefore(IdNumbers.birthDate(idNumber))) {
      why.add("结算日期“" + values[Column.SETTLED_ON.ordinal()] + "”早于患者出生日期（" + IdNumbers.birthDate(idNumber) + "）");
    }
    long total = amount(Column.TOTAL_COST, values[Column.TOTAL_COST.ordinal()], why);
    long selfPaid = amount(Column.SELF_PAID, values[Column.SELF_PAID.ordinal()], why);
    if (total != NO_AMOUNT && total < 0) {
      why.add("医疗总费用不能为负数（" + yuan(total) + "）");
    }
    if (selfPaid != NO_AMOUNT && selfPaid < 0) {
      why.add("个人自付不能为负数（" + yuan(selfPaid) + "）");
    } else if (selfPaid != NO_AMOUNT && total != NO_AMOUNT && selfPaid > total) {
      why.add("个人自付（" + yuan(selfPaid) + "）大于医疗总费用（" + yuan(total) + "）");
    }
    if (why.list != null) {
      return Optional.of(new Parsed(null, String.join("；", why.list)));
    }
    return Optional.of(new Parsed(new Settlement(values[Column.SETTLEMENT_ID.ordinal()], idNumber,
        values[Column.NAME.ordinal()], householdId, values[Column.HOUSEHOLD_HEAD.ordinal()], township,
        values[Column.VILLAGE.ordinal()], category, settledOn, total, selfPaid), null));
  }

  private static final Column[] COLUMNS = Column.values();
  /** An amount that is missing or could not be read (its reason is given already). */
  private static final long NO_AMOUNT = Long.MIN_VALUE;

  /** The reasons of one row, the list created only for a bad row. */
  private static final class Reasons {
    private List<String> list;

    Reasons(List<String> list) {
      this.list = list;
    }

    void add(String reason) {
      list = SettlementParser.add(list, reason);
    }
  }

  /** C0 controls and DEL, the tab excepted (a tab inside a quoted CSV cell is text). */
  private static boolean hasControlCharacter(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 && c != '\t' || c == 0x7F) {
        return true;
      }
    }
    return false;
  }

  private static List<String> add(List<String> reasons, String reason) {
    List<String> list = reasons == null ? new ArrayList<>() : reasons;
    list.add(reason);
    return list;
  }

  /** Fen as yuan with two decimals, as the file writes them: 123456 → 1234.56. */
  static String yuan(long fen) {
    return BigDecimal.valueOf(fen, 2).toPlainString();
  }

  private static String idNumber(String[] values, Column column, Reasons reasons) {
    String value = values[column.ordinal()];
    if (value.isEmpty()) {
      return null;
    }
    String id = IdNumbers.normalize(value);
    if (!IdNumbers.isValid(id)) {
      reasons.add(column.header + "“" + value + "”不是有效的 18 位公民身份号码（校验码不符或出生日期无效）");
      return null;
    }
    return id;
  }

  private static LocalDate date(String value, Reasons reasons) {
    if (value.isEmpty()) {
      return null;
    }
    LocalDate iso = isoDate(value);
    if (iso != null) {
      return iso;
    }
    // Excel's CSV export writes "2025/3/1 0:00" for a date cell: the day is what counts
    int time = value.indexOf(' ') >= 0 ? value.indexOf(' ') : value.indexOf('T');
    String day = time < 0 ? value : value.substring(0, time);
    for (DateTimeFormatter format : DATES) {
      try {
        return LocalDate.parse(day, format);
      } catch (DateTimeParseException e) {
        // next format
      }
    }
    reasons.add("结算日期“" + value + "”不是有效日期（应为 yyyy-MM-dd，例如 2025-03-01）");
    return null;
  }

  /** The common case without a formatter: yyyy-MM-dd (the files have millions of them). */
  private static LocalDate isoDate(String value) {
    if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
      return null;
    }
    try {
      return LocalDate.of(Integer.parseInt(value, 0, 4, 10), Integer.parseInt(value, 5, 7, 10),
          Integer.parseInt(value, 8, 10, 10));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return null;
    }
  }

  /**
   * An amount in fen, or {@link #NO_AMOUNT} (with a reason when there was a value). The common
   * form (-?digits with at most two decimals) is read with arithmetic, anything else ("1,234.50",
   * "¥12元", Excel's 1234.5600000001) through BigDecimal.
   */
  private static long amount(Column column, String value, Reasons reasons) {
    if (value.isEmpty()) {
      return NO_AMOUNT;
    }
    long plain = plainFen(value);
    if (plain != NO_AMOUNT) {
      return plain;
    }
    String number = AMOUNT_NOISE.matcher(value).replaceAll("");
    try {
      BigDecimal amount = new BigDecimal(number);
      if (amount.abs().compareTo(MAX_AMOUNT) >= 0) {
        reasons.add(column.header + "“" + value + "”数额过大");
        return NO_AMOUNT;
      }
      // to the fen: Excel's binary arithmetic leaves 1234.5600000001 behind
      return amount.setScale(2, RoundingMode.HALF_UP).unscaledValue().longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      reasons.add(column.header + "“" + value + "”不是有效的金额");
      return NO_AMOUNT;
    }
  }

  /** -?\d{1,12}(\.\d{1,2})? in fen (below MAX_AMOUNT), else NO_AMOUNT. */
  private static long plainFen(String value) {
    int length = value.length();
    int i = value.charAt(0) == '-' ? 1 : 0;
    int start = i;
    long yuan = 0;
    while (i < length && i - start < 13) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      yuan = yuan * 10 + (c - '0');
      i++;
    }
    int digits = i - start;
    if (digits == 0 || digits > 12) {
      return NO_AMOUNT;
    }
    long fen = yuan * 100;
    if (i < length) {
      int decimals = length - i - 1;
      if (value.charAt(i) != '.' || decimals < 1 || decimals > 2) {
        return NO_AMOUNT;
      }
      for (int d = 0; d < 2; d++) {
        char c = d < decimals ? value.charAt(i + 1 + d) : '0';
        if (c < '0' || c > '9') {
          return NO_AMOUNT;
        }
        fen += (c - '0') * (d == 0 ? 10 : 1);
      }
    }
    return start == 1 ? -fen : fen;
  }
}
