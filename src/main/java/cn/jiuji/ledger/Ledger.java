package cn.jiuji.ledger;

import cn.jiuji.base.CountyClock;
import cn.jiuji.base.FormValues;
import cn.jiuji.base.RuleBreak;
import cn.jiuji.decision.PolicyProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The family ledger (table {@code grant_ledger}, migration V1): all money paid to a household in
 * its cases, the civil-affairs money among it the base of the family annual cap (SPEC §2, §9;
 * partner departments' money is recorded, never capped), and the cap overrides with their reasons.
 *
 * <p>Called from delegates, it shares the engine's Spring-managed transaction. On PostgreSQL a
 * failed statement aborts the whole transaction, so nothing here relies on catching a constraint
 * violation: inserts are {@code INSERT ... SELECT ... WHERE NOT EXISTS}, which inserts nothing for
 * a payment already recorded, and the unique keys stay the guarantee should two transactions
 * race (the loser fails and its job is retried, then finds the row).
 *
 * <p>The annual cap holds for every payment, whichever node makes it: {@link #record} locks the
 * household's row of the year in {@code household_year} ({@code SELECT ... FOR UPDATE}), then
 * sums the year and inserts in the same transaction. A second payment of the household waits for
 * the first to commit and then sees it; check and insert are never apart.
 *
 * <p>The parameters of an {@code INSERT ... SELECT} need a type on H2; strings are cast to
 * unbounded VARCHAR on purpose: a cast to the column's length would cut an overlong value short
 * silently (on both databases), where the column itself refuses it.
 */
@Component
public class Ledger {

  private static final String INSERT_GRANT = """
      INSERT INTO grant_ledger (household_id, case_no, source, amount, paid_at, approved_by, pay_month, status, batch_no)
      SELECT CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),
             CAST(? AS NUMERIC(12, 2)), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR),
             CAST(? AS INTEGER), CAST(? AS VARCHAR), CAST(? AS VARCHAR)
      WHERE NOT EXISTS (SELECT 1 FROM grant_ledger WHERE case_no = ? AND source = ? AND pay_month = ?)
      """;

  private static final String INSERT_CAP_OVERRIDE = """
      INSERT INTO cap_override (household_id, case_no, amount, reason, approved_by)
      SELECT CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS NUMERIC(12, 2)),
             CAST(? AS VARCHAR), CAST(? AS VARCHAR)
      WHERE NOT EXISTS (SELECT 1 FROM cap_override WHERE case_no = ?)
      """;

  private static final String INSERT_HOUSEHOLD_YEAR = """
      INSERT INTO household_year (household_id, cap_year)
      SELECT CAST(? AS VARCHAR), CAST(? AS INTEGER)
      WHERE NOT EXISTS (SELECT 1 FROM household_year WHERE household_id = ? AND cap_year = ?)
      """;

  private static final String LOCK_HOUSEHOLD_YEAR =
      "SELECT cap_year FROM household_year WHERE household_id = ? AND cap_year = ? FOR UPDATE";

  /** {@code pay_month} of a payment made once (monthly ones carry their month, yyyymm). */
  static final int ONCE = 0;

  /** The money the cap and the case summary count (SPEC §8): sent to the bank or paid, not failed. */
  static final String COUNTED = " AND status IN ('SENT', 'PAID')";

  private final JdbcTemplate jdbc;
  private final PolicyProperties policy;
  private final CapProperties capped;
  private final CountyClock clock;
  private final TransactionTemplate ownTransaction;

  Ledger(JdbcTemplate jdbc, PolicyProperties policy, CapProperties capped, CountyClock clock,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.policy = policy;
    this.capped = capped;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Records a payment once, within the household's annual cap, as paid at once (PAID). Returns
   * true when it was recorded now, false when this case already has a payment from this source (a
   * retried job): the caller must not pay again.
   *
   * @throws RuleBreak (conflict) when the payment would take the household's payments of the
   *     year over the annual cap and the leading group has recorded no override for the case that
   *     covers it: nothing is recorded, and the payment job fails with the message
   */
  public boolean record(GrantRecord grant) {
    return insert(grant, ONCE, GrantStatus.PAID, null);
  }

  /**
   * Records one month of a department's monthly aid once (SPEC §9): one row per case, source and
   * month, however often the job runs; false when the month was recorded already. Within the
   * annual cap like any payment when its source is one the cap counts.
   */
  public boolean recordMonth(GrantRecord grant, YearMonth month) {
    return insert(grant, MonthlyAidPlans.yyyymm(month), GrantStatus.PAID, null);
  }

  /**
   * Records a payment sent to the bank in the payment list of {@code batchNo} (SENT, SPEC §8): as
   * {@link #record}, the same cap and the same once-only rule; the bank's return makes it PAID or
   * FAILED ({@link BankPayments}).
   */
  public boolean send(GrantRecord grant, String batchNo) {
    return insert(grant, ONCE, GrantStatus.SENT, Objects.requireNonNull(batchNo, "batchNo"));
  }

  private boolean insert(GrantRecord grant, int payMonth, GrantStatus status, String batchNo) {
    int year = clock.yearOf(grant.paidAt());
    lockHouseholdYear(grant.householdId(), year);
    if (recorded(grant.caseNo(), grant.source(), payMonth)) {
      return false;
    }
    checkCap(grant, year);
    return jdbc.update(INSERT_GRANT,
        grant.householdId(), grant.caseNo(), grant.source().name(), grant.amount(),
        utc(grant.paidAt()), grant.approvedBy(), payMonth, status.name(), batchNo,
        grant.caseNo(), grant.source().name(), payMonth) == 1;
  }

  /** Refuses a payment that would go over the cap without an override; call under the household's lock. */
  void checkCap(GrantRecord grant, int year) {
    BigDecimal paid = paidInYear(grant.householdId(), year);
    BigDecimal cap = BigDecimal.valueOf(policy.annualCap());
    if (capped.capped(grant.source()) && paid.add(grant.amount()).compareTo(cap) > 0 && !overrideCovers(grant)) {
      throw RuleBreak.conflict("案件 " + grant.caseNo() + " 的" + grant.source().label() + " "
          + plain(grant.amount()) + " 元未发放：该家庭 " + year + " 年已获救助 " + plain(paid)
          + " 元，再发将超过家庭年度救助上限 " + cap + " 元，且没有县社会救助领导小组突破上限的决定");
    }
  }

  /**
   * Waits until no other transaction holds the household's year, and holds it until this one
   * ends. The row is created in a transaction of its own, so that two first payments racing to
   * create it do not fail the payment itself (the loser of that race finds the row).
   */
  void lockHouseholdYear(String householdId, int year) {
    if (jdbc.queryForList(LOCK_HOUSEHOLD_YEAR, Integer.class, householdId, year).isEmpty()) {
      try {
        ownTransaction.executeWithoutResult(status ->
            jdbc.update(INSERT_HOUSEHOLD_YEAR, householdId, year, householdId, year));
      } catch (DuplicateKeyException createdMeanwhile) {
        // another payment of the household created it a moment ago: it is there now
      }
      jdbc.queryForObject(LOCK_HOUSEHOLD_YEAR, Integer.class, householdId, year);
    }
  }

  private boolean recorded(String caseNo, GrantSource source, int payMonth) {
    return !jdbc.queryForList("SELECT id FROM grant_ledger WHERE case_no = ? AND source = ? AND pay_month = ?",
        Long.class, caseNo, source.name(), payMonth).isEmpty();
  }

  /** How many months of a case's monthly aid from this source are recorded. */
  public int paidMonths(String caseNo, GrantSource source) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM grant_ledger WHERE case_no = ? AND source = ? AND pay_month <> ?",
        Integer.class, caseNo, source.name(), ONCE);
  }

  /** The sources the annual cap counts, as SQL: {@code source IN ('CIVIL_AFFAIRS_CASE', ...)}. */
  private String cappedSql() {
    // enum names only, never user input
    return "source IN (" + String.join(", ", capped.cappedSources().stream().map(s -> "'" + s.name() + "'").toList()) + ")";
  }

  /** The leading group decided to exceed the cap in this case, up to the amount it approved. */
  private boolean overrideCovers(GrantRecord grant) {
    return capOverride(grant.caseNo()).map(override -> {
      BigDecimal paidInCase = jdbc.queryForObject(
          "SELECT COALESCE(SUM(amount), 0) FROM grant_ledger WHERE case_no = ? AND " + cappedSql() + COUNTED,
          BigDecimal.class, grant.caseNo());
      return paidInCase.add(grant.amount()).compareTo(override.amount()) <= 0;
    }).orElse(false);
  }

  private static String plain(BigDecimal amount) {
    return amount.stripTrailingZeros().toPlainString();
  }

  /**
   * The civil-affairs money paid or sent to the household in the county's calendar year, yuan: what
   * the annual cap counts ({@code jiuji.policy.capped-sources}); partner departments' money is not,
   * nor money the bank failed to pay until it is sent again.
   */
  public BigDecimal paidInYear(String householdId, int year) {
    OffsetDateTime from = utc(clock.startOfYear(year));
    OffsetDateTime to = utc(clock.startOfYear(year + 1));
    BigDecimal paid = jdbc.queryForObject(
        "SELECT COALESCE(SUM(amount), 0) FROM grant_ledger"
            + " WHERE household_id = ? AND paid_at >= ? AND paid_at < ? AND " + cappedSql() + COUNTED,
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
        "SELECT source, amount, paid_at, approved_by, status, batch_no FROM grant_ledger WHERE case_no = ?"
            + " ORDER BY paid_at, id",
        (rs, row) -> new Grant(GrantSource.valueOf(rs.getString("source")), rs.getBigDecimal("amount"),
            instant(rs, "paid_at"), rs.getString("approved_by"), GrantStatus.valueOf(rs.getString("status")),
            rs.getString("batch_no")),
        caseNo);
  }

  /**
   * Records the leading group's decision to exceed the annual cap in a case; a written reason is
   * required (SPEC §2). Recording the same case again (a retried job) keeps the first record.
   */
  public void recordCapOverride(String householdId, String caseNo, BigDecimal amount, String reason,
      String approvedBy) {
    if (FormValues.isBlank(reason)) {
      throw RuleBreak.badRequest("突破家庭年度救助上限须经领导小组同意并填写书面理由，理由不能为空");
    }
    jdbc.update(INSERT_CAP_OVERRIDE, householdId, caseNo, amount, FormValues.stripped(reason), approvedBy, caseNo);
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
  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }
}
