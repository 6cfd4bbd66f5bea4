package cn.jiuji.screening;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.identity.CountyProperties;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettlementParserTest {

  static final List<String> HEADER = List.of("结算单号", "身份证号", "姓名", "户主身份证号", "户主姓名", "乡镇",
      "村（社区）", "人员类别", "结算日期", "医疗总费用", "个人自付");
  static final SettlementParser PARSER = SettlementParser.forHeader(
      new CountyProperties("德化县", List.of(new CountyProperties.Township("sanban", "三班镇"))), HEADER,
      java.time.LocalDate.of(2026, 6, 10));

  static SettlementParser.Parsed parse(String total, String selfPaid) {
    String id = MedicalFileBuilder.newHousehold();
    return PARSER.parse(List.of("JS1", id, "颜某明", id, "颜某明", "三班镇", "泗滨村", "", "2025-03-01", total, selfPaid))
        .orElseThrow();
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "0; 0",
      "7; 700",
      "12.5; 1250",
      "12.05; 1205",
      "999999999999.99; 99999999999999",
      "'1,234.50'; 123450",
      "1 234.5; 123450",
      "¥12元; 1200",
      "12.; 1200",
      "1234.5600000001; 123456",
      "0.125; 13",
      "-0; 0"})
  void readsAmountsToTheFen(String amount, long fen) {
    var parsed = parse(amount, "0");

    assertThat(parsed.reason()).isNull();
    assertThat(parsed.settlement().totalFen()).isEqualTo(fen);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "1000000000000; 医疗总费用“1000000000000”数额过大",
      "-1000000000000.5; 医疗总费用“-1000000000000.5”数额过大",
      "-3.5; 医疗总费用不能为负数（-3.50）",
      "十元; 医疗总费用“十元”不是有效的金额",
      "-; 医疗总费用“-”不是有效的金额",
      "1.2.3; 医疗总费用“1.2.3”不是有效的金额",
      ".5x; 医疗总费用“.5x”不是有效的金额"})
  void refusesAmountsThatAreNoneOrTooLarge(String amount, String reason) {
    assertThat(parse(amount, "0").reason()).startsWith(reason);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "10.00; 10; ",
      "10; 10.01; 个人自付（10.01）大于医疗总费用（10.00）",
      "10; -0.5; 个人自付不能为负数（-0.50）"})
  void comparesTheSelfPaidShareWithTheTotalInFen(String total, String selfPaid, String reason) {
    assertThat(parse(total, selfPaid).reason()).isEqualTo(reason);
  }
}
