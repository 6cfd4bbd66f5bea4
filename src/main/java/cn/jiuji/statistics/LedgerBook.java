package cn.jiuji.statistics;

import static cn.jiuji.statistics.Statistics.CASES;
import static cn.jiuji.statistics.Statistics.ts;

import cn.jiuji.base.CountyClock;
import cn.jiuji.household.Category;
import cn.jiuji.identity.CountyProperties;
import cn.jiuji.ledger.GrantSource;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 一事一议临时救助台账 (SPEC §10): one row per case reported in the year, with its household, its
 * amounts, the money each source paid for it, its batch, state and dates, and a totals row. Rows
 * stream from the database into POI's streaming workbook, which keeps only a window of rows in
 * memory, so a year of any size is written with a bounded heap.
 */
@Component
class LedgerBook {

  /** Rows POI keeps in memory before it flushes them to its temporary file. */
  private static final int WINDOW = 200;
  private static final String[] LEADING = {"案件编号", "户主姓名", "脱敏身份证号", "乡镇", "村（社区）", "人员类别",
      "两年自付", "建议金额", "批准金额"};
  private static final String[] TRAILING = {"批次", "状态", "登记日期", "审批日期", "发放日期"};
  private static final String[] CASE_VARIABLES = {"householdHead", "idNumberMasked", "township", "townshipName",
      "village", "category", "selfPaidTwoYears", "suggestedAmount", "approvedAmount", "approved", "rejectedAt"};

  private final JdbcTemplate jdbc;
  private final CountyClock clock;
  private final CountyProperties county;

