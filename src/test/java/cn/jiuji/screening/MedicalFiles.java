package cn.jiuji.screening;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes medical-insurance files (SPEC §5) as the office's software does: CSV in UTF-8 with or
 * without BOM or in GBK, or XLSX with real date and number cells. Streams the rows, so the
 * generator can write a million of them; only the shared strings of an XLSX file stay in memory.
 */
final class MedicalFiles {

  static final List<String> HEADER = List.of("结算单号", "身份证号", "姓名", "户主身份证号", "户主姓名", "乡镇",
      "村（社区）", "人员类别", "结算日期", "医疗总费用", "个人自付");
  static final int DATE_COLUMN = 8;
  static final int FIRST_AMOUNT_COLUMN = 9;

  /**
   * XLSX as Excel and WPS save it, every text in the workbook's shared strings table; or
   * XLSX_INLINE_STRINGS, each text inline in its cell, as POI's SXSSFWorkbook writes by default
   * (the exports of server software written with it).
   */
  enum Format {
    CSV_UTF8, CSV_UTF8_BOM, CSV_GBK, XLSX, XLSX_INLINE_STRINGS;

    boolean isXlsx() {
      return this == XLSX || this == XLSX_INLINE_STRINGS;
    }
  }

  private MedicalFiles() {}

  static void write(Path file, Format format, List<String> header, Iterator<List<String>> rows) {
    try {
      switch (format) {
        case CSV_UTF8 -> csv(file, header, rows, java.nio.charset.StandardCharsets.UTF_8, false);
        case CSV_UTF8_BOM -> csv(file, header, rows, java.nio.charset.StandardCharsets.UTF_8, true);
        case CSV_GBK -> csv(file, header, rows, Charset.forName("GBK"), false);
        case XLSX -> xlsx(file, header, rows, true);
        case XLSX_INLINE_STRINGS -> xlsx(file, header, rows, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void csv(Path file, List<String> header, Iterator<List<String>> rows, Charset charset, boolean bom)
      throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      if (bom) {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      }
      try (BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, charset), 1 << 16);
          CsvWriter csv = CsvWriter.builder().build(writer)) {
        csv.writeRecord(header);
        while (rows.hasNext()) {
          csv.writeRecord(rows.next());
        }
      }
    }
  }

  /**
   * Dates as date cells and amounts as number cells, as a real workbook has them; texts in the
   * shared strings table (cells of type "s") or inline. The shared strings are held in memory while
   * writing: those of a million rows take about 600 MB of heap.
   */
  private static void xlsx(Path file, List<String> header, Iterator<List<String>> rows, boolean sharedStrings)
      throws IOException {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 200, true, sharedStrings)) {
      Sheet sheet = workbook.createSheet("结算明细");
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
      CellStyle money = workbook.createCellStyle();
      money.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("#,##0.00"));
      int r = 0;
      Row head = sheet.createRow(r++);
      for (int c = 0; c < header.size(); c++) {
        head.createCell(c).setCellValue(header.get(c));
      }
      while (rows.hasNext()) {
        List<String> values = rows.next();
        Row row = sheet.createRow(r++);
        for (int c = 0; c < values.size(); c++) {
          String value = values.get(c);
          if (value == null || value.isEmpty()) {
            continue; // an empty cell is absent in the sheet XML
          }
          Cell cell = row.createCell(c);
          if (c == DATE_COLUMN && isIsoDate(value)) {
            cell.setCellValue(LocalDate.parse(value));
            cell.setCellStyle(date);
          } else if (c >= FIRST_AMOUNT_COLUMN && isNumber(value)) {
            cell.setCellValue(Double.parseDouble(value));
            cell.setCellStyle(money);
          } else {
            cell.setCellValue(value);
          }
        }
      }
      workbook.createSheet("说明").createRow(0).createCell(0).setCellValue("第二个工作表不导入");
      try (OutputStream out = Files.newOutputStream(file)) {
        workbook.write(out);
      }
      workbook.dispose();
    }
  }

  /** A real date; "2025-13-01" or "2025-02-30" stays text, as Excel keeps what it cannot take for a date. */
  private static boolean isIsoDate(String value) {
    try {
      LocalDate.parse(value);
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  private static boolean isNumber(String value) {
    return value.matches("-?\\d+(\\.\\d+)?");
  }
}
