package cn.jiuji.payment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.assistance.CaseFixtures;
import cn.jiuji.ledger.BankPayments;
import cn.jiuji.ledger.GrantStatus;
import cn.jiuji.ledger.Ledger;
import cn.jiuji.system.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The payment list and the bank's return over {@code /api} (SPEC §8), as civil affairs uses them. */
@ApplicationTest
class BankReturnTest {

  static final Charset GBK = Charset.forName("GBK");
  static final String PASSWORD = "demo";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired BankPayments bank;
  @Autowired Ledger ledger;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();
  PaymentFixtures fixtures;
  WebClient web;

  @BeforeEach
  void setUp() {
    fixtures = new PaymentFixtures(runtime, tasks, management);
    web = new WebClient(port);
  }

  String id(ProcessInstance pi) {
    return (String) runtime.getVariable(pi.getId(), "idNumber");
  }

  HttpResponse<byte[]> download(String path, String user) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .GET().build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  JsonNode upload(String batchNo, String fileName, byte[] content, int status) throws Exception {
    var response = web.postMultipart("/api/batches/" + batchNo + "/bank-return", "file", fileName, content,
        "civil1", PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json.readTree(response.body());
  }

  @Test
  void thePaymentListHasOneRowPerSentGrantWithTheWholeNumbersAsText() throws Exception {
    ProcessInstance a = fixtures.disbursed("sanban", 19_900, "2026-01", "6230351234567890001");
    ProcessInstance b = fixtures.disbursed("xunzhong", 12_200, "2026-01", "6217000011112222002");
    fixtures.disbursed("sanban", 8_000, "2026-02", "6230351234567890003");

    var response = download("/api/batches/2026-01/payment-list", "civil1");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("attachment")
        .contains(".xlsx");
    List<List<String>> rows = new ArrayList<>();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
      Sheet sheet = workbook.getSheetAt(0);
      for (Row row : sheet) {
        List<String> cells = new ArrayList<>();
        row.forEach(cell -> cells.add(cell.getCellType() == CellType.NUMERIC
            ? BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString()
            : cell.getStringCellValue()));
        rows.add(cells);
      }
      // the numbers a spreadsheet would otherwise round are text cells
      assertThat(sheet.getRow(1).getCell(3).getCellType()).isEqualTo(CellType.STRING);
      assertThat(sheet.getRow(1).getCell(4).getCellType()).isEqualTo(CellType.STRING);
    }
    assertThat(rows).containsExactly(
        List.of("序号", "案件编号", "户主姓名", "户主身份证号", "银行账号", "开户行", "金额", "乡镇"),
        List.of("1", a.getBusinessKey(), "颜某斌", id(a), "6230351234567890001", CaseFixtures.BANK_NAME, "19900", "三班镇"),
        List.of("2", b.getBusinessKey(), "颜某斌", id(b), "6217000011112222002", CaseFixtures.BANK_NAME, "12200", "浔中镇"));
    // each whole ID number handed out is recorded, as for the REST API
    assertThat(jdbc.queryForList("SELECT id_number FROM id_number_read WHERE user_id = 'civil1' AND case_no IN (?, ?)",
        String.class, a.getBusinessKey(), b.getBusinessKey())).containsExactlyInAnyOrder(id(a), id(b));

    var csv = download("/api/batches/2026-01/payment-list?format=csv", "civil1");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(new String(csv.body(), GBK).split("\r?\n")).containsExactly(
        "序号,案件编号,户主姓名,户主身份证号,银行账号,开户行,金额,乡镇",
        "1," + a.getBusinessKey() + ",颜某斌," + id(a) + ",6230351234567890001," + CaseFixtures.BANK_NAME + ",19900.00,三班镇",
        "2," + b.getBusinessKey() + ",颜某斌," + id(b) + ",6217000011112222002," + CaseFixtures.BANK_NAME + ",12200.00,浔中镇");
  }

