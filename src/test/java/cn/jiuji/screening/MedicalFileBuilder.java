package cn.jiuji.screening;

import cn.jiuji.TestIds;
import cn.jiuji.assistance.CaseFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A small medical-insurance file for one test, with fresh settlement ids and households. */
final class MedicalFileBuilder {

  private final List<List<String>> rows = new ArrayList<>();

  static String newSettlementId() {
    return TestIds.settlementId();
  }

  static String newHousehold() {
    return CaseFixtures.newIdNumber();
  }

  /** A raw row, every cell as given (for bad rows). */
  MedicalFileBuilder row(String... cells) {
    rows.add(Arrays.asList(cells));
    return this;
  }

  /** A good settlement of the household head himself. */
  MedicalFileBuilder settlement(String household, String category, String date, String total, String selfPaid) {
    return settlement(newSettlementId(), household, household, category, date, total, selfPaid);
  }

  MedicalFileBuilder settlement(String settlementId, String patient, String household, String category,
      String date, String total, String selfPaid) {
    return row(settlementId, patient, "颜某明", household, "颜某斌", "三班镇", "泗滨村", category, date, total, selfPaid);
  }

  MedicalFileBuilder blankRow() {
    rows.add(List.of());
    return this;
  }

  Path write(MedicalFiles.Format format) {
    try {
      Path file = Files.createTempFile("medical-", format.isXlsx() ? ".xlsx" : ".csv");
      file.toFile().deleteOnExit();
      MedicalFiles.write(file, format, MedicalFiles.HEADER, rows.iterator());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