  LedgerBook(JdbcTemplate jdbc, CountyClock clock, CountyProperties county) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.county = county;
  }

  static List<String> header() {
    List<String> header = new ArrayList<>(List.of(LEADING));
    for (GrantSource source : GrantSource.values()) {
      header.add(source.label());
    }
    header.addAll(List.of(TRAILING));
    return header;
  }

  String title(int year, String township) {
    String place = township == null ? "" : "（" + county.byCode(township).map(CountyProperties.Township::name)
        .orElse(township) + "）";
    return county.name() + year + "年一事一议临时救助台账" + place;
  }

  void write(int year, String township, OutputStream out) throws IOException {
    SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    try {
      Styles styles = new Styles(workbook);
      SXSSFSheet sheet = workbook.createSheet("台账");
      List<String> header = header();
      int sources = GrantSource.values().length;
      int firstSource = LEADING.length;
      int columns = header.size();

      Row title = sheet.createRow(0);
      title.setHeightInPoints(28);
      cell(title, 0, styles.title).setCellValue(title(year, township));
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
      Row head = sheet.createRow(1);
      for (int i = 0; i < columns; i++) {
        cell(head, i, styles.header).setCellValue(header.get(i));
        sheet.setColumnWidth(i, width(header.get(i), i));
      }
      sheet.createFreezePane(0, 2);

      // totals: self-paid, suggested, approved, then each source
      BigDecimal[] totals = new BigDecimal[3 + sources];
      java.util.Arrays.fill(totals, BigDecimal.ZERO);
      int[] next = {2};
      jdbc.query(sql(township), rs -> {
        Row row = sheet.createRow(next[0]++);
        int c = 0;
        cell(row, c++, styles.text).setCellValue(rs.getString("case_no"));
        cell(row, c++, styles.text).setCellValue(nullToEmpty(rs.getString("householdHead")));
        cell(row, c++, styles.text).setCellValue(nullToEmpty(rs.getString("idNumberMasked")));
        cell(row, c++, styles.text).setCellValue(nullToEmpty(rs.getString("townshipName")));
        cell(row, c++, styles.text).setCellValue(nullToEmpty(rs.getString("village")));
        String category = rs.getString("category");
        cell(row, c++, styles.text).setCellValue(category == null ? ""
            : Category.parse(category).map(Category::label).orElse(category));
        c = amount(row, c, styles, rs.getBigDecimal("selfPaidTwoYears"), totals, 0);
        c = amount(row, c, styles, rs.getBigDecimal("suggestedAmount"), totals, 1);
        c = amount(row, c, styles, rs.getBigDecimal("approvedAmount"), totals, 2);
        for (int s = 0; s < sources; s++) {
          c = amount(row, c, styles, rs.getBigDecimal("s" + s), totals, 3 + s);
        }
        String batch = rs.getString("batch_no");
        cell(row, c++, styles.text).setCellValue(batch == null ? ""
            : batch.equals(rs.getString("case_no")) ? "单独审批" : batch);
        cell(row, c++, styles.text).setCellValue(state(rs));
        date(row, c++, styles, county(rs.getTimestamp("started")));
        date(row, c++, styles, county(rs.getTimestamp("decided")));
        OffsetDateTime paid = rs.getObject("paid_at", OffsetDateTime.class);
        date(row, c, styles, paid == null ? null : paid.toInstant().atZone(clock.zone()).toLocalDate());
      }, args(year, township));

      Row sum = sheet.createRow(next[0]);
      cell(sum, 0, styles.totalText).setCellValue("合计（" + (next[0] - 2) + "件）");
      for (int i = 1; i < firstSource - 3; i++) {
        cell(sum, i, styles.totalText);
      }
      for (int t = 0; t < totals.length; t++) {
        cell(sum, firstSource - 3 + t, styles.totalMoney).setCellValue(totals[t].doubleValue());
      }
      for (int i = firstSource + sources; i < columns; i++) {
        cell(sum, i, styles.totalText);
      }
      workbook.write(out);
    } finally {
      workbook.close();
      workbook.dispose();
    }
  }

  private String sql(String township) {
    StringBuilder variables = new StringBuilder();
    for (String name : CASE_VARIABLES) {
      variables.append(", MAX(CASE WHEN v.NAME_ = '").append(name).append("' THEN ")
          .append(switch (name) {
            case "selfPaidTwoYears" -> "v.DOUBLE_";
            case "suggestedAmount", "approvedAmount", "approved" -> "v.LONG_";
            default -> "v.TEXT_";
          }).append(" END) AS ").append(name);
    }
    StringBuilder sources = new StringBuilder();
    GrantSource[] all = GrantSource.values();
    for (int s = 0; s < all.length; s++) {
      sources.append(", SUM(CASE WHEN status = 'PAID' AND source = '").append(all[s].name())
          .append("' THEN amount END) AS s").append(s);
    }
    String inYear = "SELECT p.ID_ FROM ACT_HI_PROCINST p" + Statistics.variable("vt", "p", "township")
        + " WHERE p.PROC_DEF_KEY_ = '" + CASES + "' AND p.START_TIME_ >= ? AND p.START_TIME_ < ?"
        + (township == null ? "" : " AND vt.TEXT_ = ?");
    StringBuilder select = new StringBuilder("SELECT c.*");
    for (int s = 0; s < all.length; s++) {
      select.append(", g.s").append(s);
    }
    return select + ", g.batch_no, g.paid_at, a.decided"
        + " FROM (SELECT p.ID_ AS id, p.BUSINESS_KEY_ AS case_no, p.START_TIME_ AS started, p.END_TIME_ AS ended"
        + variables + " FROM ACT_HI_PROCINST p LEFT JOIN ACT_HI_VARINST v ON v.PROC_INST_ID_ = p.ID_"
        + " AND v.ACT_INST_ID_ = p.ID_ AND v.NAME_ IN ('" + String.join("', '", CASE_VARIABLES) + "')"
        + " WHERE p.ID_ IN (" + inYear + ") GROUP BY p.ID_, p.BUSINESS_KEY_, p.START_TIME_, p.END_TIME_) c"
        + " LEFT JOIN (SELECT case_no" + sources + ", MAX(batch_no) AS batch_no,"
        + " MAX(CASE WHEN status = 'PAID' THEN paid_at END) AS paid_at FROM grant_ledger"
        + " WHERE case_no IN (SELECT p.BUSINESS_KEY_ FROM ACT_HI_PROCINST p WHERE p.ID_ IN (" + inYear + "))"
        + " GROUP BY case_no) g ON g.case_no = c.case_no"
        + " LEFT JOIN (SELECT PROC_INST_ID_, MAX(END_TIME_) AS decided FROM ACT_HI_ACTINST"
        + " WHERE ACT_ID_ = 'groupApproval' AND END_TIME_ IS NOT NULL AND PROC_INST_ID_ IN (" + inYear + ")"
        + " GROUP BY PROC_INST_ID_) a ON a.PROC_INST_ID_ = c.id"
        + " ORDER BY c.started, c.id";
  }

  private Object[] args(int year, String township) {
    List<Object> one = new ArrayList<>(List.of(ts(clock.startOfYear(year)), ts(clock.startOfYear(year + 1))));
    if (township != null) {
      one.add(township);
    }
    List<Object> all = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      all.addAll(one);
    }
    return all.toArray();
  }

  private static String state(ResultSet rs) throws SQLException {
    if (rs.getString("rejectedAt") != null) {
      return "未通过";
    }
    if (rs.getObject("approved") != null && rs.getLong("approved") == 1) {
      return "已批准";
    }
    return rs.getTimestamp("ended") == null ? "办理中" : "已结束";
  }

  private LocalDate county(Timestamp time) {
    return time == null ? null : Instant.ofEpochMilli(time.getTime()).atZone(clock.zone()).toLocalDate();
  }

  private static int amount(Row row, int column, Styles styles, BigDecimal value, BigDecimal[] totals, int total) {
    Cell cell = cell(row, column, styles.money);
    if (value != null) {
      cell.setCellValue(value.doubleValue());
      totals[total] = totals[total].add(value);
    }
    return column + 1;
  }

  private static void date(Row row, int column, Styles styles, LocalDate value) {
    Cell cell = cell(row, column, styles.date);
    if (value != null) {
      cell.setCellValue(value);
    }
  }

  private static Cell cell(Row row, int column, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellStyle(style);
    return cell;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** In 1/256 of a character; a CJK character is about two. */
  private static int width(String header, int column) {
    int chars = switch (column) {
      case 0 -> 18;
      case 2 -> 20;
      default -> Math.max(10, header.length() * 2 + 2);
    };
    return Math.min(chars, 40) * 256;
  }

  private static final class Styles {
    final CellStyle title;
    final CellStyle header;
    final CellStyle text;
    final CellStyle money;
    final CellStyle date;
    final CellStyle totalText;
    final CellStyle totalMoney;

    Styles(SXSSFWorkbook workbook) {
      short moneyFormat = workbook.createDataFormat().getFormat("#,##0.00");
      short dateFormat = workbook.createDataFormat().getFormat("yyyy-mm-dd");
      Font bold = workbook.createFont();
      bold.setBold(true);
      Font big = workbook.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 16);
      title = workbook.createCellStyle();
      title.setFont(big);
      title.setAlignment(HorizontalAlignment.CENTER);
      header = bordered(workbook);
      header.setFont(bold);
      header.setAlignment(HorizontalAlignment.CENTER);
      header.setWrapText(true);
      text = bordered(workbook);
      money = bordered(workbook);
      money.setDataFormat(moneyFormat);
      date = bordered(workbook);
      date.setDataFormat(dateFormat);
      totalText = bordered(workbook);
      totalText.setFont(bold);
      totalMoney = bordered(workbook);
      totalMoney.setFont(bold);
      totalMoney.setDataFormat(moneyFormat);
    }

    private static CellStyle bordered(SXSSFWorkbook workbook) {
      CellStyle style = workbook.createCellStyle();
      style.setBorderTop(BorderStyle.THIN);
      style.setBorderBottom(BorderStyle.THIN);
      style.setBorderLeft(BorderStyle.THIN);
      style.setBorderRight(BorderStyle.THIN);
      return style;
    }
  }
}
