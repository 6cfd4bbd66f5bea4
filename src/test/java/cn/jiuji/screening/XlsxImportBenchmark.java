package cn.jiuji.screening;

import cn.jiuji.JiujiApplication;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The XLSX side of the import benchmark of issue 7, run by hand, never in CI: imports a file
 * written beforehand by {@link MedicalFileGenerator} (writing a million rows with Excel's shared
 * strings takes more heap than the import may have) on PostgreSQL, as {@link ScreeningBenchmark}
 * does with CSV, and reports the time and the peak heap.
 *
 * <pre>
 * java ... cn.jiuji.screening.MedicalFileGenerator 1000000 0 xlsx medical.xlsx 42     (e.g. -Xmx4g)
 * java -Xmx512m -Xlog:gc:file=gc.log ... cn.jiuji.screening.XlsxImportBenchmark medical.xlsx JDBC_URL DB_USER [ROUNDS [WARMUP_FILE]]
 * </pre>
 *
 * <p>With WARMUP_FILE that file is imported first and its rows removed again: the measured
 * imports then run on compiled code. The file is imported ROUNDS times into emptied tables and the
 * median reported.
 */
public final class XlsxImportBenchmark {

  private XlsxImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    String url = args[1];
    String user = args[2];
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    Path warmup = args.length > 4 ? Path.of(args[4]) : null;

    System.setProperty("spring.datasource.url", url);
    System.setProperty("spring.datasource.username", user);
    System.setProperty("camunda.bpm.job-execution.enabled", "false");
    System.setProperty("server.port", "0");
    System.setProperty("logging.level.org.camunda", "WARN");
    System.setProperty("logging.level.cn.jiuji.screening", "DEBUG");
    ConfigurableApplicationContext app = new SpringApplicationBuilder(JiujiApplication.class)
        .profiles("postgres")
        .run();
    try {
      MedicalFileImport imports = app.getBean(MedicalFileImport.class);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      jdbc.execute("TRUNCATE medical_settlement, screening_file");
      if (warmup != null) {
        long tw = System.nanoTime();
        var warm = imports.importFile(warmup, warmup.getFileName().toString(), "bench");
        System.out.printf("warm-up: %,d rows imported in %.1f s, then removed%n", warm.rows(), seconds(tw));
        jdbc.execute("TRUNCATE medical_settlement, screening_file");
      }
      System.gc();
      List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP).toList();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      AtomicLong sampledPeak = new AtomicLong();
      Thread sampler = new Thread(() -> {
        var memory = ManagementFactory.getMemoryMXBean();
        while (!Thread.currentThread().isInterrupted()) {
          sampledPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      sampler.setDaemon(true);
      sampler.start();

      double[] importSeconds = new double[rounds];
      MedicalFileImport.Result imported = null;
      for (int round = 0; round < rounds; round++) {
        if (round > 0) {
          jdbc.execute("TRUNCATE medical_settlement, screening_file");
        }
        jdbc.execute("CHECKPOINT");
        long t1 = System.nanoTime();
        imported = imports.importFile(file, file.getFileName().toString(), "bench");
        importSeconds[round] = seconds(t1);
        System.out.printf("import round %d: %.2f s%n", round + 1, importSeconds[round]);
      }
      sampler.interrupt();
      long poolPeaks = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      double importMedian = ScreeningBenchmark.median(importSeconds);
      System.out.printf("import: %s, %,d bytes: %,d rows (%,d accepted, %,d new) in %.2f s (median of %d) = %,.0f rows/s%n",
          file.getFileName(), Files.size(file), imported.rows(), imported.accepted(), imported.newSettlements(),
          importMedian, rounds, imported.rows() / importMedian);
      System.out.printf("peak heap: %,d MB sampled used, %,d MB sum of pool peaks, max %,d MB%n",
          sampledPeak.get() >> 20, poolPeaks >> 20, Runtime.getRuntime().maxMemory() >> 20);
      System.out.printf("RESULT import_s=%.2f rows=%d heap_peak_mb=%d%n", importMedian, imported.rows(),
          Math.max(sampledPeak.get(), poolPeaks) >> 20);
    } finally {
      app.close();
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
