package cn.jiuji.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiuji.ApplicationTest;
import cn.jiuji.TestIds;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database itself keeps a month of monthly aid from being recorded twice (V17): whatever code
 * inserts, one row per case, source and month, and one row per case and source for a payment made once.
 */
@ApplicationTest
class MonthlyLedgerKeyTest {

  @Autowired JdbcTemplate jdbc;

  private void insert(String household, String caseNo, String source, int payMonth) {
    jdbc.update("INSERT INTO grant_ledger (household_id, case_no, source, amount, paid_at, approved_by, pay_month)"
        + " VALUES (?, ?, ?, 2500, ?, 'disabled1', ?)", household, caseNo, source,
        OffsetDateTime.of(2026, 7, 1, 1, 0, 0, 0, ZoneOffset.UTC), payMonth);
  }

  @Test
  void aMonthOfACaseAndSourceIsOneRowAndAOneOffPaymentTooWithoutANullMonth() {
    String household = TestIds.idNumber();
    insert(household, "YSYY-2026-00901", "DISABLED_FEDERATION", 202607);
    insert(household, "YSYY-2026-00901", "DISABLED_FEDERATION", 202608);
    insert(household, "YSYY-2026-00901", "CHARITY", 202607);
    assertThatThrownBy(() -> insert(household, "YSYY-2026-00901", "DISABLED_FEDERATION", 202607))
        .isInstanceOf(DataIntegrityViolationException.class);

    insert(household, "YSYY-2026-00901", "CIVIL_AFFAIRS_CASE", 0);
    assertThatThrownBy(() -> insert(household, "YSYY-2026-00901", "CIVIL_AFFAIRS_CASE", 0))
        .isInstanceOf(DataIntegrityViolationException.class);
    // a month is no NULL a UNIQUE key would let through twice, and no month 13
    assertThatThrownBy(() -> jdbc.update("INSERT INTO grant_ledger (household_id, case_no, source, amount, paid_at,"
        + " approved_by, pay_month) VALUES (?, 'YSYY-2026-00901', 'HOUSING', 1, CURRENT_TIMESTAMP, 'housing1', NULL)",
        household)).isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> insert(household, "YSYY-2026-00901", "HOUSING", 202613))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM grant_ledger WHERE case_no = 'YSYY-2026-00901'", Integer.class))
        .isEqualTo(4);
  }
}