  @Test
  void aReturnMarksSuccessAndFailureAndRejectsAnUnknownCaseAndAWrongAmount() throws Exception {
    ProcessInstance paid = fixtures.disbursed("sanban", 19_900, "2026-03", "6230351234567890011");
    ProcessInstance failed = fixtures.disbursed("sanban", 15_000, "2026-03", "6230351234567890012");
    ProcessInstance wrongAmount = fixtures.disbursed("xunzhong", 12_200, "2026-03", "6230351234567890013");
    ProcessInstance otherBatch = fixtures.disbursed("sanban", 9_000, "2026-04", "6230351234567890014");
    byte[] file = PaymentFixtures.csv(GBK,
        paid.getBusinessKey() + ",6230351234567890011,19900.00,成功,",
        failed.getBusinessKey() + ",6230351234567890012,15000,失败,账户已冻结",
        otherBatch.getBusinessKey() + ",6230351234567890014,9000,成功,",
        wrongAmount.getBusinessKey() + ",6230351234567890013,12000,成功,");

    JsonNode report = upload("2026-03", "回盘-2026-03.csv", file, 200);

    assertThat(report.path("rows").asInt()).isEqualTo(4);
    assertThat(report.path("paid").asInt()).isEqualTo(1);
    assertThat(report.path("failed")).hasSize(1);
    assertThat(report.path("failed").get(0).path("caseNo").asText()).isEqualTo(failed.getBusinessKey());
    assertThat(report.path("failed").get(0).path("reason").asText()).isEqualTo("账户已冻结");
    assertThat(report.path("rejected").findValuesAsText("row")).containsExactly("4", "5");
    assertThat(report.path("rejected").get(0).path("reason").asText())
        .isEqualTo("批次 2026-03 的发放花名册中没有案件 " + otherBatch.getBusinessKey());
    assertThat(report.path("rejected").get(1).path("reason").asText())
        .isEqualTo("回盘金额 12000 元与发放花名册中案件 " + wrongAmount.getBusinessKey() + " 的金额 12200 元不符");

    assertThat(ledger.grantsOfCase(paid.getBusinessKey()).get(0).status()).isEqualTo(GrantStatus.PAID);
    assertThat(ledger.grantsOfCase(failed.getBusinessKey()).get(0).status()).isEqualTo(GrantStatus.FAILED);
    assertThat(ledger.grantsOfCase(wrongAmount.getBusinessKey()).get(0).status()).isEqualTo(GrantStatus.SENT);
    assertThat(ledger.grantsOfCase(otherBatch.getBusinessKey()).get(0).status()).isEqualTo(GrantStatus.SENT);
    // the next list of the batch: what is still to be paid
    assertThat(bank.paymentList("2026-03")).extracting(BankPayments.PaymentOrder::caseNo)
        .containsExactly(wrongAmount.getBusinessKey());
    // sent = paid + failed + still sent
    assertThat(bank.totals("2026-03")).containsEntry(GrantStatus.PAID, new BigDecimal("19900.00"))
        .containsEntry(GrantStatus.FAILED, new BigDecimal("15000.00"))
        .containsEntry(GrantStatus.SENT, new BigDecimal("12200.00"));
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("paymentCorrection")
        .processInstanceBusinessKey(failed.getBusinessKey()).count()).isEqualTo(1);

    // the case summary: each grant's status and batch, and the money that counts
    JsonNode summary = json.readTree(web.get("/api/cases/" + failed.getBusinessKey(), "civil1", PASSWORD).body());
    assertThat(summary.path("grants").findValuesAsText("status")).containsExactly("FAILED");
    assertThat(summary.path("grants").findValuesAsText("batchNo")).containsExactly("2026-03");
    assertThat(summary.path("totalGranted").decimalValue()).isEqualByComparingTo("0");
    JsonNode paidSummary = json.readTree(web.get("/api/cases/" + paid.getBusinessKey(), "civil1", PASSWORD).body());
    assertThat(paidSummary.path("grants").findValuesAsText("status")).containsExactly("PAID");
    assertThat(paidSummary.path("totalGranted").decimalValue()).isEqualByComparingTo("19900");

