package cn.jiuji.ledger;

import cn.jiuji.base.CountyClock;
import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a household was told (table {@code case_notification}): a rejection with its reason and the
 * right to object. One record per case and kind: a job that runs again tells nobody twice.
 */
@Component
public class Notifications {

  // a statement that cannot fail on a repeat: it keeps PostgreSQL's transaction usable, while the
  // unique key (case_no, kind) stays the guarantee
  private static final String INSERT_ONCE = """
      INSERT INTO case_notification (case_no, household_id, kind, message, created_at)
      SELECT CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),
             CAST(? AS TIMESTAMP)
      WHERE NOT EXISTS (SELECT 1 FROM case_notification WHERE case_no = ? AND kind = ?)
      """;

  private final JdbcTemplate jdbc;
  private final CountyClock clock;

  Notifications(JdbcTemplate jdbc, CountyClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records the message unless the case already has one of this kind. */
  public void notifyOnce(String caseNo, String householdId, String kind, String message) {
    jdbc.update(INSERT_ONCE, caseNo, householdId, kind, message,
        Timestamp.from(clock.now()), caseNo, kind);
  }

  /** The sentence every refusal ends with. */
  public static String rightToObject() {
    return "如对结果有异议，可自收到本告知之日起向县民政局提出复核申请。";
  }
}
