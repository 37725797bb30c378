package io.icpflow.calendar;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * "Now" for the whole product is the engine's clock, so that a test that moves the clock, and an
 * operator who runs a timer early, see every rule (expiry, real-name recording, SLAs) move with it.
 */
public final class EngineClock {

    /** The product's one time zone: timelines, business days, deadlines (China has no daylight saving: always +08:00). */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private EngineClock() {
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Now at China time (+08:00), as the timeline shows it. */
    public static OffsetDateTime nowInChina() {
        return now().atZone(CHINA).toOffsetDateTime();
    }

    public static LocalDate todayInChina() {
        return LocalDate.ofInstant(now(), CHINA);
    }

    /** The same instant at China time, as an applicant reads it. */
    public static OffsetDateTime inChina(OffsetDateTime at) {
        return at.atZoneSameInstant(CHINA).toOffsetDateTime();
    }
}
