package io.icpflow.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tyme.holiday.LegalHoliday;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Business days of the Chinese mainland: weekends and the State Council's public holidays are off,
 * the announced make-up working days (调休) are on. Data: tyme4j's legal-holiday table plus the
 * dated override file {@code calendar/cn-holidays-overrides.json}; a year in neither fails loudly.
 */
@Component
public class BusinessCalendar {

    private static final String OVERRIDES = "calendar/cn-holidays-overrides.json";

    private final Map<Integer, OverrideYear> overrides;
    // tyme4j looks each date up by a regex search over its whole table (a third of the CPU of starting
    // a business-day timer, bench/README.md); the answers never change while the app runs
    private final Map<Integer, Boolean> coveredYears = new ConcurrentHashMap<>();
    private final Map<LocalDate, Boolean> businessDays = new ConcurrentHashMap<>();

    public BusinessCalendar(ObjectMapper json) {
        this.overrides = readOverrides(json);
    }

    public boolean covers(int year) {
        return coveredYears.computeIfAbsent(year, this::coveredByData);
    }

    private boolean coveredByData(int year) {
        // New Year's Day is a public holiday every year, so the library lists it for every year it knows
        return overrides.containsKey(year) || LegalHoliday.fromYmd(year, 1, 1) != null;
    }

    public boolean isStatutoryOnly(int year) {
        OverrideYear o = overrides.get(year);
        return o != null && "STATUTORY_ONLY".equals(o.status());
    }

    public boolean isBusinessDay(LocalDate day) {
        if (!covers(day.getYear())) {
            throw new CalendarNotCoveredException(day);
        }
        return businessDays.computeIfAbsent(day, this::isBusinessDayByData);
    }

    private boolean isBusinessDayByData(LocalDate day) {
        OverrideYear override = overrides.get(day.getYear());
        if (override != null) {
            if (override.workdays().contains(day)) {
                return true;
            }
            if (override.holidays().contains(day)) {
                return false;
            }
            return !isWeekend(day);
        }
        LegalHoliday legal = LegalHoliday.fromYmd(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
        if (legal != null) {
            return legal.isWork();
        }
        return !isWeekend(day);
    }

    /**
     * The deadline "N business days after {@code from}": the end (24:00 China time) of the N-th
     * business day after the day of {@code from}. Submitted on a Friday, one business day is due at
     * the end of Monday; on the eve of Golden Week, at the end of the first working day after it.
     */
    public ZonedDateTime deadlineAfter(Instant from, int businessDays) {
        if (businessDays < 0) {
            throw new IllegalArgumentException("businessDays must be >= 0");
        }
        LocalDate day = from.atZone(EngineClock.CHINA).toLocalDate();
        int counted = 0;
        while (counted < businessDays) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                counted++;
            }
        }
        return day.plusDays(1).atStartOfDay(EngineClock.CHINA);
    }

    /** Business days elapsed between two instants, counting partial business days as fractions. */
    public double businessDaysBetween(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            return 0;
        }
        double total = 0;
        ZonedDateTime cursor = start.atZone(EngineClock.CHINA);
        ZonedDateTime stop = end.atZone(EngineClock.CHINA);
        while (cursor.isBefore(stop)) {
            ZonedDateTime nextMidnight = cursor.toLocalDate().plusDays(1).atStartOfDay(EngineClock.CHINA);
            ZonedDateTime sliceEnd = nextMidnight.isBefore(stop) ? nextMidnight : stop;
            if (isBusinessDay(cursor.toLocalDate())) {
                total += Duration.between(cursor, sliceEnd).toSeconds() / 86_400.0;
            }
            cursor = sliceEnd;
        }
        return total;
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static Map<Integer, OverrideYear> readOverrides(ObjectMapper json) {
        try (InputStream in = new ClassPathResource(OVERRIDES).getInputStream()) {
            OverrideFile file = json.readValue(in, OverrideFile.class);
            Map<Integer, OverrideYear> byYear = new HashMap<>();
            file.years().forEach((year, data) -> byYear.put(Integer.valueOf(year), data));
            return Map.copyOf(byYear);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + OVERRIDES, e);
        }
    }

    record OverrideFile(String about, Map<String, OverrideYear> years) {
    }

    record OverrideYear(String source, String status, Set<LocalDate> holidays, Set<LocalDate> workdays) {
        OverrideYear {
            holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
            workdays = workdays == null ? Set.of() : Set.copyOf(workdays);
        }
    }
}
