package cn.jiuji.casefile;

import cn.jiuji.base.CountyClock;
import cn.jiuji.identity.CountyProperties;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Prints the 临时救助审核审批表 (SPEC §11) as an A4 PDF: an XHTML page rendered by openhtmltopdf,
 * with the shipped TrueType fonts (resources/fonts) embedded as the subsets of the characters used.
 */
@Component
class ApprovalFormPdf {

  /** Chinese; it has no Latin letters or digits, which come from the second font. */
  static final String FONT = "/fonts/DroidSansFallback.ttf";
  static final String LATIN_FONT = "/fonts/LiberationSans-Regular.ttf";
  private static final String FAMILY = "jiuji-cjk";
  private static final String LATIN_FAMILY = "jiuji-latin";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final CountyClock clock;
  private final CountyProperties county;

  ApprovalFormPdf(CountyClock clock, CountyProperties county) {
    this.clock = clock;
    this.county = county;
  }

  byte[] render(ApprovalSheet.Sheet sheet) {
    var out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      // one face for all weights: headings are set larger, not in a bold face the font lacks
      for (int weight : new int[] {400, 700}) {
        builder.useFont(() -> ApprovalFormPdf.class.getResourceAsStream(FONT), FAMILY, weight, FontStyle.NORMAL, true);
        builder.useFont(() -> ApprovalFormPdf.class.getResourceAsStream(LATIN_FONT), LATIN_FAMILY, weight,
            FontStyle.NORMAL, true);
      }
      builder.withHtmlContent(html(sheet), null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  String html(ApprovalSheet.Sheet s) {
    var h = new StringBuilder();
    h.append("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><title>临时救助审核审批表 ")
        .append(esc(s.caseNo())).append("</title><style>").append(CSS).append("</style></head><body>");
    h.append("<h1>").append(esc(county.name())).append("临时救助审核审批表</h1>");
    h.append("<p class=\"sub\">一事一议大额临时救助　案件编号：").append(esc(s.caseNo()))
        .append("　打印日期：").append(clock.today().format(DAY)).append("</p>");

    h.append("<table>").append(FACTS).append("<tr><th colspan=\"6\" class=\"section\">家庭基本情况</th></tr>");
    row(h, "户主姓名", s.householdHead(), "身份证号", s.idNumberMasked(), "家庭人口", s.householdSize() == null ? "" : s.householdSize() + " 人");
    row(h, "乡镇", s.townshipName(), "村（社区）", s.village(), "人员类别", s.category());
    h.append("</table>");

    h.append("<table>").append(FACTS).append("<tr><th colspan=\"6\" class=\"section\">救助金额（元）</th></tr>");
    row(h, "两年个人自付医疗费用", yuan(s.selfPaidTwoYears()), "救助门槛", yuan(s.threshold()),
        "是否达到门槛", s.eligible() == null ? "" : s.eligible() ? "达到" : "未达到（一事一议）");
    row(h, "测算建议金额", yuan(s.suggestedAmount()), "乡镇建议金额", yuan(s.proposedAmount()),
        "民政审核金额", yuan(s.reviewedAmount()));
    row(h, "领导小组批准金额", yuan(s.approvedAmount()), "其中已先行救助", yuan(s.advanceAmount()), "", "");
    h.append("</table>");

    if (s.aidPackage() != null && s.aidPackage().hasPartnerAid()) {
      aidPackage(h, s.aidPackage());
    }

    h.append("<table class=\"chain\"><colgroup><col style=\"width:17%\"/><col style=\"width:14%\"/>"
        + "<col style=\"width:39%\"/><col style=\"width:15%\"/><col style=\"width:15%\"/></colgroup>");
    h.append("<tr><th colspan=\"5\" class=\"section\">审核审批意见</th></tr>");
    h.append("<tr><th class=\"step\">环节</th><th class=\"decision\">结论</th><th>意见</th>"
        + "<th class=\"person\">经办人</th><th class=\"stamp\">签名（盖章）</th></tr>");
    for (ApprovalSheet.SignOff step : s.signOffs()) {
      h.append("<tr><td>").append(esc(step.step())).append("</td><td>").append(esc(step.decision()));
      if (step.amount() != null) {
        h.append("<br/>").append(yuan(step.amount())).append(" 元");
      }
      h.append("</td><td>");
      List<String> notes = step.notes();
      for (int i = 0; i < notes.size(); i++) {
        h.append(i == 0 ? "" : "<br/>").append(esc(notes.get(i)));
      }
      h.append("</td><td>").append(esc(step.person())).append("<br/>")
          .append(step.date().atZone(clock.zone()).format(DAY)).append("</td><td></td></tr>");
    }
    if (s.signOffs().isEmpty()) {
      h.append("<tr><td colspan=\"5\">本案尚无已办结的审核审批环节</td></tr>");
    }
    h.append("</table>");

    h.append("<table class=\"seals\"><tr>");
    for (String office : List.of("乡镇人民政府（盖章）", "县民政局（盖章）", "县社会救助领导小组（盖章）")) {
      h.append("<td>").append(office).append("<div class=\"seal\"></div>年　　月　　日</td>");
    }
    h.append("</tr></table>");
    h.append("<p class=\"foot\">本表由救急难系统根据案件办理记录生成；身份证号已脱敏。</p>");
    h.append("</body></html>");
    return h.toString();
  }

  /** 一事一议、多部门联动 (SPEC §9): each source's money in the case, the monthly aid, the total. */
  private static void aidPackage(StringBuilder h, AidPackage p) {
    h.append("<table><colgroup><col style=\"width:45%\"/><col style=\"width:20%\"/><col style=\"width:35%\"/></colgroup>")
        .append("<tr><th colspan=\"3\" class=\"section\">救助帮扶（多部门联动）</th></tr>")
        .append("<tr><th>资金来源</th><th>金额（元）</th><th>说明</th></tr>");
    p.bySource().forEach((source, amount) -> h.append("<tr><td>").append(esc(source.label())).append("</td><td>")
        .append(yuan(amount)).append("</td><td></td></tr>"));
    for (AidPackage.Monthly m : p.monthly()) {
      h.append("<tr><td>").append(esc(m.label())).append("（按月）</td><td>每月 ").append(yuan(m.monthlyAmount()))
          .append("</td><td>共 ").append(m.months()).append(" 个月，自").append(m.firstMonth().getYear()).append("年")
          .append(m.firstMonth().getMonthValue()).append("月起，已发放 ").append(m.paidMonths()).append(" 个月")
          .append(m.stoppedAt() == null ? "" : "；已提前终止：" + esc(m.stopReason())).append("</td></tr>");
    }
    h.append("<tr><th>合计（已发放）</th><td>").append(yuan(p.total())).append("</td><td></td></tr></table>");
  }

  /** Label, value, label, value ...: labels narrow, values wide enough for an ID number on one line. */
  private static final String FACTS = "<colgroup><col style=\"width:13%\"/><col style=\"width:22%\"/>"
      + "<col style=\"width:13%\"/><col style=\"width:22%\"/><col style=\"width:13%\"/><col style=\"width:17%\"/></colgroup>";

  private static void row(StringBuilder h, String... labelsAndValues) {
    h.append("<tr>");
    for (int i = 0; i < labelsAndValues.length; i += 2) {
      h.append("<th>").append(esc(labelsAndValues[i])).append("</th><td>")
          .append(esc(labelsAndValues[i + 1])).append("</td>");
    }
    h.append("</tr>");
  }

  private static String yuan(Number amount) {
    return amount == null ? "" : new BigDecimal(amount.toString()).stripTrailingZeros().toPlainString();
  }

  /** XHTML text: the parser is strict, and names or opinions may contain anything. */
  static String esc(String text) {
    if (text == null) {
      return "";
    }
    var out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\n' -> out.append("<br/>");
        default -> {
          // characters XML does not allow (controls) are dropped rather than breaking the page
          if (c == '\t' || c == '\r' || c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.toString();
  }

  private static final String CSS = """
      @page { size: A4; margin: 15mm 14mm 15mm 14mm; }
      body { font-family: 'jiuji-latin', 'jiuji-cjk'; font-size: 10pt; color: #000; }
      h1 { font-size: 18pt; text-align: center; margin: 0 0 2mm 0; letter-spacing: 1pt; }
      p.sub { text-align: center; margin: 0 0 4mm 0; font-size: 10pt; }
      table { width: 100%; border-collapse: collapse; margin-bottom: 3mm; table-layout: fixed; }
      th, td { border: 0.6pt solid #000; padding: 1.4mm 1.4mm; vertical-align: top; word-wrap: break-word; }
      th { font-weight: normal; background: #f0f0f0; text-align: left; }
      th.section { text-align: center; font-size: 11.5pt; background: #dcdcdc; }
      table.chain td { height: 18mm; }
      table.seals td { width: 33%; height: 34mm; text-align: center; vertical-align: top; }
      div.seal { height: 22mm; }
      p.foot { font-size: 8.5pt; color: #444; }
      """;
}
