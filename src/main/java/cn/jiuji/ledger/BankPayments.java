package cn.jiuji.ledger;

import cn.jiuji.base.CountyClock;
import cn.jiuji.base.RuleBreak;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Grants paid through the bank (社会化发放, SPEC §8): sent in the payment list of their batch, marked
 * PAID or FAILED by the bank's return, sent again after a correction of the account.
 *
 * <p>A grant is PAID at most once, however often returns are imported and at whatever moment:
 * every change of status is a conditional {@code UPDATE ... WHERE status = ?}, so of two returns
 * racing for one grant the second finds it changed (on PostgreSQL its UPDATE waits for the first
 * to commit, then matches nothing) and reports the row as rejected. A return applies its changes
 * in the order of the grants' ids, so that two returns lock the same rows in the same order and
 * never deadlock. Callers share the transaction of the engine or of the request.
 */
@Component
public class BankPayments {

  private static final String INSERT_PAYMENT = """
      INSERT INTO bank_payment (grant_id, household_head, township, township_name, bank_account, bank_name)
      SELECT id, CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR)
      FROM grant_ledger g WHERE case_no = ? AND source = ?
        AND NOT EXISTS (SELECT 1 FROM bank_payment p WHERE p.grant_id = g.id)
      """;

  private static final String GRANTS_OF_BATCH = """
      SELECT g.id, g.case_no, g.household_id, g.amount, g.status, g.paid_at, g.approved_by, g.source,
             p.household_head, p.township, p.township_name, p.bank_account, p.bank_name, p.failure_reason
      FROM grant_ledger g JOIN bank_payment p ON p.grant_id = g.id
      WHERE g.batch_no = ?
      """;

  private final JdbcTemplate jdbc;
  private final Ledger ledger;
  private final CountyClock clock;

