package io.icpflow.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BusinessCalendarTest {

    private final BusinessCalendar calendar = new BusinessCalendar(new ObjectMapper().registerModule(new JavaTimeModule()));

    @ParameterizedTest(name = "{0} is a business day: {1}")
    @CsvSource({
            "2026-11-23, true",   // Monday
            "2026-11-21, false",  // Saturday
            "2026-10-01, false",  // National Day
            "2026-10-07, false",  // Golden Week
            "2026-10-08, true",
            "2026-10-10, true",   // Saturday, make-up working day
            "2026-09-20, true",   // Sunday, make-up working day
            "2026-02-17, false",  // Spring Festival
            "2026-02-28, true",   // Saturday, make-up working day
            "2026-01-04, true",   // Sunday, make-up working day after New Year (State Council notice of 2025-11-04)
            "2026-01-03, false",  // Saturday, New Year holiday
            "2026-02-14, true",   // Saturday, make-up working day before the Spring Festival
            "2026-02-15, false",  // Sunday, Spring Festival
            "2026-05-09, true",   // Saturday, make-up working day after Labour Day
            "2026-05-05, false",  // Tuesday, Labour Day holiday
            "2027-02-08, false",  // 2027 from the override file: Spring Festival (statutory)
            "2027-10-01, false",
            "2027-10-04, true"    // statutory days only until the 2027 notice is added
    })
    void knowsTheMainlandCalendar(LocalDate day, boolean business) {
        assertThat(calendar.isBusinessDay(day)).isEqualTo(business);
    }

    @ParameterizedTest(name = "{0} + {1} business day(s) → due {2}")
    @CsvSource({
            "2026-11-20T10:00:00+08:00, 1,  2026-11-24T00:00:00+08:00", // Friday → end of Monday
            "2026-11-21T10:00:00+08:00, 1,  2026-11-24T00:00:00+08:00", // Saturday → end of Monday
            "2026-11-23T23:59:00+08:00, 2,  2026-11-26T00:00:00+08:00",
            "2026-09-30T16:00:00+08:00, 1,  2026-10-09T00:00:00+08:00", // eve of Golden Week → Oct 8
            "2026-10-09T10:00:00+08:00, 1,  2026-10-11T00:00:00+08:00", // Friday → make-up Saturday Oct 10
            "2026-09-19T10:00:00+08:00, 1,  2026-09-21T00:00:00+08:00", // Saturday → make-up Sunday Sep 20
            "2026-09-25T11:00:00+08:00, 20, 2026-10-30T00:00:00+08:00", // 20 business days across Golden Week
            "2026-11-20T16:00:00Z,      1,  2026-11-24T00:00:00+08:00", // UTC Friday 16:00 is Saturday in China
            "2025-12-31T10:00:00+08:00, 1,  2026-01-05T00:00:00+08:00", // New Year Jan 1-3 off → make-up Sunday Jan 4
            "2026-02-13T10:00:00+08:00, 1,  2026-02-15T00:00:00+08:00", // Friday → make-up Saturday Feb 14
            "2026-02-14T10:00:00+08:00, 1,  2026-02-25T00:00:00+08:00", // Spring Festival Feb 15-23 off → Tuesday Feb 24
            "2026-04-30T10:00:00+08:00, 2,  2026-05-08T00:00:00+08:00", // Labour Day May 1-5 off → May 6, 7
            "2026-05-08T10:00:00+08:00, 1,  2026-05-10T00:00:00+08:00"  // Friday → make-up Saturday May 9
    })
    void deadlinesCountBusinessDaysInChinaTime(String from, int days, String due) {
        assertThat(calendar.deadlineAfter(Instant.from(ZonedDateTime.parse(from)), days).toInstant())
                .isEqualTo(ZonedDateTime.parse(due).toInstant());
    }

    @Test
    void aYearWithoutDataFailsLoudly() {
        assertThat(calendar.covers(2028)).isFalse();
        assertThatThrownBy(() -> calendar.isBusinessDay(LocalDate.of(2028, 3, 1)))
                .isInstanceOf(CalendarNotCoveredException.class).hasMessageContaining("2028");
        assertThatThrownBy(() -> calendar.deadlineAfter(Instant.parse("2027-12-30T02:00:00Z"), 5))
                .isInstanceOf(CalendarNotCoveredException.class);
    }

    @Test
    void coversThisYearAndNext() {
        assertThat(calendar.covers(2026)).isTrue();
        assertThat(calendar.covers(2027)).isTrue();
        assertThat(calendar.isStatutoryOnly(2027)).isTrue();
    }

    @Test
    void businessDaysBetweenSkipsHolidays() {
        Instant start = ZonedDateTime.parse("2026-09-30T12:00:00+08:00").toInstant();
        Instant end = ZonedDateTime.parse("2026-10-08T12:00:00+08:00").toInstant();
        assertThat(calendar.businessDaysBetween(start, end)).isCloseTo(1.0, within(1e-9));
    }
}
