package cn.jiuji.meeting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The batches (批次) of SPEC §8 in the database: {@code batchNo} = {@code YYYY-NN}, numbered per
 * calendar year of the county, and the cases of each. Numbers come from the year's row in
 * {@code batch_year}, incremented in the meeting's transaction: two meetings at the same moment
 * on two nodes wait for each other's row lock, and a refused meeting's rollback gives its number
 * back. A case is in at most one batch (primary key of {@code batch_case}).
 */
@Component
public class Batches {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  Batches(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** One case of a batch. */
  public record BatchCase(String caseNo, String processInstanceId, boolean approved) {}

  /** Opens the next batch of the year, in the caller's transaction; returns its number. */
  public String open(int year, String meetingInstanceId, LocalDate meetingDate, String meetingTitle,
      Instant decidedAt, String decidedBy) {
    ensureYear(year);
    jdbc.update("UPDATE batch_year SET last_seq = last_seq + 1 WHERE batch_year = ?", year);
    int seq = jdbc.queryForObject("SELECT last_seq FROM batch_year WHERE batch_year = ?", Integer.class, year);
    String batchNo = String.format("%d-%02d", year, seq);
    jdbc.update("INSERT INTO meeting_batch (batch_no, batch_year, seq, meeting_instance_id, meeting_date,"
        + " meeting_title, decided_at, decided_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        batchNo, year, seq, meetingInstanceId, java.sql.Date.valueOf(meetingDate), meetingTitle,
        Timestamp.from(decidedAt), decidedBy);
    return batchNo;
  }

  /** The cases of the given ones that are in a batch already. */
  public List<String> alreadyInBatch(Collection<String> caseNos) {
    List<String> found = new ArrayList<>();
    List<String> all = new ArrayList<>(caseNos);
    for (int from = 0; from < all.size(); from += 500) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      found.addAll(jdbc.queryForList("SELECT case_no FROM batch_case WHERE case_no IN (" + marks + ")",
          String.class, chunk.toArray()));
    }
    return found;
  }

  public void addCases(String batchNo, List<BatchCase> cases) {
    jdbc.batchUpdate("INSERT INTO batch_case (case_no, batch_no, process_instance_id, approved) VALUES (?, ?, ?, ?)",
        cases, 500, (statement, c) -> {
          statement.setString(1, c.caseNo());
          statement.setString(2, batchNo);
          statement.setString(3, c.processInstanceId());
          statement.setBoolean(4, c.approved());
        });
  }

  /** The cases of a batch, by case number. */
  public List<BatchCase> cases(String batchNo) {
    return jdbc.query("SELECT case_no, process_instance_id, approved FROM batch_case WHERE batch_no = ? ORDER BY case_no",
        (rs, row) -> new BatchCase(rs.getString(1), rs.getString(2), rs.getBoolean(3)), batchNo);
  }

  /** The batch a case was decided in, or null. */
  public String batchOf(String caseNo) {
    return jdbc.query("SELECT batch_no FROM batch_case WHERE case_no = ?",
        rs -> rs.next() ? rs.getString(1) : null, caseNo);
  }

  /**
   * The year's row, created in a transaction of its own so that the first two meetings of a year
   * do not both insert it in theirs; whoever loses the race finds it there.
   */
  private void ensureYear(int year) {
    Integer known = jdbc.query("SELECT COUNT(*) FROM batch_year WHERE batch_year = ?",
        rs -> rs.next() ? rs.getInt(1) : 0, year);
    if (known != null && known > 0) {
      return;
    }
    try {
      ownTransaction.executeWithoutResult(status ->
          jdbc.update("INSERT INTO batch_year (batch_year, last_seq) VALUES (?, 0)", year));
    } catch (DuplicateKeyException raced) {
      // created by the other meeting meanwhile
    }
  }
}
