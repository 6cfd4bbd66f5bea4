package cn.jiuji.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CalendarFileParserTest {

  static final String HEAD = "# 国务院办公厅关于2030年部分节假日安排的通知\ndate,type,name\n";

  static YearCalendar parse(String text) {
    return CalendarFileParser.parse("2030.csv", 2030, text);
  }

  static void assertRejected(String text, long line, String reason) {
    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(CalendarFileException.class)
        .hasMessageContaining("2030.csv")
        .hasMessageContaining(line > 0 ? "第" + line + "行" : "2030.csv：")
        .hasMessageContaining(reason)
        .satisfies(e -> assertThat(((CalendarFileException) e).line()).isEqualTo(line));
  }

  @Test
  void readsDaysOffWorkingWeekendsAndTheSourceNotice() {
    var calendar = parse("\uFEFF# 国务院办公厅关于2030年部分节假日安排的通知\n# OFF = 放假\n"
        + "date,type,name\n2030-01-01,OFF,元旦\n\n# 春节\n2030-02-02 , work , 春节调休上班\n"
        + "2030-02-03,OFF\n");
    assertThat(calendar.source()).isEqualTo("国务院办公厅关于2030年部分节假日安排的通知");
    assertThat(calendar.days()).hasSize(3);
    assertThat(calendar.days().get(LocalDate.of(2030, 1, 1)))
        .isEqualTo(new YearCalendar.Day(DayType.OFF, "元旦"));
    assertThat(calendar.days().get(LocalDate.of(2030, 2, 2)).type()).isEqualTo(DayType.WORK);
    assertThat(calendar.days().get(LocalDate.of(2030, 2, 3)).name()).isEmpty();
  }

  @Test
  void rejectsAnUnreadableDateNamingFileAndLine() {
    assertRejected(HEAD + "2030-01-01,OFF,元旦\n2030/10/01,OFF,国庆节\n", 4, "日期“2030/10/01”无法识别");
  }

  @Test
  void rejectsAnUnknownType() {
    assertRejected(HEAD + "2030-01-01,HOLIDAY,元旦\n", 3, "类型“HOLIDAY”无法识别");
  }

  @Test
  void rejectsAWorkingDayThatIsNotAWeekendDay() {
    // 2030-01-02 is a Wednesday
    assertRejected(HEAD + "2030-01-02,WORK,调休\n", 3, "本来就是工作日");
  }

  @Test
  void rejectsADateOfAnotherYear() {
    assertRejected(HEAD + "2031-01-01,OFF,元旦\n", 3, "不属于 2030 年");
  }

  @Test
  void rejectsADateGivenTwice() {
    assertRejected(HEAD + "2030-01-01,OFF,元旦\n# 又一次\n2030-01-01,OFF,元旦\n", 5, "已在第3行出现");
  }

  @Test
  void rejectsAWrongHeader() {
    assertRejected("# 来源\ndatum,typ,name\n2030-01-01,OFF,元旦\n", 2, "表头应为 date,type,name");
  }

  @Test
  void rejectsALineWithTooManyOrTooFewColumns() {
    assertRejected(HEAD + "2030-01-01,OFF,元旦,多余\n", 3, "实际有 4 列");
    assertRejected(HEAD + "2030-01-01\n", 3, "实际有 1 列");
  }

  @Test
  void rejectsBrokenQuotesNamingTheLine() {
    assertRejected(HEAD + "2030-01-01,OFF,元旦\n\"2030-10-01\"x,OFF,国庆节\n", 4, "CSV 格式错误");
    // a quote never closed takes the rest of the file into one cell
    assertRejected(HEAD + "\"2030-10-01,OFF,国庆节\n2030-10-02,OFF,国庆节\n", 3, "引号没有成对");
  }

  @Test
  void rejectsAFileWithoutDays() {
    assertRejected(HEAD, 0, "没有任何日期");
  }
}
