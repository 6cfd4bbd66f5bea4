package cn.jiuji.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.TestClock;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The year's ledger book (一事一议临时救助台账, SPEC §10), read back as a spreadsheet reader would. */
@ApplicationTest
class LedgerBookTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  HttpResponse<byte[]> download(String path, String user) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .GET().build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  Workbook book(String path, String user) throws Exception {
    var response = download(path, user);
    assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith(StatisticsController.XLSX);
    assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
    return new XSSFWorkbook(new ByteArrayInputStream(response.body()));
  }

  @Test
  void oneRowPerCaseWithEachSourcesMoneyAsNumbersDatesAsDatesAndATotalsRowScopedToTheTownship() throws Exception {
    Cases cases = new Cases(context, port);
    TestClock.pin(LocalDateTime.of(2026, 3, 2, 9, 0));
    var a = cases.disbursed("sanban", "GENERAL", 19_900, "2026-01");
    var b = cases.disbursed("xunzhong", "DIBAO", 12_000, "2026-01");
    TestClock.pin(LocalDateTime.of(2026, 4, 8, 9, 0));
    var c = cases.disbursed("sanban", "TEKUN", 8_000, null);
    cases.bankReturn("2026-01", a, true);
    cases.bankReturn(c.getBusinessKey(), c, true);
    cases.charity(a, 5_000);
    var e = cases.reported("sanban", "GENERAL");
    cases.visit(e, false);

    List<String> header = LedgerBook.header();
    int charity = header.indexOf("县慈善总会慈善救助");
    int county = header.indexOf("一事一议临时救助金");
    try (Workbook book = book("/api/statistics/ledger?year=2026", "manager1")) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("德化县2026年一事一议临时救助台账");
      assertThat(texts(sheet.getRow(1))).containsExactlyElementsOf(header);
      assertThat(header).startsWith("案件编号", "户主姓名", "脱敏身份证号", "乡镇", "村（社区）", "人员类别", "两年自付",
          "建议金额", "批准金额").endsWith("批次", "状态", "登记日期", "审批日期", "发放日期");
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
      assertThat(sheet.getColumnWidth(0)).isGreaterThan(256 * 12);
      assertThat(sheet.getLastRowNum()).isEqualTo(6);

      Row first = sheet.getRow(2);
      assertThat(first.getCell(0).getStringCellValue()).isEqualTo(a.getBusinessKey());
      assertThat(first.getCell(1).getStringCellValue()).isEqualTo("颜某斌");
      assertThat(first.getCell(2).getStringCellValue()).contains("*")
          .isEqualTo(context.getBean(RuntimeService.class).getVariable(a.getId(), "idNumberMasked"));
      assertThat(first.getCell(3).getStringCellValue()).isEqualTo("三班镇");
      assertThat(first.getCell(5).getStringCellValue()).isEqualTo("一般困难群众");
      assertThat(first.getCell(6).getNumericCellValue()).isEqualTo(132_667.0);
      assertThat(first.getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(first.getCell(8).getNumericCellValue()).isEqualTo(19_900.0);
      assertThat(first.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
      assertThat(first.getCell(county).getNumericCellValue()).isEqualTo(19_900.0);
      assertThat(first.getCell(charity).getNumericCellValue()).isEqualTo(5_000.0);
      assertThat(first.getCell(header.indexOf("批次")).getStringCellValue()).isEqualTo("2026-01");
      assertThat(first.getCell(header.indexOf("状态")).getStringCellValue()).isEqualTo("已批准");
      Cell reported = first.getCell(header.indexOf("登记日期"));
      assertThat(reported.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
      assertThat(reported.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 2));
      assertThat(first.getCell(header.indexOf("审批日期")).getLocalDateTimeCellValue().toLocalDate())
          .isEqualTo(LocalDate.of(2026, 3, 2));
      assertThat(first.getCell(header.indexOf("发放日期")).getLocalDateTimeCellValue().toLocalDate())
          .isEqualTo(LocalDate.of(2026, 4, 8));

      Row sent = sheet.getRow(3);
      assertThat(sent.getCell(0).getStringCellValue()).isEqualTo(b.getBusinessKey());
      assertThat(sent.getCell(3).getStringCellValue()).isEqualTo("浔中镇");
      // in the payment list, not yet paid by the bank: no money, no payment date
      assertThat(sent.getCell(county).getCellType()).isEqualTo(CellType.BLANK);
      assertThat(sent.getCell(header.indexOf("发放日期")).getCellType()).isEqualTo(CellType.BLANK);

      Row alone = sheet.getRow(4);
      assertThat(alone.getCell(0).getStringCellValue()).isEqualTo(c.getBusinessKey());
      assertThat(alone.getCell(header.indexOf("批次")).getStringCellValue()).isEqualTo("单独审批");
      assertThat(alone.getCell(header.indexOf("登记日期")).getLocalDateTimeCellValue().toLocalDate())
          .isEqualTo(LocalDate.of(2026, 4, 8));

      Row turnedDown = sheet.getRow(5);
      assertThat(turnedDown.getCell(0).getStringCellValue()).isEqualTo(e.getBusinessKey());
      assertThat(turnedDown.getCell(header.indexOf("状态")).getStringCellValue()).isEqualTo("未通过");
      assertThat(turnedDown.getCell(8).getCellType()).isEqualTo(CellType.BLANK);

      Row totals = sheet.getRow(6);
      assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("合计（4件）");
      assertThat(totals.getCell(8).getNumericCellValue()).isEqualTo(39_900.0);
      assertThat(totals.getCell(county).getNumericCellValue()).isEqualTo(27_900.0);
      assertThat(totals.getCell(charity).getNumericCellValue()).isEqualTo(5_000.0);
      assertThat(totals.getCell(county).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
    }

    try (Workbook book = book("/api/statistics/ledger?year=2026", "sanban1")) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("德化县2026年一事一议临时救助台账（三班镇）");
      List<String> caseNos = new ArrayList<>();
      for (int r = 2; r < sheet.getLastRowNum(); r++) {
        caseNos.add(sheet.getRow(r).getCell(0).getStringCellValue());
      }
      assertThat(caseNos).containsExactly(a.getBusinessKey(), c.getBusinessKey(), e.getBusinessKey());
      assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(county).getNumericCellValue()).isEqualTo(27_900.0);
    }
    try (Workbook book = book("/api/statistics/ledger?year=2025", "civil1")) {
      assertThat(book.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).isEqualTo("合计（0件）");
    }
    assertThat(download("/api/statistics/ledger?year=2026&township=sanban", "xunzhong1").statusCode()).isEqualTo(403);
    assertThat(download("/api/statistics/ledger?year=2026", "charity1").statusCode()).isEqualTo(403);
    assertThat(download("/api/statistics/ledger?year=2026", "designer1").statusCode()).isEqualTo(403);
  }

  static List<String> texts(Row row) {
    List<String> texts = new ArrayList<>();
    row.forEach(cell -> texts.add(cell.getStringCellValue()));
    return texts;
  }
}
