package cn.jiuji.statistics;

import cn.jiuji.base.CountyClock;
import cn.jiuji.household.Category;
import cn.jiuji.identity.CountyProperties;
import cn.jiuji.ledger.GrantSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The year's figures (SPEC §10), computed when asked from what the processes and the ledger hold:
 * the cases' history, the enrollments' history and {@code grant_ledger}. Nothing is counted in
 * advance, so a figure cannot drift from the cases. Every query aggregates in the database and
 * returns a handful of rows, whatever the number of cases.
 */
@Component
class Statistics {

  static final String CASES = "temporaryAssistance";
  static final String ENROLLMENTS = "subsistenceEnrollment";
  /** Shown in the page's list of open overdue steps; the count in {@code deadlines} is complete. */
  static final int OVERDUE_SHOWN = 100;

  private final JdbcTemplate jdbc;
  private final CountyClock clock;
  private final CountyProperties county;

  Statistics(JdbcTemplate jdbc, CountyClock clock, CountyProperties county) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.county = county;
  }

  record Cases(long reported, long approved, long rejected, long open) {}

  record Paid(BigDecimal total, Map<String, BigDecimal> bySource) {}

  record TownshipFigures(String township, String name, long cases, long households, BigDecimal paid) {}

  record CategoryFigures(String category, String label, long cases, BigDecimal paid) {}

  record MonthFigures(int month, long cases, BigDecimal paid) {}

  record Deadlines(long onTime, long late, long openOverdue) {}

  record OverdueStep(String caseNo, String step, String name, Instant due, String township, String townshipName) {}

  record Figures(int year, String township, long batches, List<String> batchNos, long households, Cases cases,
      Paid paid, List<TownshipFigures> byTownship, List<CategoryFigures> byCategory, List<MonthFigures> byMonth,
      Map<String, Long> enrollments, Deadlines deadlines, List<OverdueStep> overdueSteps, String summary) {}

  /** A case's own value of a variable (not a step's local copy), joined by name. */
  static String variable(String alias, String instance, String name) {
    return " LEFT JOIN ACT_HI_VARINST " + alias + " ON " + alias + ".PROC_INST_ID_ = " + instance + ".ID_ AND "
        + alias + ".ACT_INST_ID_ = " + instance + ".ID_ AND " + alias + ".NAME_ = '" + name + "'";
  }

  Figures of(int year, String township) {
    Instant from = clock.startOfYear(year);
    Instant to = clock.startOfYear(year + 1);
    Object[] caseRange = township == null ? new Object[] {ts(from), ts(to)} : new Object[] {ts(from), ts(to), township};
    String byTownship = township == null ? "" : " AND vt.TEXT_ = ?";

    // cases, by their report date (the start of their instance)
    Map<String, long[]> casesByTownship = new HashMap<>();
    Map<String, long[]> casesByCategory = new HashMap<>();
    long[] all = new long[4];
    jdbc.query("SELECT vt.TEXT_ AS township, vc.TEXT_ AS category, COUNT(*) AS reported,"
        + " SUM(CASE WHEN vr.TEXT_ IS NULL AND va.LONG_ = 1 THEN 1 ELSE 0 END) AS approved,"
        + " SUM(CASE WHEN vr.TEXT_ IS NOT NULL THEN 1 ELSE 0 END) AS rejected,"
        + " SUM(CASE WHEN vr.TEXT_ IS NULL AND (va.LONG_ IS NULL OR va.LONG_ <> 1) AND p.END_TIME_ IS NULL"
        + " THEN 1 ELSE 0 END) AS still_open"
        + " FROM ACT_HI_PROCINST p" + variable("vt", "p", "township") + variable("vc", "p", "category")
        + variable("va", "p", "approved") + variable("vr", "p", "rejectedAt")
        + " WHERE p.PROC_DEF_KEY_ = '" + CASES + "' AND p.START_TIME_ >= ? AND p.START_TIME_ < ?" + byTownship
        + " GROUP BY vt.TEXT_, vc.TEXT_", rs -> {
          long[] row = {rs.getLong("reported"), rs.getLong("approved"), rs.getLong("rejected"), rs.getLong("still_open")};
          add(all, row);
          add(casesByTownship.computeIfAbsent(String.valueOf(rs.getString("township")), k -> new long[4]), row);
          add(casesByCategory.computeIfAbsent(String.valueOf(rs.getString("category")), k -> new long[4]), row);
        }, caseRange);

    // money: PAID grants paid in the year, whichever year their case was reported in
    Object[] moneyRange = township == null ? new Object[] {Ledger.utc(from), Ledger.utc(to)}
        : new Object[] {Ledger.utc(from), Ledger.utc(to), township};
    String grants = " FROM grant_ledger g LEFT JOIN ACT_HI_PROCINST p ON p.BUSINESS_KEY_ = g.case_no AND p.PROC_DEF_KEY_ = '"
        + CASES + "'" + variable("vt", "p", "township");
    String paidInYear = " WHERE g.status = 'PAID' AND g.paid_at >= ? AND g.paid_at < ?" + byTownship;
    Map<String, BigDecimal> bySource = new LinkedHashMap<>();
    for (GrantSource source : GrantSource.values()) {
      bySource.put(source.name(), money(BigDecimal.ZERO));
    }
    Map<String, BigDecimal> paidByTownship = new HashMap<>();
    Map<String, BigDecimal> paidByCategory = new HashMap<>();
    BigDecimal[] total = {money(BigDecimal.ZERO)};
    jdbc.query("SELECT vt.TEXT_ AS township, vc.TEXT_ AS category, g.source AS source, SUM(g.amount) AS paid"
        + grants + variable("vc", "p", "category") + paidInYear + " GROUP BY vt.TEXT_, vc.TEXT_, g.source", rs -> {
          BigDecimal paid = money(rs.getBigDecimal("paid"));
          total[0] = total[0].add(paid);
          bySource.merge(rs.getString("source"), paid, BigDecimal::add);
          paidByTownship.merge(String.valueOf(rs.getString("township")), paid, BigDecimal::add);
          paidByCategory.merge(String.valueOf(rs.getString("category")), paid, BigDecimal::add);
        }, moneyRange);
    Map<String, Long> householdsByTownship = new HashMap<>();
    jdbc.query("SELECT vt.TEXT_ AS township, COUNT(DISTINCT g.household_id) AS households" + grants + paidInYear
        + " GROUP BY vt.TEXT_", rs -> {
          householdsByTownship.put(String.valueOf(rs.getString("township")), rs.getLong("households"));
        }, moneyRange);
    Long households = jdbc.queryForObject("SELECT COUNT(DISTINCT g.household_id)" + grants + paidInYear, Long.class,
        moneyRange);

    List<MonthFigures> byMonth = byMonth(year, township, byTownship, grants, paidInYear);

    // batches: the meetings' numbers (2026-01, …) in the year's ledger; a case approved on its own
    // is paid in a list named by its case number, which is no meeting
    Pattern meeting = Pattern.compile("^" + year + "-\\d{2}$");
    TreeSet<String> batchNos = new TreeSet<>();
    Object[] batchArgs = township == null ? new Object[] {year + "-%"} : new Object[] {year + "-%", township};
    jdbc.query("SELECT DISTINCT g.batch_no AS batch_no" + grants + " WHERE g.batch_no LIKE ?" + byTownship, rs -> {
      String no = rs.getString("batch_no");
      if (meeting.matcher(no).matches()) {
        batchNos.add(no);
      }
    }, batchArgs);

    Map<String, Long> enrollments = new LinkedHashMap<>();
    for (String category : List.of("DIBAO", "DIBAO_EDGE", "TEKUN")) {
      enrollments.put(category, 0L);
    }
    jdbc.query("SELECT vg.TEXT_ AS category, COUNT(*) AS enrolled FROM ACT_HI_PROCINST p"
        + variable("va", "p", "enrollmentApproved") + variable("vg", "p", "grantedCategory")
        + variable("vt", "p", "township")
        + " WHERE p.PROC_DEF_KEY_ = '" + ENROLLMENTS + "' AND va.LONG_ = 1"
        + " AND p.END_TIME_ >= ? AND p.END_TIME_ < ?" + byTownship + " GROUP BY vg.TEXT_", rs -> {
          if (enrollments.containsKey(rs.getString("category"))) {
            enrollments.put(rs.getString("category"), rs.getLong("enrolled"));
          }
        }, caseRange);

    Deadlines deadlines = deadlines(caseRange, byTownship);
    List<OverdueStep> overdue = overdueSteps(caseRange, byTownship);

    List<TownshipFigures> townships = new ArrayList<>();
    for (CountyProperties.Township t : county.townships()) {
      if (township == null || township.equals(t.code())) {
        townships.add(new TownshipFigures(t.code(), t.name(), casesByTownship.getOrDefault(t.code(), new long[4])[0],
            householdsByTownship.getOrDefault(t.code(), 0L), paidByTownship.getOrDefault(t.code(), money(BigDecimal.ZERO))));
      }
    }
    List<CategoryFigures> categories = new ArrayList<>();
    for (Category c : Category.values()) {
      categories.add(new CategoryFigures(c.name(), c.label(), casesByCategory.getOrDefault(c.name(), new long[4])[0],
          paidByCategory.getOrDefault(c.name(), money(BigDecimal.ZERO))));
    }
    String place = township == null ? "" : county.byCode(township).map(CountyProperties.Township::name).orElse(township);
    return new Figures(year, township, batchNos.size(), List.copyOf(batchNos), households == null ? 0 : households,
        new Cases(all[0], all[1], all[2], all[3]), new Paid(total[0], bySource), townships, categories, byMonth,
        enrollments, deadlines, overdue, summary(place, year, batchNos.size(), households == null ? 0 : households,
            total[0], enrollments));
  }

  /** Cases reported and money paid per month of the county's calendar. */
  private List<MonthFigures> byMonth(int year, String township, String byTownship, String grants, String paidInYear) {
    StringBuilder caseMonth = new StringBuilder("CASE");
    StringBuilder paidMonth = new StringBuilder("CASE");
    List<Object> caseArgs = new ArrayList<>();
    List<Object> paidArgs = new ArrayList<>();
    for (int month = 1; month <= 12; month++) {
      Instant end = LocalDate.of(year, month, 1).plusMonths(1).atStartOfDay(clock.zone()).toInstant();
      caseMonth.append(" WHEN p.START_TIME_ < ? THEN ").append(month);
      paidMonth.append(" WHEN g.paid_at < ? THEN ").append(month);
      caseArgs.add(ts(end));
      paidArgs.add(Ledger.utc(end));
    }
    caseMonth.append(" END");
    paidMonth.append(" END");
    Instant from = clock.startOfYear(year);
    Instant to = clock.startOfYear(year + 1);
    caseArgs.addAll(List.of(ts(from), ts(to)));
    paidArgs.addAll(List.of(Ledger.utc(from), Ledger.utc(to)));
    if (township != null) {
      caseArgs.add(township);
      paidArgs.add(township);
    }
    long[] cases = new long[13];
    BigDecimal[] paid = new BigDecimal[13];
    jdbc.query("SELECT m, COUNT(*) AS reported FROM (SELECT " + caseMonth + " AS m FROM ACT_HI_PROCINST p"
        + variable("vt", "p", "township") + " WHERE p.PROC_DEF_KEY_ = '" + CASES
        + "' AND p.START_TIME_ >= ? AND p.START_TIME_ < ?" + byTownship + ") x GROUP BY m",
        rs -> {
          cases[rs.getInt("m")] = rs.getLong("reported");
        }, caseArgs.toArray());
    jdbc.query("SELECT m, SUM(amount) AS paid FROM (SELECT " + paidMonth + " AS m, g.amount AS amount" + grants
        + paidInYear + ") x GROUP BY m", rs -> {
          paid[rs.getInt("m")] = money(rs.getBigDecimal("paid"));
        }, paidArgs.toArray());
    List<MonthFigures> months = new ArrayList<>();
    for (int month = 1; month <= 12; month++) {
      months.add(new MonthFigures(month, cases[month], paid[month] == null ? money(BigDecimal.ZERO) : paid[month]));
    }
    return months;
  }

  private static final String TASKS = " FROM ACT_HI_TASKINST k JOIN ACT_HI_PROCINST p ON p.ID_ = k.PROC_INST_ID_"
      + variable("vt", "p", "township")
      + " WHERE k.PROC_DEF_KEY_ = '" + CASES + "' AND k.DUE_DATE_ IS NOT NULL"
      + " AND p.START_TIME_ >= ? AND p.START_TIME_ < ?";

  /** The steps with a deadline of the year's cases: done in time, done late, open and overdue now. */
  private Deadlines deadlines(Object[] caseRange, String byTownship) {
    List<Object> args = new ArrayList<>();
    args.add(ts(clock.now()));
    args.addAll(List.of(caseRange));
    return jdbc.queryForObject("SELECT"
        + " SUM(CASE WHEN k.END_TIME_ IS NOT NULL AND k.END_TIME_ <= k.DUE_DATE_ THEN 1 ELSE 0 END) AS on_time,"
        + " SUM(CASE WHEN k.END_TIME_ IS NOT NULL AND k.END_TIME_ > k.DUE_DATE_ THEN 1 ELSE 0 END) AS late,"
        + " SUM(CASE WHEN k.END_TIME_ IS NULL AND k.DUE_DATE_ < ? THEN 1 ELSE 0 END) AS open_overdue"
        + TASKS + byTownship, (rs, n) -> new Deadlines(rs.getLong("on_time"), rs.getLong("late"),
            rs.getLong("open_overdue")), args.toArray());
  }

  private List<OverdueStep> overdueSteps(Object[] caseRange, String byTownship) {
    List<Object> args = new ArrayList<>(List.of(caseRange));
    args.add(ts(clock.now()));
    return jdbc.query("SELECT p.BUSINESS_KEY_ AS case_no, k.TASK_DEF_KEY_ AS step, k.NAME_ AS name,"
        + " k.DUE_DATE_ AS due, vt.TEXT_ AS township" + TASKS + byTownship
        + " AND k.END_TIME_ IS NULL AND k.DUE_DATE_ < ? ORDER BY k.DUE_DATE_, k.ID_ FETCH FIRST " + OVERDUE_SHOWN
        + " ROWS ONLY", (rs, n) -> {
          String code = rs.getString("township");
          return new OverdueStep(rs.getString("case_no"), rs.getString("step"), rs.getString("name"),
              rs.getTimestamp("due").toInstant(), code,
              code == null ? null : county.byCode(code).map(CountyProperties.Township::name).orElse(code));
        }, args.toArray());
  }

  /** The sentence the article would print. */
  static String summary(String place, int year, long batches, long households, BigDecimal paid,
      Map<String, Long> enrollments) {
    String tenThousands = paid.divide(BigDecimal.valueOf(10_000), 2, RoundingMode.HALF_UP).toPlainString();
    StringBuilder s = new StringBuilder(place).append(year).append("年共开展").append(batches)
        .append("批次一事一议临时救助，为").append(households).append("户发放救助金").append(tenThousands).append("万元；");
    List<String> moved = new ArrayList<>();
    if (enrollments.get("DIBAO") > 0) {
      moved.add("新增" + enrollments.get("DIBAO") + "户纳入低保");
    }
    if (enrollments.get("DIBAO_EDGE") > 0) {
      moved.add((moved.isEmpty() ? "新增" : "") + enrollments.get("DIBAO_EDGE") + "户纳入低保边缘");
    }
    if (enrollments.get("TEKUN") > 0) {
      moved.add((moved.isEmpty() ? "新增" : "") + enrollments.get("TEKUN") + "户纳入特困供养");
    }
    s.append(moved.isEmpty() ? "暂无新增纳入低保或特困供养的家庭" : String.join("，", moved)).append("。");
    return s.toString();
  }

  private static void add(long[] into, long[] row) {
    for (int i = 0; i < into.length; i++) {
      into[i] += row[i];
    }
  }

  static BigDecimal money(BigDecimal amount) {
    return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
  }

  /** The engine writes its history's times as the JVM's local wall clock, as JDBC timestamps do. */
  static Timestamp ts(Instant instant) {
    return new Timestamp(instant.toEpochMilli());
  }

  /** The ledger's instants travel as OffsetDateTime (see cn.jiuji.ledger.Ledger). */
  static final class Ledger {
    private Ledger() {}

    static java.time.OffsetDateTime utc(Instant instant) {
      return instant.atOffset(java.time.ZoneOffset.UTC);
    }
  }
}
