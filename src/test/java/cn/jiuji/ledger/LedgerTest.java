package cn.jiuji.ledger;

import static cn.jiuji.ledger.GrantSource.CIVIL_AFFAIRS_CASE;
import static cn.jiuji.ledger.GrantSource.TOWNSHIP_ADVANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiuji.ApplicationTest;
import cn.jiuji.base.RuleBreak;
import cn.jiuji.decision.PolicyProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The family ledger on the real database (H2, or PostgreSQL with -Ppostgres). */
@ApplicationTest
class LedgerTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final int YEAR = 2031;

  @Autowired Ledger ledger;
  @Autowired PolicyProperties policy;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void capRemainingFallsWithEveryGrantOfTheYearAndNeverBelowZero() {
    String household = newHouseholdId();
    String firstCase = newCaseNo();
    String secondCase = newCaseNo();
    long cap = policy.annualCap();
    assertThat(ledger.capRemaining(household, YEAR)).isEqualTo(cap);

    ledger.record(grant(household, firstCase, TOWNSHIP_ADVANCE, "5000", at(YEAR, 3, 1)));
    assertThat(ledger.capRemaining(household, YEAR)).isEqualTo(cap - 5000);

    ledger.record(grant(household, firstCase, CIVIL_AFFAIRS_CASE, "14900", at(YEAR, 4, 20)));
    assertThat(ledger.capRemaining(household, YEAR)).isEqualTo(cap - 19900);

    // a second case of the same household in the same year counts against the same cap
    ledger.record(grant(household, secondCase, CIVIL_AFFAIRS_CASE, "20000.50", at(YEAR, 9, 2)));
    assertThat(ledger.paidInYear(household, YEAR)).isEqualByComparingTo("39900.50");
    // 99.50 left: forms offer whole yuan, never more than the cap allows
    assertThat(ledger.capRemaining(household, YEAR)).isEqualTo(cap - 39901);

    // beyond the cap only with the leading group's recorded override (SPEC §2, §12)
    String overridden = newCaseNo();
    ledger.recordCapOverride(household, overridden, new BigDecimal("3000"), "领导小组集体研究同意", "group1");
    ledger.record(grant(household, overridden, CIVIL_AFFAIRS_CASE, "3000", at(YEAR, 11, 30)));
    assertThat(ledger.paidInYear(household, YEAR)).isEqualByComparingTo("42900.50");
    assertThat(ledger.capRemaining(household, YEAR)).isZero();
  }

  @Test
  void anotherHouseholdsGrantsDoNotCount() {
    String household = newHouseholdId();
    ledger.record(grant(newHouseholdId(), newCaseNo(), CIVIL_AFFAIRS_CASE, "19900", at(YEAR, 5, 5)));
    assertThat(ledger.paidInYear(household, YEAR)).isEqualByComparingTo("0");
    assertThat(ledger.capRemaining(household, YEAR)).isEqualTo(policy.annualCap());
  }

  @Test
  void theCalendarYearEndsAtMidnightShanghaiTime() {
    String household = newHouseholdId();
    // 23:59:59 on New Year's Eve in Shanghai is 15:59:59 UTC; midnight is 16:00 UTC, still
    // 31 December in UTC: a UTC-based year would count both in the old year
    Instant lastSecondOfOldYear = LocalDateTime.of(YEAR - 1, 12, 31, 23, 59, 59).atZone(SHANGHAI).toInstant();
    Instant newYear = LocalDateTime.of(YEAR, 1, 1, 0, 0).atZone(SHANGHAI).toInstant();
    assertThat(newYear.atOffset(ZoneOffset.UTC).getYear()).isEqualTo(YEAR - 1);

    ledger.record(grant(household, newCaseNo(), CIVIL_AFFAIRS_CASE, "30000", lastSecondOfOldYear));
    ledger.record(grant(household, newCaseNo(), TOWNSHIP_ADVANCE, "3000", newYear));

    assertThat(ledger.paidInYear(household, YEAR - 1)).isEqualByComparingTo("30000");
    assertThat(ledger.capRemaining(household, YEAR - 1)).isEqualTo(policy.annualCap() - 30000);
    assertThat(ledger.paidInYear(household, YEAR)).isEqualByComparingTo("3000");
    assertThat(ledger.capRemaining(household, YEAR)).isEqualTo(policy.annualCap() - 3000);
  }

  @Test
  void recordingTheSamePaymentTwiceRecordsOneRow() {
    String household = newHouseholdId();
    String caseNo = newCaseNo();
    assertThat(ledger.record(grant(household, caseNo, CIVIL_AFFAIRS_CASE, "19900", at(YEAR, 6, 1)))).isTrue();
    // a retried job: same case and source; even a different amount is not paid a second time
    assertThat(ledger.record(grant(household, caseNo, CIVIL_AFFAIRS_CASE, "25000", at(YEAR, 6, 2)))).isFalse();

    assertThat(ledger.grantsOfCase(caseNo)).singleElement().satisfies(g ->
        assertThat(g.amount()).isEqualByComparingTo("19900"));
    assertThat(rowsOf(caseNo)).isEqualTo(1);
    assertThat(ledger.paidInYear(household, YEAR)).isEqualByComparingTo("19900");
  }

  @Test
  void aRepeatedRecordInsideOneTransactionLeavesTheTransactionUsable() {
    // a delegate shares the engine's transaction; on PostgreSQL a failed statement would abort
    // it, so the second record must not fail, and the transaction must commit its work
    String household = newHouseholdId();
    String caseNo = newCaseNo();
    boolean[] recorded = new boolean[2];
    new TransactionTemplate(transactions).executeWithoutResult(tx -> {
      recorded[0] = ledger.record(grant(household, caseNo, TOWNSHIP_ADVANCE, "5000", at(YEAR, 2, 1)));
      recorded[1] = ledger.record(grant(household, caseNo, TOWNSHIP_ADVANCE, "5000", at(YEAR, 2, 1)));
      ledger.record(grant(household, caseNo, CIVIL_AFFAIRS_CASE, "14900", at(YEAR, 2, 20)));
      assertThat(ledger.paidInYear(household, YEAR)).isEqualByComparingTo("19900");
    });
    assertThat(recorded).containsExactly(true, false);
    assertThat(rowsOf(caseNo)).isEqualTo(2);
  }

  @Test
  void theDatabaseItselfRefusesADuplicatePayment() {
    String household = newHouseholdId();
    String caseNo = newCaseNo();
    String insert = "INSERT INTO grant_ledger (household_id, case_no, source, amount, paid_at, approved_by)"
        + " VALUES (?, ?, ?, ?, ?, ?)";
    OffsetDateTime paidAt = at(YEAR, 7, 1).atOffset(ZoneOffset.UTC);
    jdbc.update(insert, household, caseNo, CIVIL_AFFAIRS_CASE.name(), new BigDecimal("19900"), paidAt, "group1");

    assertThatThrownBy(() -> jdbc.update(insert, household, caseNo, CIVIL_AFFAIRS_CASE.name(),
            new BigDecimal("19900"), paidAt, "group2"))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(rowsOf(caseNo)).isEqualTo(1);
  }

  @Test
  void theDatabaseRefusesNegativeAmountsAndMalformedHouseholds() {
    String insert = "INSERT INTO grant_ledger (household_id, case_no, source, amount, paid_at, approved_by)"
        + " VALUES (?, ?, ?, ?, ?, ?)";
    OffsetDateTime paidAt = at(YEAR, 7, 1).atOffset(ZoneOffset.UTC);
    assertThatThrownBy(() -> jdbc.update(insert, newHouseholdId(), newCaseNo(), CIVIL_AFFAIRS_CASE.name(),
            new BigDecimal("-1"), paidAt, "group1"))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> jdbc.update(insert, "12345", newCaseNo(), CIVIL_AFFAIRS_CASE.name(),
            new BigDecimal("1"), paidAt, "group1"))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void anOverlongCaseNumberIsRefusedNotCutShort() {
    String caseNo = "TEST-LEDGER-" + "9".repeat(60);
    assertThatThrownBy(() -> ledger.record(grant(newHouseholdId(), caseNo, CIVIL_AFFAIRS_CASE, "100", at(YEAR, 7, 1))))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM grant_ledger WHERE case_no LIKE 'TEST-LEDGER-9999%'",
        Integer.class)).isZero();
  }

  @Test
  void grantsOfCaseListsItsPaymentsOldestFirstWithTheirStatusAndBatch() {
    String household = newHouseholdId();
    String caseNo = newCaseNo();
    Instant advancedAt = at(YEAR, 8, 3);
    Instant paidAt = at(YEAR, 8, 28);
    ledger.send(grant(household, caseNo, CIVIL_AFFAIRS_CASE, "14900", paidAt), "2026-01");
    ledger.record(new GrantRecord(household, caseNo, TOWNSHIP_ADVANCE, new BigDecimal("5000"), advancedAt, "sanban1"));
    ledger.record(grant(household, newCaseNo(), CIVIL_AFFAIRS_CASE, "1000", paidAt));

    assertThat(ledger.grantsOfCase(caseNo))
        .usingRecursiveFieldByFieldElementComparator(
            RecursiveComparisonConfiguration.builder()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
        .containsExactly(
            new Grant(TOWNSHIP_ADVANCE, new BigDecimal("5000"), advancedAt, "sanban1", GrantStatus.PAID, null),
            new Grant(CIVIL_AFFAIRS_CASE, new BigDecimal("14900"), paidAt, "group1", GrantStatus.SENT, "2026-01"));
    assertThat(ledger.grantsOfCase(newCaseNo())).isEmpty();
  }

  @Test
  void aGrantRecordRefusesNegativeAmountsAndFractionsOfAFen() {
    String household = newHouseholdId();
    assertThatThrownBy(() -> grant(household, newCaseNo(), CIVIL_AFFAIRS_CASE, "-0.01", at(YEAR, 1, 5)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> grant(household, newCaseNo(), CIVIL_AFFAIRS_CASE, "100.005", at(YEAR, 1, 5)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> grant("35052619800101", newCaseNo(), CIVIL_AFFAIRS_CASE, "100", at(YEAR, 1, 5)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCapOverrideIsRecordedWithItsReason() {
    String household = newHouseholdId();
    String caseNo = newCaseNo();
    ledger.recordCapOverride(household, caseNo, new BigDecimal("45000"),
        "  患儿术后需长期康复治疗，家庭无其他收入来源，领导小组会议研究同意突破年度上限  ", "group1");

    assertThat(ledger.capOverride(caseNo)).hasValueSatisfying(o -> {
      assertThat(o.householdId()).isEqualTo(household);
      assertThat(o.amount()).isEqualByComparingTo("45000");
      assertThat(o.reason()).isEqualTo("患儿术后需长期康复治疗，家庭无其他收入来源，领导小组会议研究同意突破年度上限");
      assertThat(o.approvedBy()).isEqualTo("group1");
      assertThat(o.createdAt()).isNotNull();
    });

    // a retried job records nothing twice
    ledger.recordCapOverride(household, caseNo, new BigDecimal("45000"), "重复提交", "group1");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cap_override WHERE case_no = ?", Integer.class, caseNo))
        .isEqualTo(1);
    assertThat(ledger.capOverride(caseNo).orElseThrow().reason()).startsWith("患儿");
  }

  @Test
  void aCapOverrideWithoutAReasonIsRefusedInChinese() {
    String caseNo = newCaseNo();
    for (String reason : new String[] {null, "", "   "}) {
      assertThatThrownBy(() -> ledger.recordCapOverride(newHouseholdId(), caseNo, new BigDecimal("45000"),
              reason, "group1"))
          .isInstanceOf(RuleBreak.class)
          .hasMessageContaining("理由");
    }
    assertThat(ledger.capOverride(caseNo)).isEmpty();
  }

  private int rowsOf(String caseNo) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM grant_ledger WHERE case_no = ?", Integer.class, caseNo);
  }

  private static GrantRecord grant(String household, String caseNo, GrantSource source, String amount,
      Instant paidAt) {
    return new GrantRecord(household, caseNo, source, new BigDecimal(amount), paidAt, "group1");
  }

  private static Instant at(int year, int month, int day) {
    return LocalDate.of(year, month, day).atTime(10, 30).atZone(SHANGHAI).toInstant();
  }

  private static String newCaseNo() {
    return "TEST-LEDGER-" + UUID.randomUUID().toString().substring(0, 18);
  }

  /** A checksum-valid citizen ID (GB 11643) that no other test uses. */
  static String newHouseholdId() {
    var random = ThreadLocalRandom.current();
    LocalDate born = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 60));
    String body = "350526" + born.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * weights[i];
    }
    return body + "10X98765432".charAt(sum % 11);
  }
}
