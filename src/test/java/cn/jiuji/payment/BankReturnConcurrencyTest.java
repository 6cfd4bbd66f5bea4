package cn.jiuji.payment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.ledger.BankPayments;
import cn.jiuji.ledger.BankPayments.ReturnLine;
import cn.jiuji.ledger.GrantStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two imports of one bank return at the same moment (two clerks, two nodes): each grant is marked
 * once, whatever the order; the second import waits for the first's row locks and then finds the
 * grants changed (SPEC §8).
 */
@ApplicationTest
class BankReturnConcurrencyTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired BankReturns returns;
  @Autowired BankPayments bank;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  /** {@code count} cases sent in {@code batchNo}, 10,000 yuan each; the return pays all but the last two. */
  List<ReturnLine> batch(String batchNo, int count) {
    PaymentFixtures fixtures = new PaymentFixtures(runtime, tasks, management);
    List<ReturnLine> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String account = String.format("62303500000000%05d", i);
      ProcessInstance pi = fixtures.disbursed(i % 2 == 0 ? "sanban" : "xunzhong", 10_000, batchNo, account);
      boolean paid = i < count - 2;
      lines.add(new ReturnLine(i + 2, pi.getBusinessKey(), account, new BigDecimal("10000"), paid,
          paid ? null : "账户已冻结"));
    }
    return lines;
  }

  long paidTwice(String batchNo) {
    // a grant is one row: PAID once or not at all, and never two PAID rows of one case and source
    return jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT case_no FROM grant_ledger WHERE batch_no = ?"
        + " AND status = 'PAID' GROUP BY case_no, source HAVING COUNT(*) > 1) twice", Long.class, batchNo);
  }

  void assertEachGrantMarkedOnce(String batchNo, int count, BankReturns.Report first, BankReturns.Report second) {
    assertThat(first.paid() + second.paid()).isEqualTo(count - 2);
    assertThat(first.failed().size() + second.failed().size()).isEqualTo(2);
    // every row of each import is accounted for: applied by one, rejected by the other
    assertThat(first.paid() + first.failed().size() + first.rejected().size()).isEqualTo(count);
    assertThat(second.paid() + second.failed().size() + second.rejected().size()).isEqualTo(count);
    assertThat(first.rejected().size() + second.rejected().size()).isEqualTo(count);
    assertThat(paidTwice(batchNo)).isZero();
    assertThat(bank.totals(batchNo))
        .containsEntry(GrantStatus.PAID, new BigDecimal(10_000L * (count - 2)).setScale(2))
        .containsEntry(GrantStatus.FAILED, new BigDecimal("20000.00"))
        .containsEntry(GrantStatus.SENT, new BigDecimal("0.00"));
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("paymentCorrection")
        .variableValueEquals("batchNo", batchNo).count()).isEqualTo(2);
  }

  @Test
  void twoImportsOfOneReturnStartedTogetherMarkEachGrantOnce() throws Exception {
    List<ReturnLine> lines = batch("2026-11", 12);
    CyclicBarrier together = new CyclicBarrier(2);
    CompletableFuture<BankReturns.Report> first = CompletableFuture.supplyAsync(() -> {
      await(together);
      return returns.apply("2026-11", lines.size(), lines, List.of(), "civil1");
    });
    CompletableFuture<BankReturns.Report> second = CompletableFuture.supplyAsync(() -> {
      await(together);
      return returns.apply("2026-11", lines.size(), lines, List.of(), "civil1");
    });
    assertEachGrantMarkedOnce("2026-11", lines.size(), first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));
  }

  @Test
  void anImportThatFindsTheGrantsLockedWaitsAndThenChangesNothing() throws Exception {
    List<ReturnLine> lines = batch("2026-12", 6);
    CountDownLatch firstApplied = new CountDownLatch(1);
    CountDownLatch secondStarted = new CountDownLatch(1);
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    // the first import has marked every grant and not committed yet when the second one starts
    CompletableFuture<BankReturns.Report> first = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
      BankReturns.Report report = returns.apply("2026-12", lines.size(), lines, List.of(), "civil1");
      firstApplied.countDown();
      await(secondStarted, 30_000);
      sleep(500);
      return report;
    }));
    CompletableFuture<BankReturns.Report> second = CompletableFuture.supplyAsync(() -> {
      await(firstApplied, 30_000);
      secondStarted.countDown();
      return returns.apply("2026-12", lines.size(), lines, List.of(), "civil2");
    });
    BankReturns.Report firstReport = first.get(60, TimeUnit.SECONDS);
    BankReturns.Report secondReport = second.get(60, TimeUnit.SECONDS);

    assertThat(firstReport.paid()).isEqualTo(4);
    assertThat(secondReport.paid()).isZero();
    assertThat(secondReport.failed()).isEmpty();
    // it read the grants as SENT (the first had not committed), waited for their row locks, then
    // its conditional UPDATE found them changed
    assertThat(secondReport.rejected()).hasSize(6).allSatisfy(rejected ->
        assertThat(rejected.reason()).endsWith("的这笔发放刚刚已由同时导入的另一份回盘处理，本行未作更改"));
    assertEachGrantMarkedOnce("2026-12", lines.size(), firstReport, secondReport);
  }

  static void await(CyclicBarrier barrier) {
    try {
      barrier.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void await(CountDownLatch latch, long millis) {
    try {
      latch.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