  BankPayments(JdbcTemplate jdbc, Ledger ledger, CountyClock clock) {
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** Whom the bank pays: the household head, the township and the account as the case holds them. */
  public record Payee(String householdHead, String township, String townshipName, String bankAccount,
      String bankName) {}

  /** One row of a payment list (发放花名册). */
  public record PaymentOrder(String caseNo, String householdHead, String idNumber, String bankAccount,
      String bankName, BigDecimal amount, String townshipName) {}

  /** One row of the bank's return, read and checked for form already. */
  public record ReturnLine(long row, String caseNo, String bankAccount, BigDecimal amount, boolean paid,
      String failureReason) {}

  /** A row of a return that changed nothing, and why. */
  public record RejectedLine(long row, String reason) {}

  /** A grant the bank could not pay, with what its correction needs. */
  public record FailedPayment(String caseNo, String reason, Payee payee, BigDecimal amount) {}

  /** What a return changed. */
  public record ReturnOutcome(int paid, List<FailedPayment> failed, List<RejectedLine> rejected) {}

  /**
   * Records the grant as SENT in the payment list of {@code batchNo}, with its payee; once, as
   * {@link Ledger#send}. Returns true when it was recorded now.
   */
  public boolean send(GrantRecord grant, String batchNo, Payee payee) {
    boolean recorded = ledger.send(grant, batchNo);
    jdbc.update(INSERT_PAYMENT, payee.householdHead(), payee.township(), payee.townshipName(),
        payee.bankAccount(), payee.bankName(), grant.caseNo(), grant.source().name());
    return recorded;
  }

  /** Whether the case has a grant the bank could not pay. */
  public boolean hasFailed(String caseNo) {
    return !jdbc.queryForList("SELECT id FROM grant_ledger WHERE case_no = ? AND status = 'FAILED'", Long.class,
        caseNo).isEmpty();
  }

  /** Whether any grant was ever sent in this batch. */
  public boolean batchExists(String batchNo) {
    return !jdbc.queryForList("SELECT id FROM grant_ledger WHERE batch_no = ? FETCH FIRST 1 ROWS ONLY",
        Long.class, batchNo).isEmpty();
  }

  /** The payment list of a batch: every grant still to be paid (SENT), by case number. */
  public List<PaymentOrder> paymentList(String batchNo) {
    return jdbc.query(GRANTS_OF_BATCH + " AND g.status = 'SENT' ORDER BY g.case_no",
        (rs, n) -> new PaymentOrder(rs.getString("case_no"), rs.getString("household_head"),
            rs.getString("household_id"), rs.getString("bank_account"), rs.getString("bank_name"),
            rs.getBigDecimal("amount"), rs.getString("township_name")),
        batchNo);
  }

  /** The money of a batch by status: sent = paid + failed + still sent. */
  public Map<GrantStatus, BigDecimal> totals(String batchNo) {
    Map<GrantStatus, BigDecimal> totals = new EnumMap<>(GrantStatus.class);
    for (GrantStatus status : GrantStatus.values()) {
      totals.put(status, BigDecimal.ZERO.setScale(2));
    }
    jdbc.query("SELECT status, SUM(amount) AS total FROM grant_ledger WHERE batch_no = ? GROUP BY status",
        rs -> {
          totals.put(GrantStatus.valueOf(rs.getString("status")), rs.getBigDecimal("total"));
        }, batchNo);
    return totals;
  }

  /** The account the bank pays the case's grant to now, if the case has a grant through the bank. */
  public Optional<Payee> payee(String caseNo) {
    return jdbc.query("SELECT p.household_head, p.township, p.township_name, p.bank_account, p.bank_name"
            + " FROM bank_payment p JOIN grant_ledger g ON g.id = p.grant_id WHERE g.case_no = ? ORDER BY g.id",
        (rs, n) -> new Payee(rs.getString("household_head"), rs.getString("township"),
            rs.getString("township_name"), rs.getString("bank_account"), rs.getString("bank_name")),
        caseNo).stream().findFirst();
  }

  private record Sent(long id, String caseNo, String householdId, BigDecimal amount, GrantStatus status,
      Payee payee, String failureReason) {}

  /**
   * Applies the bank's return for one batch: each line that matches a SENT grant of the batch by
   * case number, account and amount makes it PAID or FAILED; any other line is rejected with its
   * row number and the reason, and changes nothing.
   */
  public ReturnOutcome applyReturn(String batchNo, List<ReturnLine> lines, String userId) {
    Map<String, Sent> grants = new HashMap<>();
    jdbc.query(GRANTS_OF_BATCH, rs -> {
      Payee payee = new Payee(rs.getString("household_head"), rs.getString("township"),
          rs.getString("township_name"), rs.getString("bank_account"), rs.getString("bank_name"));
      grants.put(rs.getString("case_no"), new Sent(rs.getLong("id"), rs.getString("case_no"),
          rs.getString("household_id"), rs.getBigDecimal("amount"), GrantStatus.valueOf(rs.getString("status")),
          payee, rs.getString("failure_reason")));
    }, batchNo);
    List<RejectedLine> rejected = new ArrayList<>();
    List<Map.Entry<ReturnLine, Sent>> accepted = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ReturnLine line : lines) {
      Sent grant = grants.get(line.caseNo());
      String reason = reasonToReject(batchNo, line, grant, seen);
      if (reason != null) {
        rejected.add(new RejectedLine(line.row(), reason));
      } else {
        accepted.add(Map.entry(line, grant));
      }
    }
    accepted.sort(Comparator.comparingLong(entry -> entry.getValue().id()));
    var now = Ledger.utc(clock.now());
    int paid = 0;
    List<FailedPayment> failed = new ArrayList<>();
    for (var entry : accepted) {
      ReturnLine line = entry.getKey();
      Sent grant = entry.getValue();
      GrantStatus outcome = line.paid() ? GrantStatus.PAID : GrantStatus.FAILED;
      int changed = jdbc.update("UPDATE grant_ledger SET status = ? WHERE id = ? AND status = 'SENT'",
          outcome.name(), grant.id());
      if (changed == 0) {
        rejected.add(new RejectedLine(line.row(), "案件 " + line.caseNo()
            + " 的这笔发放刚刚已由同时导入的另一份回盘处理，本行未作更改"));
        continue;
      }
      jdbc.update("UPDATE bank_payment SET failure_reason = ?, returned_at = ?, returned_by = ? WHERE grant_id = ?",
          line.paid() ? null : line.failureReason(), now, userId, grant.id());
      if (line.paid()) {
        paid++;
      } else {
        failed.add(new FailedPayment(grant.caseNo(), line.failureReason(), grant.payee(), grant.amount()));
      }
    }
    rejected.sort(Comparator.comparingLong(RejectedLine::row));
    failed.sort(Comparator.comparing(FailedPayment::caseNo));
    return new ReturnOutcome(paid, failed, rejected);
  }

