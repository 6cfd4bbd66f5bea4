package cn.jiuji.calendar;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The working-day calendar ({@code jiuji.calendar}), in the county's time zone
 * ({@code jiuji.county.time-zone}).
 *
 * @param location a directory (Spring resource location, e.g. {@code file:./config/calendar/})
 *     whose {@code YYYY.csv} files override and extend the calendars shipped in the application,
 *     so that the bureau adds next year's holidays without a new build; empty: shipped files only
 * @param closeOfDay the time at which a working day closes: a deadline ends then
 * @param checkInterval how often, at most, the directory is checked for changed files
 */
@ConfigurationProperties("jiuji.calendar")
public record CalendarProperties(
    String location,
    @DefaultValue("23:59:59") LocalTime closeOfDay,
    @DefaultValue("1m") Duration checkInterval) {}
