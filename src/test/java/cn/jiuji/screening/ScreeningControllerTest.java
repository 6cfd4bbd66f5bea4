package cn.jiuji.screening;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.TestClock;
import cn.jiuji.system.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** POST /api/screening/imports (SPEC §6) over HTTP with the demo users. */
@ApplicationTest
class ScreeningControllerTest {

  static final String IMPORTS = "/api/screening/imports";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired HistoryService history;
  WebClient web;

  @BeforeEach
  void client() {
    web = new WebClient(port);
    // a run date whose screening years (2021–2023, the policy before the 2024 relaxation) no
    // other test fills, so that the report's household figures are this test's alone
    TestClock.pin(LocalDateTime.of(2023, 5, 10, 10, 0));
  }

  /** The case number of the household's case, or null when it has none. */
  String caseOf(String householdHeadId) {
    var cases = history.createHistoricProcessInstanceQuery().processDefinitionKey("temporaryAssistance")
        .variableValueEquals("idNumber", householdHeadId).list();
    assertThat(cases).hasSizeLessThanOrEqualTo(1);
    return cases.isEmpty() ? null : cases.get(0).getBusinessKey();
  }

  HttpResponse<String> upload(Path file, String name, String user) throws Exception {
    return web.postMultipart(IMPORTS, "file", name, Files.readAllBytes(file), user, user == null ? null : "demo");
  }

  @Test
  void importsTheFileScreensAndReportsTheFiguresOnceOnly() throws Exception {
    String eligible = MedicalFileBuilder.newHousehold();
    String notEligible = MedicalFileBuilder.newHousehold();
    Path file = new MedicalFileBuilder()
        .settlement(eligible, "普通", "2022-03-01", "150000", "60000")
        .settlement(eligible, "普通", "2023-02-01", "90000", "40000")
        .settlement(notEligible, "低保", "2022-08-08", "30000", "20000")
        .row(MedicalFileBuilder.newSettlementId(), eligible, "颜某明", eligible, "颜某斌", "三班镇", "泗滨村", "",
            "2023-02-01", "100", "200")
        .write(MedicalFiles.Format.CSV_GBK);

    HttpResponse<String> response = upload(file, "医保结算2023年4月.csv", "medical1");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode report = json.readTree(response.body());
    assertThat(report.get("rows").asInt()).isEqualTo(4);
    assertThat(report.get("accepted").asInt()).isEqualTo(3);
    assertThat(report.get("rejected")).hasSize(1);
    assertThat(report.get("rejected").get(0).get("row").asInt()).isEqualTo(5);
    assertThat(report.get("rejected").get(0).get("reason").asText()).isEqualTo("个人自付（200.00）大于医疗总费用（100.00）");
    assertThat(report.get("rejectedListTruncated").asBoolean()).isFalse();
    // the 2023 policy: 100,000 yuan for a general household; 60,000 + 40,000 reaches it
    assertThat(report.get("householdsEligible").asInt()).isEqualTo(1);
    List<String> started = new ArrayList<>();
    report.get("casesStarted").forEach(caseNo -> started.add(caseNo.asText()));
    assertThat(caseOf(notEligible)).isNull();
    assertThat(caseOf(eligible)).matches("YSYY-2023-\\d{5}");
    assertThat(started).containsExactly(caseOf(eligible));
    assertThat(report.get("alreadyImported").asBoolean()).isFalse();
    assertThat(report.get("message").asText()).contains("新启动救助案件 " + started.size() + " 件");

    HttpResponse<String> again = upload(file, "再次上传.csv", "civil1");

    assertThat(again.statusCode()).isEqualTo(200);
    JsonNode repeated = json.readTree(again.body());
    assertThat(repeated.get("alreadyImported").asBoolean()).isTrue();
    assertThat(repeated.get("casesStarted")).isEmpty();
    assertThat(repeated.get("newSettlements").asInt()).isZero();
    assertThat(repeated.get("message").asText()).contains("由 medical1 导入", "未作任何更改");
  }

  @Test
  void letsCivilAffairsStaffImportXlsx() throws Exception {
    Path file = new MedicalFileBuilder()
        .settlement(MedicalFileBuilder.newHousehold(), "", "2021-12-01", "800", "100")
        .write(MedicalFiles.Format.XLSX);

    HttpResponse<String> response = upload(file, "结算.xlsx", "civil1");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(json.readTree(response.body()).get("accepted").asInt()).isEqualTo(1);
  }

  @Test
  void refusesTownshipStaffAndAnonymousCallers() throws Exception {
    Path file = new MedicalFileBuilder()
        .settlement(MedicalFileBuilder.newHousehold(), "", "2021-12-01", "800", "100")
        .write(MedicalFiles.Format.CSV_UTF8);

    HttpResponse<String> township = upload(file, "a.csv", "sanban1");
    assertThat(township.statusCode()).isEqualTo(403);
    assertThat(township.body()).contains("只有县医保分局或县民政局救助股的工作人员可以导入医保结算数据");
    assertThat(upload(file, "a.csv", null).statusCode()).isEqualTo(401);
  }

  @Test
  void answersMissingEmptyAndUnsupportedFilesWithAChineseBadRequest() throws Exception {
    Path empty = Files.createTempFile("medical-", ".csv");
    Path pdf = Files.createTempFile("medical-", ".pdf");
    Files.writeString(pdf, "%PDF-1.4", StandardCharsets.UTF_8);
    Path headerless = Files.createTempFile("medical-", ".csv");
    Files.writeString(headerless, "甲,乙\n1,2\n", StandardCharsets.UTF_8);

    assertBadRequest(upload(empty, "空.csv", "medical1"), "上传的文件是空的");
    assertBadRequest(upload(pdf, "报表.pdf", "medical1"), "不支持的文件类型");
    assertBadRequest(upload(headerless, "x.csv", "medical1"), "缺少以下列");
    assertBadRequest(web.postMultipart(IMPORTS, "attachment", "a.csv", new byte[] {1}, "medical1", "demo"), "缺少");
    assertBadRequest(web.postJson(IMPORTS, "{}", "medical1", "demo"), "请求格式不正确");
  }

  void assertBadRequest(HttpResponse<String> response, String message) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains(message);
  }
}
