package cn.jiuji.calendar;

import cn.jiuji.base.CountyClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Chinese working-day calendar (SPEC §3.6): Monday to Friday, except the public holidays
 * (放假), plus the Saturdays and Sundays that are working days (调休上班), as the State Council's
 * notice of each year lists them.
 *
 * <p>One CSV file per year: shipped in {@code calendar/YYYY.csv} on the class path, overridden
 * and extended by the files of the directory {@code jiuji.calendar.location}. The directory is
 * checked for changed files at most once per {@code jiuji.calendar.check-interval} when the
 * calendar is used, and {@link #reload()} reads it at once. A file with a fault is reported with
 * file and line and not used: its year keeps what it had.
 *
 * <p>A year without a file counts Monday to Friday as working days and says so loudly: a
 * warning in the log and a task for the administrators, because the next year's notice comes
 * out each November and someone has to add it.
 */
@Component
public class WorkingDayCalendar {

  private static final Logger LOG = LoggerFactory.getLogger(WorkingDayCalendar.class);
  static final String SHIPPED = "classpath*:calendar/*.csv";
  private static final Pattern FILE_NAME = Pattern.compile("(\\d{4})\\.csv", Pattern.CASE_INSENSITIVE);

  private final CalendarProperties properties;
  private final CountyClock clock;
  private final MissingCalendarWarning warning;
  private final ResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

  private volatile Map<Integer, YearCalendar> years = Map.of();
  private volatile String location;
  /** The directory's files and their modification times when last read. */
  private volatile Map<Path, Object> readFiles = Map.of();
  private volatile long lastCheck = System.nanoTime();
  private volatile LocalDate lastCoverageCheck;

  WorkingDayCalendar(CalendarProperties properties, CountyClock clock, MissingCalendarWarning warning) {
    this.properties = properties;
    this.clock = clock;
    this.warning = warning;
    this.location = properties.location();
    CalendarReload loaded = reload();
    LOG.info("Calendar files: shipped ones overridden by {}", directory() == null
        ? "nothing (no directory " + location + ")" : directory());
    if (!loaded.errors().isEmpty() && loaded.years().isEmpty()) {
      LOG.error("No working-day calendar could be read: every deadline counts Monday to Friday");
    }
  }

  /** Whether the day is a working day: an adjusted working weekend day is, a holiday is not. */
  public boolean isWorkingDay(LocalDate date) {
    checkForChangesIfDue();
    return isWorkingDay(years, date);
  }

  /**
   * The close of the n-th working day after the day of {@code start} (SPEC §3.6): a deadline of
   * n working days for a task started then. The start day itself never counts, working day or
   * not; n = 0 is the close of the start day.
   */
  public LocalDateTime endOfWorkingDays(LocalDateTime start, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("工作日天数不能为负数：" + n);
    }
    checkForChangesIfDue();
    Map<Integer, YearCalendar> calendar = years;
    SortedSet<Integer> missing = new TreeSet<>();
    LocalDate day = start.toLocalDate();
    for (int counted = 0; counted < n; ) {
      day = day.plusDays(1);
      if (!calendar.containsKey(day.getYear())) {
        missing.add(day.getYear());
      }
      if (isWorkingDay(calendar, day)) {
        counted++;
      }
    }
    for (int year : missing) {
      LOG.warn("A deadline ({} working days after {}) runs into {}, which has no calendar file:"
          + " counted Monday to Friday as working days", n, start, year);
      warning.raise(year);
    }
    return day.atTime(properties.closeOfDay());
  }

  /**
   * The working days after {@code from} up to and including {@code to} (none when {@code to} is not
   * after {@code from}): how many working days a deadline is away, or how many it was missed by.
   */
  public int workingDaysAfter(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  /** The years with an official calendar. */
  public Set<Integer> yearsWithData() {
    checkForChangesIfDue();
    return Collections.unmodifiableSet(new TreeSet<>(years.keySet()));
  }

  /** The time zone of the working days: the county's ({@code jiuji.county.time-zone}). */
  public ZoneId zone() {
    return clock.zone();
  }

  /** The directory of override files in use, or null. */
  public String location() {
    return location;
  }

  /** Uses another directory of calendar files from now on, and reads it at once. */
  public synchronized CalendarReload setLocation(String location) {
    this.location = location;
    return reload();
  }

  /**
   * Reads every calendar file again. A file with a fault is not used: its year keeps the
   * calendar it had (or, at start-up, the shipped one).
   */
  public synchronized CalendarReload reload() {
    Map<Integer, Resource> shipped = shippedFiles();
    Map<Integer, Path> overrides = new TreeMap<>();
    Map<Path, Object> files = directoryFiles();
    files.keySet().forEach(file -> overrides.put(yearOf(file.getFileName().toString()), file));

    Set<Integer> allYears = new TreeSet<>(shipped.keySet());
    allYears.addAll(overrides.keySet());
    Map<Integer, YearCalendar> loaded = new TreeMap<>();
    List<String> errors = new ArrayList<>();
    for (int year : allYears) {
      try {
        loaded.put(year, overrides.containsKey(year)
            ? read(overrides.get(year), year)
            : read(shipped.get(year), year));
      } catch (CalendarFileException e) {
        LOG.error("{} — the file is not used", e.getMessage());
        errors.add(e.getMessage());
        YearCalendar fallback = years.get(year);
        if (fallback == null && overrides.containsKey(year) && shipped.containsKey(year)) {
          fallback = readOrNull(shipped.get(year), year);
        }
        if (fallback != null) {
          LOG.warn("{} keeps its calendar from {}", year, fallback.file());
          loaded.put(year, fallback);
        }
      }
    }
    years = Collections.unmodifiableMap(loaded);
    readFiles = files;
    lastCheck = System.nanoTime();
    loaded.values().forEach(y -> LOG.info("Working-day calendar {}: {} days off, {} working weekend days,"
        + " from {} ({})", y.year(), y.count(DayType.OFF), y.count(DayType.WORK), y.file(), y.source()));
    return new CalendarReload(loaded.values().stream()
        .map(y -> new CalendarReload.Year(y.year(), y.file(), y.source(), y.count(DayType.OFF),
            y.count(DayType.WORK)))
        .toList(), errors);
  }

  /**
   * Reloads when a file of the directory was added, changed or removed since it was last read.
   *
   * @return whether it reloaded
   */
  public synchronized boolean reloadIfChanged() {
    lastCheck = System.nanoTime();
    if (directoryFiles().equals(readFiles)) {
      return false;
    }
    LOG.info("The calendar files in {} changed: reloading", location);
    reload();
    return true;
  }

  /**
   * Checks that this year, and in November and December also the next, have a calendar, and
   * warns about each that has none.
   *
   * @return the years without a calendar
   */
  public SortedSet<Integer> checkCoverage(LocalDate today) {
    lastCoverageCheck = today;
    SortedSet<Integer> missing = new TreeSet<>();
    missing.add(today.getYear());
    if (today.getMonth() == Month.NOVEMBER || today.getMonth() == Month.DECEMBER) {
      missing.add(today.getYear() + 1);
    }
    missing.removeAll(years.keySet());
    for (int year : missing) {
      LOG.warn("There is no working-day calendar for {}: deadlines in {} count Monday to Friday"
          + " as working days, public holidays and adjusted working weekends are ignored."
          + " Add {}.csv to {} once the State Council has published the {} holidays.",
          year, year, year, location == null ? "the calendar directory" : location, year);
      warning.raise(year);
    }
    return missing;
  }

  @EventListener(ApplicationReadyEvent.class)
  void checkCoverageAtStart() {
    checkCoverage(today());
  }

  private LocalDate today() {
    return clock.today();
  }

  /** At most once per check interval: reload changed files, and look at the coverage daily. */
  private void checkForChangesIfDue() {
    if (System.nanoTime() - lastCheck < properties.checkInterval().toNanos()) {
      return;
    }
    reloadIfChanged();
    LocalDate today = today();
    if (!today.equals(lastCoverageCheck)) {
      checkCoverage(today);
    }
  }

  private static boolean isWorkingDay(Map<Integer, YearCalendar> calendar, LocalDate date) {
    YearCalendar year = calendar.get(date.getYear());
    YearCalendar.Day day = year == null ? null : year.days().get(date);
    if (day != null) {
      return day.type() == DayType.WORK;
    }
    return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  private Map<Integer, Resource> shippedFiles() {
    Map<Integer, Resource> files = new TreeMap<>();
    try {
      for (Resource resource : resources.getResources(SHIPPED)) {
        Integer year = yearOf(resource.getFilename());
        if (year != null) {
          files.put(year, resource);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the shipped calendar files", e);
    }
    return files;
  }

  /** The directory's {@code YYYY.csv} files with their modification time and size. */
  private Map<Path, Object> directoryFiles() {
    Path directory = directory();
    if (directory == null) {
      return Map.of();
    }
    Map<Path, Object> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(directory)) {
      for (Path file : list.filter(Files::isRegularFile).toList()) {
        if (yearOf(file.getFileName().toString()) == null) {
          if (file.getFileName().toString().toLowerCase().endsWith(".csv")) {
            LOG.warn("Ignoring {}: calendar files are named after their year, e.g. 2027.csv", file);
          }
          continue;
        }
        files.put(file, List.of(Files.getLastModifiedTime(file), Files.size(file)));
      }
    } catch (IOException e) {
      LOG.error("Cannot read the calendar directory {}", directory, e);
      return readFiles;
    }
    return files;
  }

  private Path directory() {
    if (location == null || location.isBlank()) {
      return null;
    }
    try {
      Resource resource = resources.getResource(location);
      if (!resource.isFile()) {
        if (resource.exists()) {
          LOG.error("The calendar location {} is not a directory on disk: only the shipped"
              + " calendars are used", location);
        }
        return null;
      }
      Path directory = resource.getFile().toPath();
      return Files.isDirectory(directory) ? directory : null;
    } catch (IOException e) {
      LOG.error("Cannot open the calendar location {}", location, e);
      return null;
    }
  }

  private static Integer yearOf(String fileName) {
    Matcher matcher = FILE_NAME.matcher(fileName == null ? "" : fileName);
    return matcher.matches() ? Integer.valueOf(matcher.group(1)) : null;
  }

  private static YearCalendar read(Path file, int year) {
    try {
      return CalendarFileParser.parse(file.toString(), year,
          Files.readString(file, StandardCharsets.UTF_8));
    } catch (CharacterCodingException e) {
      throw new CalendarFileException(file.toString(), 0, "不是 UTF-8 编码，请另存为 UTF-8");
    } catch (IOException e) {
      throw new CalendarFileException(file.toString(), 0, "无法读取（" + e.getMessage() + "）");
    }
  }

  private static YearCalendar readOrNull(Resource resource, int year) {
    try {
      return read(resource, year);
    } catch (CalendarFileException e) {
      LOG.error(e.getMessage());
      return null;
    }
  }

  private static YearCalendar read(Resource resource, int year) {
    String name = "calendar/" + resource.getFilename() + "（内置）";
    try {
      return CalendarFileParser.parse(name, year,
          resource.getContentAsString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CalendarFileException(name, 0, "无法读取（" + e.getMessage() + "）");
    }
  }
}
