package cn.jiuji.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The departments' monthly aid to cases (table {@code monthly_aid}, SPEC §9): what was decided
 * (how much a month, for how many months, from which month) and whether it was stopped early. The
 * months paid are the ledger's rows ({@link Ledger#recordMonth}); this is the plan beside them,
 * which the case summary shows as {@code package.monthly}.
 */
@Component
public class MonthlyAidPlans {

  /** A plan as the case summary shows it. */
  public record Plan(GrantSource source, BigDecimal monthlyAmount, int months, YearMonth firstMonth,
      int paidMonths, Instant stoppedAt, String stopReason) {}

  // a repeat (a retried job) inserts nothing and keeps PostgreSQL's transaction usable; the
  // unique key (case_no, source) stays the guarantee
  private static final String INSERT_ONCE = """
      INSERT INTO monthly_aid (case_no, household_id, source, monthly_amount, months, first_month, decided_by, decided_at)
      SELECT CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS NUMERIC(12, 2)),
             CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS VARCHAR), CAST(? AS TIMESTAMP WITH TIME ZONE)
      WHERE NOT EXISTS (SELECT 1 FROM monthly_aid WHERE case_no = ? AND source = ?)
      """;

  private final JdbcTemplate jdbc;
  private final Ledger ledger;

  MonthlyAidPlans(JdbcTemplate jdbc, Ledger ledger) {
    this.jdbc = jdbc;
    this.ledger = ledger;
  }

  public void plan(String caseNo, String householdId, GrantSource source, BigDecimal monthlyAmount, int months,
      YearMonth firstMonth, String decidedBy, Instant decidedAt) {
    jdbc.update(INSERT_ONCE, caseNo, householdId, source.name(), monthlyAmount, months, yyyymm(firstMonth),
        decidedBy, decidedAt.atOffset(java.time.ZoneOffset.UTC), caseNo, source.name());
  }

  /** The department stopped its monthly aid early; the months already paid stand. */
  public void stop(String caseNo, GrantSource source, String reason, String stoppedBy, Instant stoppedAt) {
    jdbc.update("UPDATE monthly_aid SET stopped_at = ?, stop_reason = ?, stopped_by = ?"
            + " WHERE case_no = ? AND source = ? AND stopped_at IS NULL",
        stoppedAt.atOffset(java.time.ZoneOffset.UTC), reason, stoppedBy, caseNo, source.name());
  }

  /** The monthly aid of a case, in the order it was decided. */
  public List<Plan> ofCase(String caseNo) {
    return jdbc.query("SELECT source, monthly_amount, months, first_month, stopped_at, stop_reason"
            + " FROM monthly_aid WHERE case_no = ? ORDER BY decided_at, id",
        (rs, row) -> {
          GrantSource source = GrantSource.valueOf(rs.getString("source"));
          java.time.OffsetDateTime stopped = rs.getObject("stopped_at", java.time.OffsetDateTime.class);
          int first = rs.getInt("first_month");
          return new Plan(source, rs.getBigDecimal("monthly_amount"), rs.getInt("months"),
              YearMonth.of(first / 100, first % 100), ledger.paidMonths(caseNo, source),
              stopped == null ? null : stopped.toInstant(), rs.getString("stop_reason"));
        },
        caseNo);
  }

  static int yyyymm(YearMonth month) {
    return month.getYear() * 100 + month.getMonthValue();
  }
}
