package cn.jiuji.payment;

import cn.jiuji.ledger.BankPayments.PaymentOrder;
import cn.jiuji.screening.MedicalFileReader;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The payment list of a batch (发放花名册, SPEC §8) as the bank takes it: XLSX, or CSV in GBK (what
 * the banks' and Chinese office software read; written as GB18030, which is GBK for every
 * character GBK has and keeps the rare characters of names it lacks). Account and ID numbers are
 * text cells, so that no spreadsheet turns them into numbers and loses digits.
 */
final class PaymentListFile {

  static final List<String> HEADER = List.of("序号", "案件编号", "户主姓名", "户主身份证号", "银行账号", "开户行", "金额", "乡镇");

  private PaymentListFile() {}

  static byte[] xlsx(String batchNo, List<PaymentOrder> orders) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("发放花名册 " + batchNo.replaceAll("[\\\\/?*\\[\\]:]", "-"));
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle text = workbook.createCellStyle();
      text.setDataFormat(workbook.createDataFormat().getFormat("@"));
      CellStyle money = workbook.createCellStyle();
      money.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
      Row header = sheet.createRow(0);
      for (int i = 0; i < HEADER.size(); i++) {
        Cell cell = header.createCell(i);
        cell.setCellValue(HEADER.get(i));
        cell.setCellStyle(bold);
      }
      int n = 0;
      for (PaymentOrder order : orders) {
        n++;
        Row row = sheet.createRow(n);
        row.createCell(0).setCellValue(n);
        List<String> texts = List.of(order.caseNo(), order.householdHead(), order.idNumber(),
            nullToEmpty(order.bankAccount()), nullToEmpty(order.bankName()));
        for (int i = 0; i < texts.size(); i++) {
          Cell cell = row.createCell(i + 1);
          cell.setCellValue(texts.get(i));
          cell.setCellStyle(text);
        }
        Cell amount = row.createCell(6);
        amount.setCellValue(order.amount().doubleValue());
        amount.setCellStyle(money);
        row.createCell(7).setCellValue(order.townshipName());
      }
      int[] widths = {6, 18, 12, 22, 26, 30, 12, 10};
      for (int i = 0; i < widths.length; i++) {
        sheet.setColumnWidth(i, widths[i] * 256);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] csv(List<PaymentOrder> orders) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CsvWriter csv = CsvWriter.builder().build(new OutputStreamWriter(out, MedicalFileReader.GBK))) {
      csv.writeRecord(HEADER);
      int n = 0;
      for (PaymentOrder order : orders) {
        n++;
        csv.writeRecord(String.valueOf(n), order.caseNo(), order.householdHead(), order.idNumber(),
            nullToEmpty(order.bankAccount()), nullToEmpty(order.bankName()), yuan(order.amount()),
            order.townshipName());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String yuan(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
