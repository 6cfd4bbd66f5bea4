package cn.jiuji.payment;

import cn.jiuji.JiujiApplication;
import cn.jiuji.ledger.BankPayments;
import cn.jiuji.ledger.GrantRecord;
import cn.jiuji.ledger.GrantSource;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bank-return benchmark (SPEC §8), run by hand (bench/bank-return.sh), never in CI: a batch of
 * ROWS grants sent to the bank, and the bank's return of all of them (one in a hundred failed, each
 * failure opening its correction) imported as {@code POST /api/batches/{batchNo}/bank-return} does:
 * the file read, the rows checked, every grant marked with its conditional UPDATE in one transaction.
 * The floor, in the same run on fresh rows of the same kind: the same UPDATE statements on the same
 * number of grants by plain JDBC in one transaction (no file, no checks, no process). Each side runs
 * ROUNDS times after a warm-up round; medians are compared.
 *
 * <pre>
 * java ... cn.jiuji.payment.BankReturnBenchmark ROWS WORK_DIR JDBC_URL DB_USER [ROUNDS]
 * </pre>
 */
public final class BankReturnBenchmark {

  private static final Charset GBK = Charset.forName("GBK");

  private BankReturnBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = Integer.parseInt(args[0]);
    Path work = Path.of(args[1]);
    int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
    Files.createDirectories(work);
    ConfigurableApplicationContext app = start(args[2], args[3]);
    try {
      BankPayments bank = app.getBean(BankPayments.class);
      BankReturns returns = app.getBean(BankReturns.class);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      TransactionTemplate transaction = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
      DataSource dataSource = app.getBean(DataSource.class);
      double[] imports = new double[rounds];
      double[] floors = new double[rounds];
      for (int round = 0; round <= rounds; round++) {
        String batch = "BENCH-R" + round;
        Path file = work.resolve("bank-return-" + batch + ".csv");
        Files.write(file, returnFile(seed(bank, transaction, batch, 2 * round, rows)).getBytes(GBK));
        jdbc.execute("CHECKPOINT");
        long t0 = System.nanoTime();
        BankReturnFile.Content content = BankReturnFile.read(file, file.getFileName().toString());
        BankReturns.Report report = returns.apply(batch, content.rows(), content.lines(), content.rejected(), "bench");
        double importSeconds = seconds(t0);

        String floorBatch = "BENCH-F" + round;
        List<Long> ids = ids(jdbc, seed(bank, transaction, floorBatch, 2 * round + 1, rows), floorBatch);
        jdbc.execute("CHECKPOINT");
        long t1 = System.nanoTime();
        plainUpdates(dataSource, ids);
        double floorSeconds = seconds(t1);
        System.out.printf("%s: import %.3f s (%d paid, %d failed, %d rejected), floor %.3f s%n",
            round == 0 ? "warm-up" : "round " + round, importSeconds, report.paid(), report.failed().size(),
            report.rejected().size(), floorSeconds);
        if (round > 0) {
          imports[round - 1] = importSeconds;
          floors[round - 1] = floorSeconds;
        }
      }
      double importMedian = median(imports);
      double floorMedian = median(floors);
      System.out.printf("RESULT rows=%d import_s=%.3f floor_s=%.3f ratio=%.2f%n", rows, importMedian, floorMedian,
          importMedian / floorMedian);
    } finally {
      app.close();
    }
  }

  /** ROWS grants of 10,000 yuan SENT in {@code batch}, one household each; returns their case numbers. */
  static List<String> seed(BankPayments bank, TransactionTemplate transaction, String batch, int batchIndex, int rows) {
    Instant now = Instant.now();
    List<String> cases = new java.util.ArrayList<>();
    transaction.executeWithoutResult(status -> {
      for (int i = 0; i < rows; i++) {
        String caseNo = batch + "-" + String.format("%05d", i);
        // 18 characters, one household per grant and batch (the ledger checks the length only)
        String household = String.format("3505%02d%012d", batchIndex, i);
        bank.send(new GrantRecord(household, caseNo, GrantSource.CIVIL_AFFAIRS_CASE, new BigDecimal("10000"), now,
                "bench"), batch,
            new BankPayments.Payee("颜某斌", "sanban", "三班镇", account(i), "德化县农村信用合作联社三班信用社"));
        cases.add(caseNo);
      }
    });
    return cases;
  }

  static String account(int i) {
    return String.format("6230351%012d", i);
  }

  /** The bank's return: every grant, one in a hundred failed. */
  static String returnFile(List<String> cases) {
    StringBuilder csv = new StringBuilder("案件编号,银行账号,金额,发放结果,失败原因\r\n");
    for (int i = 0; i < cases.size(); i++) {
      boolean failed = i % 100 == 99;
      csv.append(cases.get(i)).append(',').append(account(i)).append(",10000.00,")
          .append(failed ? "失败,账户已冻结" : "成功,").append("\r\n");
    }
    return csv.toString();
  }

  static List<Long> ids(JdbcTemplate jdbc, List<String> seeded, String batch) {
    return jdbc.queryForList("SELECT id FROM grant_ledger WHERE batch_no = ? ORDER BY id", Long.class, batch);
  }

  /** The statements an import runs for each grant, by plain JDBC, in one transaction. */
  static void plainUpdates(DataSource dataSource, List<Long> ids) throws Exception {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement status = connection.prepareStatement(
              "UPDATE grant_ledger SET status = ? WHERE id = ? AND status = 'SENT'");
          PreparedStatement payment = connection.prepareStatement(
              "UPDATE bank_payment SET failure_reason = ?, returned_at = ?, returned_by = ? WHERE grant_id = ?")) {
        for (long id : ids) {
          status.setString(1, "PAID");
          status.setLong(2, id);
          if (status.executeUpdate() == 1) {
            payment.setString(1, null);
            payment.setObject(2, now);
            payment.setString(3, "bench");
            payment.setLong(4, id);
            payment.executeUpdate();
          }
        }
      }
      connection.commit();
    }
  }

  static ConfigurableApplicationContext start(String url, String user) {
    System.setProperty("spring.datasource.url", url);
    System.setProperty("spring.datasource.username", user);
    System.setProperty("camunda.bpm.job-execution.enabled", "false");
    System.setProperty("server.port", "0");
    System.setProperty("logging.level.org.camunda", "WARN");
    return new SpringApplicationBuilder(JiujiApplication.class).profiles("postgres").run();
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }
}
