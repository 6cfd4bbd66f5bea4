package cn.jiuji.ledger;

import cn.jiuji.base.CountyClock;
import cn.jiuji.base.RuleBreak;
import cn.jiuji.decision.PolicyProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The family ledger (table {@code grant_ledger}, migration V1): all civil-affairs money paid to a
 * household, the base of the family annual cap (SPEC §2), and the cap overrides with their reasons.
 *
 * <p>Called from delegates, it shares the engine's Spring-managed transaction. On PostgreSQL a
 * failed statement aborts the whole transaction, so nothing here relies on catching a constraint
 * violation: inserts are {@code INSERT ... SELECT ... WHERE NOT EXISTS}, which inserts nothing for
 * a payment already recorded, and the unique keys stay the guarantee should two transactions
 * race (the loser fails and its job is retried, then finds the row).
 *
 * <p>The parameters of an {@code INSERT ... SELECT} need a type on H2; strings are cast to
 * unbounded VARCHAR on purpose: a cast to the column's length would cut an overlong value short
 * silently (on both databases), where the column itself refuses it.
 */
@Component
public class Ledger {

  private static final String INSERT_GRANT = """
      INSERT INTO grant_ledger (household_id, case_no, source, amount, paid_at, approved_by)
      SELECT CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),
             CAST(? AS NUMERIC(12, 2)), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR)
      WHERE NOT EXISTS (SELECT 1 FROM grant_ledger WHERE case_no = ? AND source = ?)
      """;

  private static final String INSERT_CAP_OVERRIDE = """
      INSERT INTO cap_override (household_id, case_no, amount, reason, approved_by)
      SELECT CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS NUMERIC(12, 2)),
             CAST(? AS VARCHAR), CAST(? AS VARCHAR)
      WHERE NOT EXISTS (SELECT 1 FROM cap_override WHERE case_no = ?)
      """;

  private final JdbcTemplate jdbc;
  private final PolicyProperties policy;
  private final CountyClock clock;

  Ledger(JdbcTemplate jdbc, PolicyProperties policy, CountyClock clock) {
    this.jdbc = jdbc;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * Records a payment once. Returns true when it was recorded now, false when this case already
   * has a payment from this source (a retried job): the caller must not pay again.
   */
  public boolean record(GrantRecord grant) {
    return jdbc.update(INSERT_GRANT,
        grant.householdId(), grant.caseNo(), grant.source().name(), grant.amount(),
        utc(grant.paidAt()), grant.approvedBy(),
        grant.caseNo(), grant.source().name()) == 1;
  }

  /** Everything paid to the household in the county's calendar year, yuan. */
  public BigDecimal paidInYear(String householdId, int year) {
    OffsetDateTime from = utc(clock.startOfYear(year));
    OffsetDateTime to = utc(clock.startOfYear(year + 1));
    BigDecimal paid = jdbc.queryForObject(
        "SELECT COALESCE(SUM(amount), 0) FROM grant_ledger"
            + " WHERE household_id = ? AND paid_at >= ? AND paid_at < ?",
        BigDecimal.class, householdId, from, to);
    return paid.setScale(2, RoundingMode.UNNECESSARY);
  }

  /**
   * What the household may still receive in the year under the annual cap, whole yuan, never
   * below zero. Rounded down: a remainder of 99.50 offers 99, never more than the cap allows.
   */
  public long capRemaining(String householdId, int year) {
    BigDecimal remaining = BigDecimal.valueOf(policy.annualCap()).subtract(paidInYear(householdId, year));
    return Math.max(0, remaining.setScale(0, RoundingMode.FLOOR).longValueExact());
  }

  /** The payments of one case, oldest first. */
  public List<Grant> grantsOfCase(String caseNo) {
    return jdbc.query(
        "SELECT source, amount, paid_at, approved_by FROM grant_ledger WHERE case_no = ? ORDER BY paid_at, id",
        (rs, row) -> new Grant(GrantSource.valueOf(rs.getString("source")), rs.getBigDecimal("amount"),
            instant(rs, "paid_at"), rs.getString("approved_by")),
        caseNo);
  }

  /**
   * Records the leading group's decision to exceed the annual cap in a case; a written reason is
   * required (SPEC §2). Recording the same case again (a retried job) keeps the first record.
   */
  public void recordCapOverride(String householdId, String caseNo, BigDecimal amount, String reason,
      String approvedBy) {
    if (reason == null || reason.isBlank()) {
      throw RuleBreak.badRequest("突破家庭年度救助上限须经领导小组同意并填写书面理由，理由不能为空");
    }
    jdbc.update(INSERT_CAP_OVERRIDE, householdId, caseNo, amount, reason.strip(), approvedBy, caseNo);
  }

  /** The cap override of a case, if the leading group made one. */
  public Optional<CapOverride> capOverride(String caseNo) {
    return jdbc.query(
        "SELECT household_id, case_no, amount, reason, approved_by, created_at FROM cap_override WHERE case_no = ?",
        (rs, row) -> new CapOverride(rs.getString("household_id"), rs.getString("case_no"),
            rs.getBigDecimal("amount"), rs.getString("reason"), rs.getString("approved_by"),
            instant(rs, "created_at")),
        caseNo).stream().findFirst();
  }

  // Instants travel as OffsetDateTime: both H2 and the PostgreSQL driver map it to
  // TIMESTAMP WITH TIME ZONE, which java.time.Instant is not on every driver.
  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }
}
