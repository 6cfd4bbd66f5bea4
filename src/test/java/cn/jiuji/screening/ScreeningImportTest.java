package cn.jiuji.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiuji.ApplicationTest;
import cn.jiuji.base.RuleBreak;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@ApplicationTest
class ScreeningImportTest {

  @Autowired MedicalFileImport imports;
  @Autowired JdbcTemplate jdbc;

  MedicalFileImport.Result importFile(Path file) {
    return imports.importFile(file, file.getFileName().toString(), "medical1");
  }

  BigDecimal selfPaidOf(String household) {
    return jdbc.queryForObject("SELECT COALESCE(SUM(self_paid), 0) FROM medical_settlement WHERE household_id = ?",
        BigDecimal.class, household);
  }

  @Test
  void reportsEachKindOfBadRowWithItsExcelRowNumberAndKeepsTheGoodRows() {
    String household = MedicalFileBuilder.newHousehold();
    String badChecksum = household.substring(0, 17) + (household.charAt(17) == '0' ? '1' : '0');
    String id = MedicalFileBuilder.newSettlementId();
    Path file = new MedicalFileBuilder()
        .settlement(household, "普通", "2025-03-01", "1000.00", "300.00")                                       // row 2
        .row(id + "a", badChecksum, "颜某明", household, "颜某斌", "三班镇", "泗滨村", "", "2025-03-01", "10", "1")     // row 3
        .row(id + "b", household, "颜某明", household, "颜某斌", "泉州镇", "泗滨村", "", "2025-03-01", "10", "1")      // row 4
        .row(id + "c", household, "颜某明", household, "颜某斌", "三班镇", "泗滨村", "", "2025-03-01", "10", "-1")     // row 5
        .row(id + "d", household, "颜某明", household, "颜某斌", "三班镇", "泗滨村", "", "2025-03-01", "10", "11")     // row 6
        .row(id + "e", household, "颜某明", household, "颜某斌", "三班镇", "泗滨村", "", "2025-02-30", "10", "1")      // row 7
        .row(id + "f", household, "颜某明", household, "颜某斌", "三班镇", "泗滨村", "", "2025-03-01", "十元", "1")    // row 8
        .row(id + "g", household, "", household, "颜某斌", "三班镇", "泗滨村", "", "2025-03-01", "10", "1")            // row 9
        .row(id + "h", household, "颜某明", household, "颜某斌", "三班镇", "泗滨村", "五保", "2025-03-01", "10", "1")  // row 10
        .blankRow()                                                                                                    // row 11
        .settlement(household, "", "2025/4/2", "2,000.50", "500.25")                                              // row 12
        .write(MedicalFiles.Format.CSV_UTF8);

    var result = importFile(file);

    assertThat(result.rows()).isEqualTo(10);
    assertThat(result.accepted()).isEqualTo(2);
    assertThat(result.newSettlements()).isEqualTo(2);
    assertThat(result.rejectedCount()).isEqualTo(8);
    Map<Long, String> reasons = result.rejected().stream()
        .collect(Collectors.toMap(RejectedRow::row, RejectedRow::reason));
    assertThat(reasons).containsOnlyKeys(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(reasons.get(3L)).startsWith("身份证号“" + badChecksum + "”不是有效的 18 位公民身份号码");
    assertThat(reasons.get(4L)).isEqualTo("乡镇“泉州镇”不是德化县的乡镇");
    assertThat(reasons.get(5L)).isEqualTo("个人自付不能为负数（-1.00）");
    assertThat(reasons.get(6L)).isEqualTo("个人自付（11.00）大于医疗总费用（10.00）");
    assertThat(reasons.get(7L)).startsWith("结算日期“2025-02-30”不是有效日期");
    assertThat(reasons.get(8L)).isEqualTo("医疗总费用“十元”不是有效的金额");
    assertThat(reasons.get(9L)).isEqualTo("缺少姓名");
    assertThat(reasons.get(10L)).startsWith("人员类别“五保”无法识别，应为特困、低保、脱贫户、低保边缘、普通之一");
    assertThat(selfPaidOf(household)).isEqualByComparingTo("800.25");
  }

  @Test
  void namesEveryFaultOfARowAtOnce() {
    Path file = new MedicalFileBuilder()
        .row(MedicalFileBuilder.newSettlementId(), "123", "颜某明", "", "颜某斌", "三班镇", "泗滨村", "", "昨天", "10", "1")
        .write(MedicalFiles.Format.CSV_UTF8);

    assertThat(importFile(file).rejected()).singleElement().satisfies(r -> {
      assertThat(r.row()).isEqualTo(2);
      assertThat(r.reason()).contains("缺少户主身份证号", "身份证号“123”不是有效的", "结算日期“昨天”");
    });
  }

  @ParameterizedTest
  @EnumSource(MedicalFiles.Format.class)
  void readsEveryFormatTheOfficeWrites(MedicalFiles.Format format) {
    String household = MedicalFileBuilder.newHousehold();
    String settlementId = MedicalFileBuilder.newSettlementId();
    Path file = new MedicalFileBuilder()
        .settlement(settlementId, household, household, "低保", "2025-06-30", "12345.67", "2345.60")
        .row(MedicalFileBuilder.newSettlementId(), "350526", "颜某明", household, "颜某斌", "三班镇", "泗滨村", "", "2025-06-30", "10", "1")
        .write(format);

    var result = importFile(file);

    assertThat(result.alreadyImported()).isFalse();
    assertThat(result.accepted()).isEqualTo(1);
    assertThat(result.rejected()).extracting(RejectedRow::row).containsExactly(3L);
    Map<String, Object> stored = jdbc.queryForMap("SELECT * FROM medical_settlement WHERE settlement_id = ?", settlementId);
    assertThat(lower(stored)).containsEntry("patient_name", "颜某明").containsEntry("household_head", "颜某斌")
        .containsEntry("township", "sanban").containsEntry("village", "泗滨村").containsEntry("category", "DIBAO");
    assertThat(lower(stored).get("settled_on").toString()).isEqualTo("2025-06-30");
    assertThat((BigDecimal) lower(stored).get("total_cost")).isEqualByComparingTo("12345.67");
    assertThat((BigDecimal) lower(stored).get("self_paid")).isEqualByComparingTo("2345.60");
    String charset = jdbc.queryForObject("SELECT charset FROM screening_file WHERE id = ?", String.class, result.fileId());
    assertThat(charset).isEqualTo(switch (format) {
      case CSV_GBK -> "GB18030";
      case XLSX, XLSX_INLINE_STRINGS -> null;
      default -> "UTF-8";
    });
  }

  @Test
  void readsTheTextsOfAnExcelWorkbookFromItsSharedStringsTable() throws Exception {
    String household = MedicalFileBuilder.newHousehold();
    String member = MedicalFileBuilder.newHousehold();
    String headSettlement = MedicalFileBuilder.newSettlementId();
    String memberSettlement = MedicalFileBuilder.newSettlementId();
    // the head's name, the household, township and village repeat: one entry each in the table;
    // the head's row has no category, a cell absent from the middle of the row
    Path file = new MedicalFileBuilder()
        .row(headSettlement, household, "颜某斌", household, "颜某斌", "三班镇", "泗滨村", "", "2025-03-01", "100", "10")
        .row(memberSettlement, member, "颜𠮷明", household, "颜某斌", "三班镇", "泗滨村", "低保", "2025-03-02", "200.5", "20.25")
        .write(MedicalFiles.Format.XLSX);
    try (var zip = new java.util.zip.ZipFile(file.toFile())) {
      String sharedStrings = new String(zip.getInputStream(zip.getEntry("xl/sharedStrings.xml")).readAllBytes(),
          StandardCharsets.UTF_8);
      String sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
          StandardCharsets.UTF_8);
      assertThat(sharedStrings).as("written as Excel saves it").containsOnlyOnce("<t>颜某斌</t>").contains("<t>颜𠮷明</t>");
      assertThat(sheet).contains("t=\"s\"").doesNotContain("inlineStr");
    }

    assertThat(importFile(file).accepted()).isEqualTo(2);

    Map<String, Object> head = lower(jdbc.queryForMap("SELECT * FROM medical_settlement WHERE settlement_id = ?",
        headSettlement));
    assertThat(head).containsEntry("id_number", household).containsEntry("patient_name", "颜某斌")
        .containsEntry("household_id", household).containsEntry("household_head", "颜某斌")
        .containsEntry("township", "sanban").containsEntry("village", "泗滨村").doesNotContainKey("category");
    assertThat(head.get("settled_on").toString()).isEqualTo("2025-03-01");
    assertThat((BigDecimal) head.get("self_paid")).isEqualByComparingTo("10");
    Map<String, Object> other = lower(jdbc.queryForMap("SELECT * FROM medical_settlement WHERE settlement_id = ?",
        memberSettlement));
    assertThat(other).containsEntry("id_number", member).containsEntry("patient_name", "颜𠮷明")
        .containsEntry("household_id", household).containsEntry("household_head", "颜某斌")
        .containsEntry("village", "泗滨村").containsEntry("category", "DIBAO");
    assertThat(other.get("settled_on").toString()).isEqualTo("2025-03-02");
    assertThat((BigDecimal) other.get("total_cost")).isEqualByComparingTo("200.50");
    assertThat((BigDecimal) other.get("self_paid")).isEqualByComparingTo("20.25");
  }

