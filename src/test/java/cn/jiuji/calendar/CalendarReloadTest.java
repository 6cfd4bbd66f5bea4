package cn.jiuji.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The bureau adds or corrects a year's file on disk; the running application picks it up. */
@ApplicationTest
class CalendarReloadTest {

  static final String HEAD = "# 国务院办公厅关于%d年部分节假日安排的通知（测试）\ndate,type,name\n";

  @Autowired WorkingDayCalendar calendar;
  @TempDir Path directory;
  String configuredLocation;

  @BeforeEach
  void rememberLocation() {
    configuredLocation = calendar.location();
  }

  @AfterEach
  void restoreLocation() {
    calendar.setLocation(configuredLocation);
  }

  void write(String file, int year, String lines) throws IOException {
    Files.writeString(directory.resolve(file), HEAD.formatted(year) + lines, StandardCharsets.UTF_8);
  }

  String location() {
    return directory.toUri().toString();
  }

  @Test
  void picksUpANewYearsFileWithoutARestart() throws IOException {
    assertThat(calendar.setLocation(location()).errors()).isEmpty();
    assertThat(calendar.yearsWithData()).contains(2025, 2026).doesNotContain(2035);
    assertThat(calendar.isWorkingDay(LocalDate.of(2035, 1, 1))).isTrue();
    assertThat(calendar.reloadIfChanged()).as("nothing changed yet").isFalse();

    write("2035.csv", 2035, "2035-01-01,OFF,元旦\n2035-01-06,WORK,调休上班\n");
    write("notes.txt", 2035, "not a calendar\n");

    assertThat(calendar.reloadIfChanged()).isTrue();
    assertThat(calendar.yearsWithData()).contains(2025, 2026, 2035);
    assertThat(calendar.isWorkingDay(LocalDate.of(2035, 1, 1))).as("New Year, Monday").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2035, 1, 6))).as("Saturday 调休上班").isTrue();
    assertThat(calendar.reloadIfChanged()).isFalse();

    // a correction to the file is seen as well
    write("2035.csv", 2035, "2035-01-01,OFF,元旦\n2035-01-02,OFF,元旦\n");
    assertThat(calendar.reloadIfChanged()).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2035, 1, 2))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2035, 1, 6))).isFalse();
  }

  @Test
  void aFileOnDiskOverridesTheShippedYear() throws IOException {
    write("2026.csv", 2026, "2026-03-02,OFF,测试用假日\n");
    calendar.setLocation(location());
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 2))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).as("no longer the shipped 春节").isTrue();

    Files.delete(directory.resolve("2026.csv"));
    assertThat(calendar.reloadIfChanged()).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).as("shipped 春节 again").isFalse();
  }

  @Test
  void aBrokenFileIsRejectedWithFileAndLineAndTheGoodCalendarStays() throws IOException {
    write("2036.csv", 2036, "2036-01-01,OFF,元旦\n");
    assertThat(calendar.setLocation(location()).errors()).isEmpty();
    assertThat(calendar.isWorkingDay(LocalDate.of(2036, 1, 1))).isFalse();

    write("2036.csv", 2036, "2036-01-01,OFF,元旦\n2036-10-01,OFF,国庆节\n2036-13-01,OFF,不存在\n");
    var reload = calendar.reload();

    assertThat(reload.errors()).singleElement().asString()
        .contains("2036.csv", "第5行", "2036-13-01");
    assertThat(calendar.yearsWithData()).contains(2036);
    assertThat(calendar.isWorkingDay(LocalDate.of(2036, 1, 1))).as("still the good file").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2036, 10, 1))).as("nothing of the broken one").isTrue();
  }

  @Test
  void aBrokenOverrideAtStartKeepsTheShippedYear() throws IOException {
    write("2025.csv", 2025, "2025-10-01,OFF,国庆节\n2025-10-02,HOLIDAY,国庆节\n");
    var reload = calendar.setLocation(location());
    assertThat(reload.errors()).singleElement().asString().contains("2025.csv", "第4行", "HOLIDAY");
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 8))).as("shipped 国庆节").isFalse();
  }

  @Test
  void aBrokenFileOfANewYearLeavesThatYearWithoutData() throws IOException {
    write("2037.csv", 2037, "2037-01-01;OFF;元旦\n");
    var reload = calendar.setLocation(location());
    assertThat(reload.errors()).singleElement().asString().contains("2037.csv", "第3行");
    assertThat(calendar.yearsWithData()).contains(2025, 2026).doesNotContain(2037);
  }
}
