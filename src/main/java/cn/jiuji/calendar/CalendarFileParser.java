package cn.jiuji.calendar;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
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

/**
 * Reads one year's calendar file: CSV with the header {@code date,type,name}, one day a line,
 * {@code #} comments (the first of which names the State Council notice). Every fault is reported
 * with the file and line, so that whoever typed the file can fix it.
 */
final class CalendarFileParser {

  static final List<String> HEADER = List.of("date", "type", "name");

  private CalendarFileParser() {}

  /**
   * @param file the file's name for messages
   * @param year the year the file is for (its name): every date must lie in it
   */
  static YearCalendar parse(String file, int year, String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    // comments are read, not skipped: the first one names the notice
    CsvReader<CsvRecord> reader = CsvReader.builder().commentStrategy(CommentStrategy.READ)
        .skipEmptyLines(true).allowMissingFields(true).allowExtraFields(true).ofCsvRecord(text);
    try (reader) {
      String source = null;
      List<String> header = null;
      Map<LocalDate, YearCalendar.Day> days = new HashMap<>();
      Map<LocalDate, Long> lines = new HashMap<>();
      Iterator<CsvRecord> records = reader.iterator();
      long line = 0;
      while (hasNext(records, file, line)) {
        CsvRecord record = records.next();
        line = record.getStartingLineNumber();
        if (record.isComment()) {
          if (source == null && header == null) {
            source = record.getField(0).strip();
          }
          continue;
        }
        List<String> fields = record.getFields().stream().map(String::strip).toList();
        if (fields.stream().anyMatch(f -> f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0)) {
          throw new CalendarFileException(file, line, "引号没有成对（从这里起的各行成了一个单元格）");
        }
        if (header == null) {
          header = fields;
          if (!header.equals(HEADER)) {
            throw new CalendarFileException(file, line, "表头应为 date,type,name，实际为 " + String.join(",", header));
          }
          continue;
        }
        LocalDate date = day(fields, file, line, year);
        if (lines.containsKey(date)) {
          throw new CalendarFileException(file, line,
              "日期 " + date + " 重复（已在第" + lines.get(date) + "行出现）");
        }
        lines.put(date, line);
        days.put(date, new YearCalendar.Day(type(fields, file, line, date), fields.size() > 2 ? fields.get(2) : ""));
      }
      if (days.isEmpty()) {
        throw new CalendarFileException(file, 0, "文件中没有任何日期");
      }
      return new YearCalendar(year, file, source == null ? "" : source, days);
    } catch (IOException e) {
      throw new CalendarFileException(file, 0, "无法读取（" + e.getMessage() + "）");
    }
  }

  private static boolean hasNext(Iterator<CsvRecord> records, String file, long line) {
    try {
      return records.hasNext();
    } catch (UncheckedIOException | CsvParseException e) {
      // e.g. "2030-01-01"x: characters after a closing quote
      throw new CalendarFileException(file, line + 1, "CSV 格式错误（引号使用不当）");
    }
  }

  private static LocalDate day(List<String> record, String file, long line, int year) {
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

  private static DayType type(List<String> record, String file, long line, LocalDate date) {
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
