package cn.jiuji.screening;

import java.nio.file.Files;
import java.nio.file.Path;
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

    ConfigurableApplicationContext app = ScreeningBenchmark.start(url, user);
    try {
      MedicalFileImport imports = app.getBean(MedicalFileImport.class);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      if (warmup != null) {
        ScreeningBenchmark.warmUp(imports, jdbc, warmup);
      }
      HeapWatch heap = new HeapWatch();
      var imported = ScreeningBenchmark.importRounds(imports, jdbc, file, rounds);
      heap.close();
      double importMedian = ScreeningBenchmark.median(imported.seconds());
      var last = imported.last();
      System.out.printf("import: %s, %,d bytes: %,d rows (%,d accepted, %,d new) in %.2f s (median of %d) = %,.0f rows/s%n",
          file.getFileName(), Files.size(file), last.rows(), last.accepted(), last.newSettlements(),
          importMedian, rounds, last.rows() / importMedian);
      System.out.println(heap.describe());
      System.out.printf("RESULT import_s=%.2f rows=%d heap_peak_mb=%d%n", importMedian, last.rows(), heap.peakMb());
    } finally {
      app.close();
    }
  }

}