  static Map<String, Object> lower(Map<String, Object> row) {
    return row.entrySet().stream().filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(e -> e.getKey().toLowerCase(), Map.Entry::getValue));
  }

  @Test
  void archivesTheOriginalFileWithItsHashAndImportsTheSameFileOnlyOnce() throws Exception {
    String household = MedicalFileBuilder.newHousehold();
    Path file = new MedicalFileBuilder()
        .settlement(household, "普通", "2025-01-10", "5000", "1000")
        .row("", household, "颜某明", household, "颜某斌", "三班镇", "泗滨村", "", "2025-01-10", "1", "1")
        .write(MedicalFiles.Format.CSV_GBK);

    var first = importFile(file);
    var second = imports.importFile(file, "再次上传.csv", "civil1");

    assertThat(first.alreadyImported()).isFalse();
    assertThat(second.alreadyImported()).isTrue();
    assertThat(second.fileId()).isEqualTo(first.fileId());
    assertThat(second.importedBy()).isEqualTo("medical1");
    assertThat(second.rows()).isEqualTo(2);
    assertThat(second.rejectedCount()).isEqualTo(1);
    assertThat(selfPaidOf(household)).isEqualByComparingTo("1000");
    byte[] archived = jdbc.queryForObject("SELECT content FROM screening_file WHERE sha256 = ?", byte[].class, first.sha256());
    assertThat(jdbc.queryForObject("SELECT content_encoding FROM screening_file WHERE sha256 = ?", String.class,
        first.sha256())).isEqualTo("zstd");
    try (var original = new com.github.luben.zstd.ZstdInputStream(new java.io.ByteArrayInputStream(archived))) {
      assertThat(original.readAllBytes()).isEqualTo(Files.readAllBytes(file));
    }
    assertThat(first.sha256()).isEqualTo(MedicalFileImport.sha256(file)).hasSize(64);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM screening_file WHERE sha256 = ?", Integer.class, first.sha256()))
        .isEqualTo(1);
  }

  @Test
  void overlappingFilesCountEachSettlementOnce() {
    String household = MedicalFileBuilder.newHousehold();
    String first = MedicalFileBuilder.newSettlementId();
    String shared = MedicalFileBuilder.newSettlementId();
    String last = MedicalFileBuilder.newSettlementId();
    Path january = new MedicalFileBuilder()
        .settlement(first, household, household, "", "2025-01-05", "1000", "100")
        .settlement(shared, household, household, "", "2025-01-31", "2000", "200")
        .write(MedicalFiles.Format.CSV_UTF8);
    // the next file overlaps by one settlement, and repeats another within itself
    Path february = new MedicalFileBuilder()
        .settlement(shared, household, household, "", "2025-01-31", "2000", "200")
        .settlement(last, household, household, "", "2025-02-14", "4000", "400")
        .settlement(last, household, household, "", "2025-02-14", "4000", "400")
        .write(MedicalFiles.Format.XLSX);

    importFile(january);
    var result = importFile(february);

    assertThat(result.accepted()).isEqualTo(3);
    assertThat(result.newSettlements()).isEqualTo(1);
    assertThat(selfPaidOf(household)).isEqualByComparingTo("700");
  }

  @Test
  void aFileRepeatingASettlementCountsItOnceAndReportsItsBadRowsOnce() {
    // on PostgreSQL the file is read twice: the fast path meets the repeat, the second reading stages
    String household = MedicalFileBuilder.newHousehold();
    String repeated = MedicalFileBuilder.newSettlementId();
    Path file = new MedicalFileBuilder()
        .settlement(repeated, household, household, "", "2025-03-05", "1000", "100")                       // row 2
        .row(MedicalFileBuilder.newSettlementId(), household, "颜某明", household, "颜某斌", "三班镇", "泗滨村",
            "", "2025-03-06", "10", "11")                                                                    // row 3
        .settlement(household, "", "2025-03-07", "300.5", "30.5")                                           // row 4
        .settlement(repeated, household, household, "", "2025-03-05", "1000", "100")                       // row 5
        .write(MedicalFiles.Format.CSV_UTF8);

    var result = importFile(file);

    assertThat(result.rows()).isEqualTo(4);
    assertThat(result.accepted()).isEqualTo(3);
    assertThat(result.newSettlements()).isEqualTo(2);
    assertThat(result.rejectedCount()).isEqualTo(1);
    assertThat(result.rejected()).extracting(RejectedRow::row).containsExactly(3L);
    assertThat(selfPaidOf(household)).isEqualByComparingTo("130.50");
  }

  @Test
  void storesEveryAmountAndDateExactly() {
    // on PostgreSQL the rows go through binary COPY: numeric as base-10000 digits, dates as days from 2000
    String household = MedicalFileBuilder.newHousehold();
    Map<String, String[]> rows = new java.util.LinkedHashMap<>();
    String[][] values = {
        {"0", "0", "1999-12-31"}, {"0.05", "0.05", "2000-01-01"}, {"1.00", "0.10", "2024-02-29"},
        {"10000", "9999.99", "2025-12-31"}, {"100000000.01", "12345678.9", "1970-01-01"},
        {"999999999999.99", "100000000000", "2026-06-10"}};
    MedicalFileBuilder builder = new MedicalFileBuilder();
    for (String[] row : values) {
      String id = MedicalFileBuilder.newSettlementId();
      rows.put(id, row);
      builder.row(id, household, "颜某明", household, "颜某斌", "三班镇", "泗滨村", "", row[2], row[0], row[1]);
    }

    assertThat(importFile(builder.write(MedicalFiles.Format.CSV_UTF8)).accepted()).isEqualTo(values.length);

    rows.forEach((id, row) -> {
      Map<String, Object> stored = lower(jdbc.queryForMap("SELECT * FROM medical_settlement WHERE settlement_id = ?", id));
      assertThat(((BigDecimal) stored.get("total_cost")).toPlainString()).isEqualTo(new BigDecimal(row[0]).setScale(2).toPlainString());
      assertThat(((BigDecimal) stored.get("self_paid")).toPlainString()).isEqualTo(new BigDecimal(row[1]).setScale(2).toPlainString());
      assertThat(stored.get("settled_on").toString()).isEqualTo(row[2]);
      assertThat(stored).doesNotContainKey("category");
    });
  }

  @Test
  void refusesACsvFileThatChangesItsCharacterSetPartWay() throws Exception {
    // the character set is told once, from the beginning (64 KiB): here UTF-8, then a GBK row
    String header = String.join(",", MedicalFiles.HEADER) + "\n";
    String first = MedicalFileBuilder.newSettlementId();
    StringBuilder utf8 = new StringBuilder(header);
    utf8.append(first).append(",350526198001011234,张三,350526198001011234,张三,三班镇,泗滨村,,2025-01-01,10,1\n");
    while (utf8.length() < 70_000) {
      utf8.append(MedicalFileBuilder.newSettlementId())
          .append(",350526198001011234,张三,350526198001011234,张三,三班镇,泗滨村,,2025-01-01,10,1\n");
    }
    String gbkRow = MedicalFileBuilder.newSettlementId()
        + ",350526198001011234,李四,350526198001011234,张三,三班镇,泗滨村,,2025-01-01,10,1\n";
    Path mixed = Files.createTempFile("medical-", ".csv");
    try (var out = Files.newOutputStream(mixed)) {
      out.write(utf8.toString().getBytes(StandardCharsets.UTF_8));
      out.write(gbkRow.getBytes(MedicalFileReader.GBK));
    }
    assertThat(Files.size(mixed)).as("the GBK row lies past the sample").isGreaterThan(1 << 16);

    assertThatThrownBy(() -> importFile(mixed)).isInstanceOf(RuleBreak.class)
        .hasMessage("CSV 文件开头是 UTF-8 编码，后面却有不是 UTF-8 的内容：整个文件必须使用同一种编码（UTF-8 或 GBK），请另存后重新导入");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM medical_settlement WHERE settlement_id = ?", Integer.class,
        first)).as("nothing of a refused file is kept").isZero();
  }

  @Test
  void refusesACsvFileWhoseQuotesDoNotPair() throws Exception {
    String header = String.join(",", MedicalFiles.HEADER) + "\n";
    String good = MedicalFileBuilder.newSettlementId() + ",350526198001011234,张三,350526198001011234,张三,三班镇,泗滨村,,2025-01-01,10,1\n";
    Path unclosed = Files.createTempFile("medical-", ".csv");
    Files.writeString(unclosed, header + good + "\"" + good + good, StandardCharsets.UTF_8);
    Path trailing = Files.createTempFile("medical-", ".csv");
    Files.writeString(trailing, header + good + good.replace(",张三,", ",\"张\"三,"), StandardCharsets.UTF_8);

    assertThatThrownBy(() -> importFile(unclosed)).isInstanceOf(RuleBreak.class)
        .hasMessage("CSV 文件第 3 行的引号没有成对（从这里到文件末尾都成了一个单元格），请修正后重新导入");
    assertThatThrownBy(() -> importFile(trailing)).isInstanceOf(RuleBreak.class)
        .hasMessageStartingWith("CSV 文件第 3 行格式错误（引号之后紧跟着其他字符");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM medical_settlement WHERE settlement_id = ?", Integer.class,
        good.substring(0, good.indexOf(',')))).as("nothing of a refused file is kept").isZero();
  }

  @Test
  void storesRareCharactersBackslashesAndTabsAsWritten() {
    // 𠮷 is outside the BMP, and a backslash or tab must arrive as written whatever the COPY format
    String household = MedicalFileBuilder.newHousehold();
    String settlementId = MedicalFileBuilder.newSettlementId();
    Path file = new MedicalFileBuilder()
        .row(settlementId, household, "吉𠮷é", household, "颜某\t斌", "三班镇", "泗滨村\\二组", "", "2025-03-01", "10", "1")
        .write(MedicalFiles.Format.CSV_UTF8);

    assertThat(importFile(file).accepted()).isEqualTo(1);

    Map<String, Object> stored = lower(jdbc.queryForMap("SELECT * FROM medical_settlement WHERE settlement_id = ?",
        settlementId));
    assertThat(stored).containsEntry("patient_name", "吉𠮷é").containsEntry("household_head", "颜某\t斌")
        .containsEntry("village", "泗滨村\\二组");
  }

  @Test
  void listsAtMostTheConfiguredNumberOfBadRowsButCountsThemAll() {
    MedicalFileBuilder builder = new MedicalFileBuilder();
    for (int i = 0; i < 1005; i++) {
      builder.row(MedicalFileBuilder.newSettlementId(), "1", "颜某明", "1", "颜某斌", "三班镇", "泗滨村", "", "2025-01-01", "1", "1");
    }

    var result = importFile(builder.write(MedicalFiles.Format.CSV_UTF8));

    assertThat(result.rejectedCount()).isEqualTo(1005);
    assertThat(result.rejected()).hasSize(1000);
    assertThat(result.rejected().get(999).row()).isEqualTo(1001);
  }

  @Test
  void refusesAFileWithoutTheRequiredColumns() throws Exception {
    Path file = Files.createTempFile("medical-", ".csv");
    Files.writeString(file, "结算单号,身份证号,姓名\nA1,350526198001011234,张三\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> importFile(file))
        .isInstanceOf(RuleBreak.class)
        .hasMessageContaining("缺少以下列：户主身份证号、户主姓名、乡镇、村（社区）、结算日期、医疗总费用、个人自付");
  }

  @Test
  void acceptsHeadersWithHalfWidthParenthesesAndColumnsInAnyOrder() throws Exception {
    String household = MedicalFileBuilder.newHousehold();
    Path file = Files.createTempFile("medical-", ".csv");
    Files.writeString(file, "个人自付,医疗总费用,结算日期,村(社区),乡镇,户主姓名,户主身份证号,姓名,身份证号,结算单号,备注\n"
        + "50,100,2025-05-05,泗滨村,三班镇,颜某斌," + household + ",颜某斌," + household + ","
        + MedicalFileBuilder.newSettlementId() + ",门诊\n", StandardCharsets.UTF_8);

    assertThat(importFile(file).accepted()).isEqualTo(1);
    assertThat(selfPaidOf(household)).isEqualByComparingTo("50");
  }

  @Test
  void refusesEmptyOldExcelAndForeignFiles() throws Exception {
    Path empty = Files.createTempFile("medical-", ".csv");
    Path xls = Files.createTempFile("medical-", ".xls");
    Files.write(xls, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0});
    Path pdf = Files.createTempFile("medical-", ".pdf");
    Files.writeString(pdf, "%PDF-1.4");
    Path brokenXlsx = Files.createTempFile("medical-", ".xlsx");
    Files.write(brokenXlsx, new byte[] {'P', 'K', 3, 4, 1, 2, 3});

    assertThatThrownBy(() -> importFile(empty)).isInstanceOf(RuleBreak.class).hasMessage("上传的文件是空的");
    assertThatThrownBy(() -> importFile(xls)).isInstanceOf(RuleBreak.class).hasMessageContaining("旧版 Excel");
    assertThatThrownBy(() -> importFile(pdf)).isInstanceOf(RuleBreak.class).hasMessageContaining("不支持的文件类型");
    assertThatThrownBy(() -> importFile(brokenXlsx)).isInstanceOf(RuleBreak.class).hasMessageContaining("Excel");
  }

  @Test
  void refusesAnExcelFileWhoseSharedStringsAreBroken() throws Exception {
    String household = MedicalFileBuilder.newHousehold();
    String settlementId = MedicalFileBuilder.newSettlementId();
    MedicalFileBuilder rows = new MedicalFileBuilder().settlement(settlementId, household, household, "", "2025-03-01",
        "100", "10");
    String headerOnly = MedicalFiles.HEADER.stream().map(h -> "<si><t>" + h + "</t></si>").collect(Collectors.joining(
        "", "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">", "</sst>"));
    Path cutOff = withSharedStrings(rows.write(MedicalFiles.Format.XLSX), headerOnly.substring(0, 200));
    // the cells of the row refer to entries the table lacks
    Path tooShort = withSharedStrings(rows.write(MedicalFiles.Format.XLSX), headerOnly);

    assertThatThrownBy(() -> importFile(cutOff)).isInstanceOf(RuleBreak.class)
        .hasMessageStartingWith("无法读取 Excel 文件（文件可能已损坏）");
    assertThatThrownBy(() -> importFile(tooShort)).isInstanceOf(RuleBreak.class)
        .hasMessageStartingWith("无法读取 Excel 文件（文件已损坏）：单元格引用的共享字符串（编号 11）不存在");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM medical_settlement WHERE settlement_id = ?", Integer.class,
        settlementId)).isZero();
  }

  @Test
  void refusesDatesBeforeThePatientsBirthOrAfterTheImportAndKeepsTheGoodRows() {
    // the clock is pinned to 2026-06-10; the test IDs are of people born in 1950
    String household = MedicalFileBuilder.newHousehold();
    String born = household.substring(6, 10) + "-" + household.substring(10, 12) + "-" + household.substring(12, 14);
    Path file = new MedicalFileBuilder()
        .settlement(household, "", "2025-03-01", "100", "10")           // row 2
        .settlement(household, "", "0000-01-01", "100", "10")           // row 3
        .settlement(household, "", "+999999999-12-31", "100", "10")     // row 4
        .settlement(household, "", "2026-06-11", "100", "10")           // row 5
        .settlement(household, "", "1949-12-31", "100", "10")           // row 6
        .settlement(household, "", "2026-06-10", "100", "10")           // row 7
        .write(MedicalFiles.Format.CSV_UTF8);

    var result = importFile(file);

    assertThat(result.accepted()).isEqualTo(2);
    assertThat(result.rejected()).extracting(RejectedRow::row).containsExactly(3L, 4L, 5L, 6L);
    assertThat(result.rejected().get(0).reason()).isEqualTo("结算日期“0000-01-01”早于患者出生日期（" + born + "）");
    assertThat(result.rejected().get(1).reason()).isEqualTo("结算日期“+999999999-12-31”晚于导入当天（2026-06-10），不可能已经结算");
    assertThat(result.rejected().get(2).reason()).isEqualTo("结算日期“2026-06-11”晚于导入当天（2026-06-10），不可能已经结算");
    assertThat(result.rejected().get(3).reason()).isEqualTo("结算日期“1949-12-31”早于患者出生日期（" + born + "）");
    assertThat(selfPaidOf(household)).isEqualByComparingTo("20");
  }

  @Test
  void refusesRowsWithControlCharactersSuchAsNulBytes() {
    String household = MedicalFileBuilder.newHousehold();
    Path file = new MedicalFileBuilder()
        .row(MedicalFileBuilder.newSettlementId(), household, "颜某\u0000明", household, "颜某明", "三班镇", "泗滨村", "",
            "2025-03-01", "100", "10")                                                                   // row 2
        .row(MedicalFileBuilder.newSettlementId(), household, "颜某明", household, "颜某明", "三班镇", "泗滨\u001b村", "",
            "2025-03-01", "100", "10")                                                                   // row 3
        .settlement(household, "", "2025-03-02", "100", "10")                                              // row 4
        .write(MedicalFiles.Format.CSV_UTF8);

    var result = importFile(file);

    assertThat(result.accepted()).isEqualTo(1);
    assertThat(result.rejected()).extracting(RejectedRow::row, RejectedRow::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple(2L, "姓名含有不可见的控制字符（如 NUL），请检查导出的文件"),
        org.assertj.core.groups.Tuple.tuple(3L, "村（社区）含有不可见的控制字符（如 NUL），请检查导出的文件"));
    assertThat(selfPaidOf(household)).isEqualByComparingTo("10");
  }

  @Test
  void refusesAFileThatNamesAColumnTwice() throws Exception {
    String household = MedicalFileBuilder.newHousehold();
    Path file = Files.createTempFile("medical-", ".csv");
    Files.writeString(file, String.join(",", MedicalFiles.HEADER) + ",个人自付\n"
        + MedicalFileBuilder.newSettlementId() + "," + household + ",颜某斌," + household
        + ",颜某斌,三班镇,泗滨村,,2025-05-05,100,50,90\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> importFile(file)).isInstanceOf(RuleBreak.class)
        .hasMessage("表头中“个人自付”出现了 2 次（第 11 列和第 12 列），无法确定以哪一列为准，请删去多余的一列后重新导入");
    assertThat(selfPaidOf(household)).isEqualByComparingTo("0");
  }

  @Test
  void refusesAnExcelFileThatInflatesFarBeyondItsSize() throws Exception {
    String household = MedicalFileBuilder.newHousehold();
    Path bomb = new MedicalFileBuilder().settlement(household, "", "2025-03-01", "100", "10")
        .write(MedicalFiles.Format.XLSX);
    // 64 MB of blanks in the sheet compress to a few dozen kilobytes: the shape of a zip bomb
    try (var zip = java.nio.file.FileSystems.newFileSystem(bomb);
        var out = Files.newOutputStream(zip.getPath("xl/worksheets/sheet1.xml"))) {
      byte[] blanks = new byte[1 << 20];
      java.util.Arrays.fill(blanks, (byte) ' ');
      for (int i = 0; i < 64; i++) {
        out.write(blanks);
      }
    }

    assertThatThrownBy(() -> importFile(bomb)).isInstanceOf(RuleBreak.class)
        .hasMessageStartingWith("Excel 文件解压后异常膨胀");
    assertThat(selfPaidOf(household)).isEqualByComparingTo("0");
  }

  private static Path withSharedStrings(Path xlsx, String sharedStrings) throws Exception {
    try (var zip = java.nio.file.FileSystems.newFileSystem(xlsx)) {
      Files.writeString(zip.getPath("xl/sharedStrings.xml"), sharedStrings, StandardCharsets.UTF_8);
    }
    return xlsx;
  }
}
