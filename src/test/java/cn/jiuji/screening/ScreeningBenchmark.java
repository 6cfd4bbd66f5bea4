package cn.jiuji.screening;

import cn.jiuji.JiujiApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The import benchmark of issue 7, run by hand (bench/run.sh), never in CI: generates a file,
 * imports and screens it on PostgreSQL, and in the same run times PostgreSQL's own COPY of the
 * same rows into a plain table as the floor.
 *
 * <pre>
 * java -Xmx512m ... cn.jiuji.screening.ScreeningBenchmark ROWS WORK_DIR JDBC_URL DB_USER [WARMUP_ROWS [ROUNDS]]
 * </pre>
 *
 * <p>With WARMUP_ROWS above 0 a smaller file is imported first and its rows removed again: the
 * measured import then runs on compiled code, as in a server that has been up for a while;
 * with 0 it is the first import after the start. The file is imported ROUNDS times into emptied
 * tables and the median reported (bench/run.sh loads the floor as often).
 */
public final class ScreeningBenchmark {

  private ScreeningBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = Long.parseLong(args[0]);
    Path work = Path.of(args[1]);
    String url = args[2];
    String user = args[3];
    long warmupRows = args.length > 4 ? Long.parseLong(args[4]) : 0;
    int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 1;
    Files.createDirectories(work);
    Path file = work.resolve("medical-" + rows + ".csv");

    long t0 = System.nanoTime();
    // no bad rows: COPY would refuse them, and the floor must load exactly the same rows
    MedicalFileGenerator.generate(rows, 0, MedicalFiles.Format.CSV_UTF8, file, 42, LocalDate.now());
    System.out.printf("generated %,d rows, %,d bytes in %.1f s%n", rows, Files.size(file), seconds(t0));

    ConfigurableApplicationContext app = start(url, user);
    try {
      MedicalFileImport imports = app.getBean(MedicalFileImport.class);
      Screening screening = app.getBean(Screening.class);
      if (warmupRows > 0) {
        Path warmup = work.resolve("medical-warmup-" + warmupRows + ".csv");
        MedicalFileGenerator.generate(warmupRows, 0.01, MedicalFiles.Format.CSV_UTF8, warmup, 7, LocalDate.now());
        warmUp(imports, app.getBean(JdbcTemplate.class), warmup);
      }
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      HeapWatch heap = new HeapWatch();
      Rounds imported = importRounds(imports, jdbc, file, rounds);
      double importMedian = median(imported.seconds());
      long t2 = System.nanoTime();
      var run = screening.run(screening.today());
      double screenSeconds = seconds(t2);
      heap.close();

      System.out.printf("import: %,d rows (%,d accepted, %,d new) in %.2f s (median of %d) = %,.0f rows/s%n",
          imported.last().rows(), imported.last().accepted(), imported.last().newSettlements(), importMedian, rounds,
          imported.last().rows() / importMedian);
      System.out.printf("screening: %,d households eligible, %,d cases started in %.1f s%n",
          run.householdsEligible(), run.casesStarted().size(), screenSeconds);
      System.out.printf("import + screening: %.1f s = %,.0f rows/s%n", importMedian + screenSeconds,
          imported.last().rows() / (importMedian + screenSeconds));
      System.out.println(heap.describe());
      System.out.printf("RESULT import_s=%.2f screen_s=%.2f rows=%d heap_peak_mb=%d%n", importMedian, screenSeconds,
          imported.last().rows(), heap.peakMb());

      // the same rows in another file (one more blank line, another hash): every settlement is
      // known, so the fast path fails and the file is read again into staging
      Path again = work.resolve("medical-" + rows + "-again.csv");
      Files.copy(file, again, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(again, "\n", java.nio.file.StandardOpenOption.APPEND);
      long t3 = System.nanoTime();
      var overlapping = imports.importFile(again, again.getFileName().toString(), "bench");
      double againSeconds = seconds(t3);
      System.out.printf("import of a file with the same settlements: %,d rows, %,d new in %.1f s%n",
          overlapping.rows(), overlapping.newSettlements(), againSeconds);
      System.out.printf("RESULT again_s=%.2f%n", againSeconds);
    } finally {
      app.close();
    }
  }

  /** The application on PostgreSQL, without job executor and web port, the import's log in DEBUG. */
  static ConfigurableApplicationContext start(String url, String user) {
    // system properties: above application-postgres.yaml, whose settings come from JIUJI_DB_*
    System.setProperty("spring.datasource.url", url);
    System.setProperty("spring.datasource.username", user);
    System.setProperty("camunda.bpm.job-execution.enabled", "false");
    System.setProperty("server.port", "0");
    System.setProperty("logging.level.org.camunda", "WARN");
    System.setProperty("logging.level.cn.jiuji.screening", "DEBUG");
    return new SpringApplicationBuilder(JiujiApplication.class).profiles("postgres").run();
  }

  /** Imports a file and removes its rows again: the measured imports then run on compiled code. */
  static void warmUp(MedicalFileImport imports, JdbcTemplate jdbc, Path warmup) {
    long started = System.nanoTime();
    var warm = imports.importFile(warmup, warmup.getFileName().toString(), "bench");
    System.out.printf("warm-up: %,d rows imported in %.1f s, then removed%n", warm.rows(), seconds(started));
    jdbc.execute("TRUNCATE medical_settlement, screening_file");
  }

  /** What {@link #importRounds} measured: each round's seconds and the last round's result. */
  record Rounds(double[] seconds, MedicalFileImport.Result last) {}

  /**
   * Imports the file {@code rounds} times into emptied tables, each after a CHECKPOINT as before
   * each COPY of the floor: no checkpoint of earlier writes falls into a measurement. The load of
   * this shared machine varies; the median of each side is compared.
   */
  static Rounds importRounds(MedicalFileImport imports, JdbcTemplate jdbc, Path file, int rounds) {
    double[] seconds = new double[rounds];
    MedicalFileImport.Result last = null;
    for (int round = 0; round < rounds; round++) {
      jdbc.execute("TRUNCATE medical_settlement, screening_file");
      jdbc.execute("CHECKPOINT");
      long started = System.nanoTime();
      last = imports.importFile(file, file.getFileName().toString(), "bench");
      seconds[round] = seconds(started);
      System.out.printf("import round %d: %.2f s%n", round + 1, seconds[round]);
    }
    return new Rounds(seconds, last);
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
