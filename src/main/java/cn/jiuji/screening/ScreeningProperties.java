package cn.jiuji.screening;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the medical-insurance import and the screening ({@code jiuji.screening}).
 *
 * @param batchSize rows sent to the database in one JDBC batch
 * @param rejectedListLimit at most this many bad rows are listed in an import report; the count
 *     of all of them is always given, so a file that is wrong throughout does not produce a
 *     response of hundreds of megabytes
 * @param stagingWorkMem PostgreSQL work_mem while an import moves its staged rows (a sort of
 *     all rows of the file: about 100 MB per million rows keeps it out of temporary files)
 */
@ConfigurationProperties("jiuji.screening")
public record ScreeningProperties(
    @DefaultValue("2000") int batchSize,
    @DefaultValue("1000") int rejectedListLimit,
    @DefaultValue("256MB") String stagingWorkMem) {

  public ScreeningProperties {
    if (!stagingWorkMem.matches("\\d+(kB|MB|GB)")) {
      throw new IllegalArgumentException("jiuji.screening.staging-work-mem must look like 256MB: " + stagingWorkMem);
    }
  }
}
