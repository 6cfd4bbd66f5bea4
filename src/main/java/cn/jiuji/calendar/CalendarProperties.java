package cn.jiuji.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The working-day calendar ({@code jiuji.calendar}).
 *
 * @param location a directory (Spring resource location, e.g. {@code file:./config/calendar/})
 *     whose {@code YYYY.csv} files override and extend the calendars shipped in the application,
 *     so that the bureau adds next year's holidays without a new build; empty: shipped files only
 * @param closeOfDay the time at which a working day closes: a deadline ends then
 * @param zone the time zone of the bureau's working days
 * @param checkInterval how often, at most, the directory is checked for changed files
 */
@ConfigurationProperties("jiuji.calendar")
public record CalendarProperties(
    String location,
    @DefaultValue("23:59:59") LocalTime closeOfDay,
    @DefaultValue("Asia/Shanghai") ZoneId zone,
    @DefaultValue("1m") Duration checkInterval) {}
