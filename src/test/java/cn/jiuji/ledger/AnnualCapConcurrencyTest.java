package cn.jiuji.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.TestIds;
import cn.jiuji.base.RuleBreak;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The annual cap when two payments of one household run at the same moment (two nodes, two
 * transactions): the second one waits for the first and then sees it (SPEC §12). A check that
 * reads the year before the other transaction commits would let both through.
 */
@ApplicationTest
class AnnualCapConcurrencyTest {

  static final Instant JUNE = LocalDateTime.of(2026, 6, 10, 10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();

  @Autowired Ledger ledger;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void twoPaymentsOf30000AtTheSameMomentPayOnlyOne() throws Exception {
    String household = TestIds.idNumber();
    Outcome outcome = race(grant(household, "YSYY-2026-70001", "30000"), grant(household, "YSYY-2026-70002", "30000"));

    assertThat(outcome.first()).isNull();
    assertThat(outcome.second()).isInstanceOf(RuleBreak.class)
        .hasMessageContaining("YSYY-2026-70002").hasMessageContaining("已获救助 30000 元");
    assertThat(ledger.paidInYear(household, 2026)).isEqualByComparingTo("30000");
    assertThat(ledger.grantsOfCase("YSYY-2026-70002")).isEmpty();
  }

  @Test
  void twoFirstPaymentsThatFitTogetherAreBothPaid() throws Exception {
    String household = TestIds.idNumber();
    Outcome outcome = race(grant(household, "YSYY-2026-70003", "20000"), grant(household, "YSYY-2026-70004", "20000"));

    assertThat(outcome.first()).isNull();
    assertThat(outcome.second()).isNull();
    assertThat(ledger.paidInYear(household, 2026)).isEqualByComparingTo("40000");
  }

  @Test
  void paymentsOfAnotherHouseholdDoNotWait() throws Exception {
    Outcome outcome = race(grant(TestIds.idNumber(), "YSYY-2026-70005", "30000"),
        grant(TestIds.idNumber(), "YSYY-2026-70006", "30000"));

    assertThat(outcome.first()).isNull();
    assertThat(outcome.second()).isNull();
    assertThat(outcome.secondFinishedBeforeFirstCommitted()).isTrue();
  }

  record Outcome(Throwable first, Throwable second, boolean secondFinishedBeforeFirstCommitted) {}

  /**
   * The first payment is recorded in a transaction that stays open while the second one is made
   * in its own; the first commits when the second has finished or after a while.
   */
  Outcome race(GrantRecord firstGrant, GrantRecord secondGrant) throws Exception {
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    CountDownLatch firstRecorded = new CountDownLatch(1);
    CountDownLatch secondDone = new CountDownLatch(1);
    boolean[] secondEarly = new boolean[1];
    CompletableFuture<Throwable> first = CompletableFuture.supplyAsync(() -> attempt(() ->
        transaction.executeWithoutResult(status -> {
          ledger.record(firstGrant);
          firstRecorded.countDown();
          secondEarly[0] = await(secondDone, 700);
        })));
    CompletableFuture<Throwable> second = CompletableFuture.supplyAsync(() -> {
      await(firstRecorded, 30_000);
      try {
        return attempt(() -> transaction.executeWithoutResult(status -> ledger.record(secondGrant)));
      } finally {
        secondDone.countDown();
      }
    });
    Throwable firstOutcome = first.get(60, TimeUnit.SECONDS);
    return new Outcome(firstOutcome, second.get(60, TimeUnit.SECONDS), secondEarly[0]);
  }

  static Throwable attempt(Runnable payment) {
    try {
      payment.run();
      return null;
    } catch (RuntimeException failed) {
      return failed;
    }
  }

  static boolean await(CountDownLatch latch, long millis) {
    try {
      return latch.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static GrantRecord grant(String household, String caseNo, String amount) {
    return new GrantRecord(household, caseNo, GrantSource.CIVIL_AFFAIRS_CASE, new BigDecimal(amount), JUNE, "group1");
  }
}
