package cn.jiuji.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.assistance.CaseFixtures;
import cn.jiuji.system.WebClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** GET /api/cases/{caseNo}/approval-form.pdf: the 临时救助审核审批表 read back as a PDF (SPEC §11). */
@ApplicationTest
class ApprovalFormTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  WebClient web;
  RestWork work;

  @BeforeEach
  void client() {
    web = new WebClient(port);
    work = new RestWork(web, tasks);
  }

  /** A sanban case worked by sanban1, civil1 and group1 up to the approval. */
  ProcessInstance approvedCase(String category, double selfPaid, long amount, Map<String, Object> opinionExtra,
      Map<String, Object> approvalExtra) {
    var pi = runtime.startProcessInstanceByKey("temporaryAssistance", CaseFixtures.start("sanban", category, selfPaid));
    work.complete(pi.getId(), "firstVisit", "sanban1", CaseFixtures.visit(true, false));
    Map<String, Object> opinion = new HashMap<>(CaseFixtures.opinion(true, amount, 0));
    opinion.putAll(opinionExtra);
    work.complete(pi.getId(), "preliminaryOpinion", "sanban1", opinion);
    work.complete(pi.getId(), "secondReview", "civil1", CaseFixtures.review(true, amount - 900));
    Map<String, Object> approval = new HashMap<>(CaseFixtures.approval(true, amount - 900));
    approval.putAll(approvalExtra);
    work.complete(pi.getId(), "groupApproval", "group1", approval);
    return pi;
  }

  @Test
  void theFormNamesTheCaseTheHouseholdTheAmountsAndEveryoneWhoSignedItOff() throws IOException {
    var pi = approvedCase("GENERAL", 132_667, 19_900, Map.of(), Map.of("approvalNote", "同意按审核金额救助"));

    HttpResponse<byte[]> response = getBytes("/api/cases/" + pi.getBusinessKey() + "/approval-form.pdf", "sanban1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    try (PDDocument pdf = Loader.loadPDF(response.body())) {
      PDRectangle page = pdf.getPage(0).getMediaBox();
      assertThat(page.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
      assertThat(page.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(1f));
      // a long text wraps inside its cell: read it as one line
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\R", "");
      assertThat(text).contains("临时救助审核审批表", pi.getBusinessKey(), "颜某斌", "三班镇", "泗滨村", "一般困难群众");
      // the amounts each step arrived at: proposed 19900, reviewed and approved 19000
      assertThat(text).contains("19900", "19000", "80000");
      // the sign-off chain: the township worker (two steps), civil affairs, the leading group, as Chinese write names
      assertThat(text).contains("颜社工", "陈民政", "郑组长");
      assertThat(text).doesNotContain("社工 颜", "sanban1", "group1");
      assertThat(text).contains("乡镇初步意见", "建议按比例救助", "再次入户核实无误", "同意按审核金额救助", "批准", "2026年6月10日");
      assertThat(text).contains("盖章");
      // the ID number masked, never whole
      assertThat(text).doesNotContain((String) runtime.getVariable(pi.getId(), "idNumber"));
      assertThat(text).containsPattern("350526\\*{8}\\d{3}[\\dX]");
      // the Chinese font travels with the file, as the subset of the characters used: every
      // character printed is in it (openhtmltopdf lists an unused base-14 font besides)
      List<PDFont> fonts = printedFonts(pdf);
      assertThat(fonts).isNotEmpty().allSatisfy(font -> {
        assertThat(font.isEmbedded()).isTrue();
        assertThat(font.getName()).matches("[A-Z]{6}\\+.*");
      });
    }
    assertThat(response.body().length).as("a subset, not the 3.4 MB font").isLessThan(300_000);
  }

  @Test
  void belowItsThresholdTheFormGivesTheTownshipsAndTheGroupsReasons() throws IOException {
    var pi = approvedCase("GENERAL", 45_000, 6_000,
        Map.of("belowThresholdReason", "患儿仍需长期治疗，家庭无其他收入"),
        Map.of("belowThresholdReason", "领导小组研究同意个案救助"));

    String text = pdfText(pi.getBusinessKey(), "civil1");

    assertThat(text).contains("未达到", "低于门槛的理由：患儿仍需长期治疗，家庭无其他收入", "低于门槛的理由：领导小组研究同意个案救助");
  }

  @Test
  void anotherTownshipGetsA404InChineseAndNobodyWithoutLoginGetsAnything() {
    var pi = approvedCase("GENERAL", 132_667, 19_900, Map.of(), Map.of());
    String path = "/api/cases/" + pi.getBusinessKey() + "/approval-form.pdf";

    var foreign = web.get(path, "xunzhong1", "demo");
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).contains("未找到案件", "无权查看").doesNotContain("颜某斌");
    assertThat(web.get(path, "designer1", "demo").statusCode()).isEqualTo(404);
    assertThat(web.get(path, null, null).statusCode()).isEqualTo(401);
    assertThat(web.get("/api/cases/YSYY-1999-99999/approval-form.pdf", "civil1", "demo").statusCode()).isEqualTo(404);
  }

  @Test
  void aLoggedInWebappUserOpensTheFormWithoutBasicCredentialsButWritesNothingThatWay() throws IOException {
    var pi = approvedCase("GENERAL", 132_667, 19_900, Map.of(), Map.of());
    assertThat(web.webappLogin("tasklist", "sanban1", "demo")).isEqualTo(200);

    var page = web.webappGet("/api/cases/" + pi.getBusinessKey());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("颜某斌");
    // the session cookie, which a browser sends on its own, authorizes no write on /api
    var write = web.webappJson("POST", "/api/calendar/reload", "{}");
    assertThat(write.statusCode()).isEqualTo(401);
  }

  String pdfText(String caseNo, String user) throws IOException {
    var response = getBytes("/api/cases/" + caseNo + "/approval-form.pdf", user);
    assertThat(response.statusCode()).isEqualTo(200);
    try (PDDocument pdf = Loader.loadPDF(response.body())) {
      return new PDFTextStripper().getText(pdf).replaceAll("\\R", "");
    }
  }

  /** The fonts the characters of the text are printed in, blanks aside. */
  static List<PDFont> printedFonts(PDDocument pdf) throws IOException {
    List<PDFont> fonts = new ArrayList<>();
    var stripper = new PDFTextStripper() {
      @Override
      protected void writeString(String text, List<TextPosition> positions) throws IOException {
        for (TextPosition position : positions) {
          if (!position.getUnicode().isBlank() && !fonts.contains(position.getFont())) {
            fonts.add(position.getFont());
          }
        }
        super.writeString(text, positions);
      }
    };
    stripper.getText(pdf);
    return fonts;
  }

  HttpResponse<byte[]> getBytes(String path, String user) {
    String basic = Base64.getEncoder().encodeToString((user + ":demo").getBytes());
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
