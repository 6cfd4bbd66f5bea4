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

  /**
   * What a household is told when its application was turned down at a step: the step, the
   * reason and its right to ask for a review.
   */
  public static String rejection(String householdHead, String application, String caseNo, String step,
      String reason) {
    return String.format("%s：您家的%s（案件编号 %s）在“%s”环节未获通过。理由：%s。"
        + "如对结果有异议，可自收到本告知之日起向县民政局提出复核申请。",
        householdHead, application, caseNo, step, reason);
  }
}