  private static String reasonToReject(String batchNo, ReturnLine line, Sent grant, Set<String> seen) {
    if (grant == null) {
      return "批次 " + batchNo + " 的发放花名册中没有案件 " + line.caseNo();
    }
    if (!seen.add(line.caseNo())) {
      return "案件 " + line.caseNo() + " 在回盘文件中重复出现，只按第一次出现的行处理";
    }
    if (grant.status() == GrantStatus.PAID) {
      return "案件 " + line.caseNo() + " 的救助金已确认发放成功，不能再次回盘";
    }
    if (grant.status() == GrantStatus.FAILED) {
      return "案件 " + line.caseNo() + " 的救助金已回盘为发放失败，须待乡镇更正发放信息后随下一份花名册重新发放";
    }
    if (grant.amount().compareTo(line.amount()) != 0) {
      return "回盘金额 " + plain(line.amount()) + " 元与发放花名册中案件 " + line.caseNo() + " 的金额 "
          + plain(grant.amount()) + " 元不符";
    }
    if (!Objects.equals(grant.payee().bankAccount(), line.bankAccount())) {
      return "回盘银行账号与发放花名册中案件 " + line.caseNo() + " 的银行账号不符";
    }
    return null;
  }

  /**
   * Sends a FAILED grant again, to the corrected account: it is SENT in its batch once more and
   * appears in the batch's next payment list. It counts against the annual cap again, so the cap
   * is checked again under the household's lock.
   *
   * @throws RuleBreak (conflict) when the grant is not FAILED, or the cap no longer has room for it
   */
  public void resend(String caseNo, String bankAccount, String bankName) {
    record Failed(long id, GrantRecord grant) {}
    List<Failed> found = jdbc.query("SELECT g.id, g.household_id, g.amount, g.paid_at, g.approved_by, g.source"
            + " FROM grant_ledger g JOIN bank_payment p ON p.grant_id = g.id WHERE g.case_no = ? AND g.status = 'FAILED'",
        (rs, n) -> new Failed(rs.getLong("id"), new GrantRecord(rs.getString("household_id"), caseNo,
            GrantSource.valueOf(rs.getString("source")), rs.getBigDecimal("amount"),
            rs.getObject("paid_at", OffsetDateTime.class).toInstant(), rs.getString("approved_by"))),
        caseNo);
    if (found.isEmpty()) {
      throw RuleBreak.conflict("案件 " + caseNo + " 没有发放失败的救助金，无需更正发放信息");
    }
    for (Failed failed : found) {
      int year = clock.yearOf(failed.grant().paidAt());
      ledger.lockHouseholdYear(failed.grant().householdId(), year);
      ledger.checkCap(failed.grant(), year);
      if (jdbc.update("UPDATE grant_ledger SET status = 'SENT' WHERE id = ? AND status = 'FAILED'", failed.id()) == 1) {
        jdbc.update("UPDATE bank_payment SET bank_account = ?, bank_name = ?, times_sent = times_sent + 1,"
            + " failure_reason = NULL, returned_at = NULL, returned_by = NULL WHERE grant_id = ?",
            bankAccount, bankName, failed.id());
      }
    }
  }

  private static String plain(BigDecimal amount) {
    return amount.stripTrailingZeros().toPlainString();
  }
}