    // the same return again changes nothing
    JsonNode again = upload("2026-03", "回盘-2026-03.csv", file, 200);
    assertThat(again.path("rows").asInt()).isEqualTo(4);
    assertThat(again.path("paid").asInt()).isZero();
    assertThat(again.path("failed")).isEmpty();
    assertThat(again.path("rejected").findValuesAsText("row")).containsExactly("2", "3", "4", "5");
    assertThat(again.path("rejected").get(0).path("reason").asText()).contains("已确认发放成功，不能再次回盘");
    assertThat(again.path("rejected").get(1).path("reason").asText()).contains("已回盘为发放失败");
    assertThat(bank.totals("2026-03")).containsEntry(GrantStatus.PAID, new BigDecimal("19900.00"))
        .containsEntry(GrantStatus.FAILED, new BigDecimal("15000.00"))
        .containsEntry(GrantStatus.SENT, new BigDecimal("12200.00"));
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("paymentCorrection")
        .processInstanceBusinessKey(failed.getBusinessKey()).count()).isEqualTo(1);
  }

  @Test
  void aReturnAsXlsxOrUtf8CsvIsReadTheSame() throws Exception {
    ProcessInstance first = fixtures.disbursed("sanban", 10_000, "2026-07", "6230351234567890021");
    ProcessInstance second = fixtures.disbursed("sanban", 11_000, "2026-07", "6230351234567890022");
    JsonNode xlsx = upload("2026-07", "回盘.xlsx", PaymentFixtures.xlsx(List.of(
        List.of(first.getBusinessKey(), "6230351234567890021", "10000", "成功", ""))), 200);
    assertThat(xlsx.path("paid").asInt()).isEqualTo(1);
    JsonNode utf8 = upload("2026-07", "回盘.csv", PaymentFixtures.csv(StandardCharsets.UTF_8,
        second.getBusinessKey() + ",6230351234567890022,\"11,000.00\",失败,"), 200);
    assertThat(utf8.path("failed").get(0).path("reason").asText()).isEqualTo("银行未注明失败原因");
  }

  @Test
  void badReturnsAreRefusedInChineseAndChangeNothing() throws Exception {
    ProcessInstance pi = fixtures.disbursed("sanban", 10_000, "2026-08", "6230351234567890031");
    assertThat(upload("2026-08", "回盘.csv", "案件编号,银行账号,金额\r\nX,1,1\r\n".getBytes(GBK), 400)
        .path("message").asText()).contains("回盘文件缺少“发放结果”列");
    assertThat(upload("2026-08", "回盘.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 400)
        .path("message").asText()).contains("不支持的文件类型");
    assertThat(upload("2026-08", "回盘.csv", PaymentFixtures.HEADER.getBytes(GBK), 400)
        .path("message").asText()).isEqualTo("回盘文件只有表头，没有数据行");
    JsonNode rows = upload("2026-08", "回盘.csv", PaymentFixtures.csv(GBK,
        pi.getBusinessKey() + ",6230351234567890031,一万,成功,",
        pi.getBusinessKey() + ",6230351234567890031,10000,已到账,",
        ",6230351234567890031,10000,成功,"), 200);
    assertThat(rows.path("rejected").findValuesAsText("reason")).containsExactly(
        "金额“一万”不是有效的数字", "发放结果应为“成功”或“失败”，而不是“已到账”", "缺少案件编号");
    assertThat(upload("2099-01", "回盘.csv", PaymentFixtures.csv(GBK, "X,1,1,成功,"), 404)
        .path("message").asText()).isEqualTo("没有批次 2099-01 的发放记录，请核对批次号");
    assertThat(ledger.grantsOfCase(pi.getBusinessKey()).get(0).status()).isEqualTo(GrantStatus.SENT);
  }

  @Test
  void onlyCivilAffairsExportsListsAndImportsReturns() throws Exception {
    ProcessInstance pi = fixtures.disbursed("sanban", 10_000, "2026-09", "6230351234567890041");
    byte[] file = PaymentFixtures.csv(GBK, pi.getBusinessKey() + ",6230351234567890041,10000,成功,");
    // the case's own township, another township, the leaders, managers, the leading group
    for (String user : List.of("sanban1", "xunzhong1", "leader1", "manager1", "group1")) {
      var list = download("/api/batches/2026-09/payment-list", user);
      assertThat(list.statusCode()).as(user).isEqualTo(403);
      assertThat(new String(list.body(), StandardCharsets.UTF_8)).contains(BatchController.ONLY_CIVIL_AFFAIRS)
          .doesNotContain(id(pi));
      var upload = web.postMultipart("/api/batches/2026-09/bank-return", "file", "回盘.csv", file, user, PASSWORD);
      assertThat(upload.statusCode()).as(user).isEqualTo(403);
    }
    assertThat(web.get("/api/batches/2026-09/payment-list", null, null).statusCode()).isEqualTo(401);
    // nor is a correction started by hand, over REST
    var start = web.postJson("/engine-rest/process-definition/key/paymentCorrection/start", "{}", "civil1", PASSWORD);
    assertThat(start.statusCode()).as(start.body()).isEqualTo(400);
    assertThat(json.readTree(start.body()).path("message").asText())
        .isEqualTo("更正发放信息由银行回盘中发放失败的救助金自动发起，不能手工发起");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("paymentCorrection")
        .processInstanceBusinessKey(pi.getBusinessKey()).count()).isZero();
    assertThat(ledger.grantsOfCase(pi.getBusinessKey()).get(0).status()).isEqualTo(GrantStatus.SENT);
    assertThat(download("/api/batches/2099-09/payment-list", "civil1").statusCode()).isEqualTo(404);
    assertThat(download("/api/batches/2026-09/payment-list?format=pdf", "civil1").statusCode()).isEqualTo(400);
  }

  @Test
  void theAccountIsMaskedInEveryVariableViewOfBothRestRootsForEveryone() throws Exception {
    ProcessInstance pi = fixtures.disbursed("sanban", 10_000, "2026-10", "6230351234567890051");
    for (String user : List.of("civil1", "sanban1", "manager1", "admin")) {
      for (String path : List.of(
          "/engine-rest/variable-instance?variableName=bankAccount&processInstanceIdIn=" + pi.getId() + "&maxResults=10",
          "/engine-rest/history/variable-instance?variableName=bankAccount&processInstanceId=" + pi.getId() + "&maxResults=10",
          "/engine-rest/history/detail?processInstanceId=" + pi.getId() + "&maxResults=500",
          "/engine-rest/process-instance/" + pi.getId() + "/variables")) {
        var response = web.get(path, user, PASSWORD);
        assertThat(response.statusCode()).as(user + " " + path).isEqualTo(200);
        assertThat(response.body()).as(user + " " + path).doesNotContain("6230351234567890051");
        assertThat(response.body()).as(user + " " + path).contains("***************0051");
      }
    }
    assertThat(web.webappLogin("cockpit", "manager1", PASSWORD)).isEqualTo(200);
    var cockpit = web.webappGet("/camunda/api/engine/engine/default/variable-instance?variableName=bankAccount&processInstanceIdIn="
        + pi.getId() + "&maxResults=10");
    assertThat(cockpit.statusCode()).isEqualTo(200);
    assertThat(cockpit.body()).contains("***************0051").doesNotContain("6230351234567890051");
    JsonNode summary = json.readTree(web.get("/api/cases/" + pi.getBusinessKey(), "sanban1", PASSWORD).body());
    assertThat(summary.path("bankAccountMasked").asText()).isEqualTo("***************0051");
  }
}
