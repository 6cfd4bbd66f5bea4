package cn.jiuji.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one year's calendar file: CSV with the header {@code date,type,name}, one day a line,
 * {@code #} comments (the first of which names the State Council notice). Every fault is reported
 * with the file and line, so that whoever typed the file can fix it.
 */
final class CalendarFileParser {

  static final List<String> HEADER = List.of("date", "type", "name");

  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
      .setCommentMarker('#')
      .setHeader()
      .setSkipHeaderRecord(true)
      .setIgnoreEmptyLines(true)
      .setTrim(true)
      .get();

  private CalendarFileParser() {}

  /**
   * @param file the file's name for messages
   * @param year the year the file is for (its name): every date must lie in it
   */
  static YearCalendar parse(String file, int year, String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    CSVParser parser;
    try {
      parser = FORMAT.parse(new StringReader(text));
    } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      throw new CalendarFileException(file, 0, "表头无法读取（" + e.getMessage() + "）");
    }
    try (parser) {
      if (!parser.getHeaderNames().equals(HEADER)) {
        throw new CalendarFileException(file, parser.getCurrentLineNumber(),
            "表头应为 date,type,name，实际为 " + String.join(",", parser.getHeaderNames()));
      }
      // the first comment line names the notice; further ones are explanations
      String source = parser.hasHeaderComment()
          ? parser.getHeaderComment().strip().lines().findFirst().orElse("").strip()
          : "";
      Map<LocalDate, YearCalendar.Day> days = new HashMap<>();
      Map<LocalDate, Long> lines = new HashMap<>();
      Iterator<CSVRecord> records = parser.iterator();
      while (hasNext(records, parser, file)) {
        CSVRecord record = records.next();
        long line = parser.getCurrentLineNumber();
        LocalDate date = day(record, file, line, year);
        if (lines.containsKey(date)) {
          throw new CalendarFileException(file, line,
              "日期 " + date + " 重复（已在第" + lines.get(date) + "行出现）");
        }
        lines.put(date, line);
        days.put(date, new YearCalendar.Day(type(record, file, line, date),
            record.size() > 2 ? record.get(2) : ""));
      }
      if (days.isEmpty()) {
        throw new CalendarFileException(file, 0, "文件中没有任何日期");
      }
      return new YearCalendar(year, file, source, days);
    } catch (IOException e) {
      throw new CalendarFileException(file, 0, "无法读取（" + e.getMessage() + "）");
    }
  }

  private static boolean hasNext(Iterator<CSVRecord> records, CSVParser parser, String file) {
    try {
      return records.hasNext();
    } catch (UncheckedIOException | IllegalStateException e) {
      // e.g. an unclosed quote: Commons CSV stops reading there
      throw new CalendarFileException(file, parser.getCurrentLineNumber() + 1,
          "CSV 格式错误（" + e.getMessage() + "）");
    }
  }

  private static LocalDate day(CSVRecord record, String file, long line, int year) {
    if (record.size() < 2 || record.size() > HEADER.size()) {
      throw new CalendarFileException(file, line,
          "应有 date,type,name 三列（name 可空），实际有 " + record.size() + " 列");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(record.get(0));
    } catch (DateTimeParseException e) {
      throw new CalendarFileException(file, line,
          "日期“" + record.get(0) + "”无法识别，应写作 yyyy-MM-dd，例如 " + year + "-10-01");
    }
    if (date.getYear() != year) {
      throw new CalendarFileException(file, line,
          "日期 " + date + " 不属于 " + year + " 年；每年一个文件，" + year + " 年的文件只能写 "
              + year + " 年的日期");
    }
    return date;
  }

  private static DayType type(CSVRecord record, String file, long line, LocalDate date) {
    DayType type;
    try {
      type = DayType.valueOf(record.get(1).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CalendarFileException(file, line,
          "类型“" + record.get(1) + "”无法识别，应为 OFF（放假）或 WORK（调休上班）");
    }
    DayOfWeek weekday = date.getDayOfWeek();
    if (type == DayType.WORK && weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY) {
      throw new CalendarFileException(file, line,
          date + " 是" + weekday.getDisplayName(TextStyle.FULL, Locale.CHINA)
              + "，本来就是工作日；WORK 只用于调休上班的周六、周日");
    }
    return type;
  }
}
