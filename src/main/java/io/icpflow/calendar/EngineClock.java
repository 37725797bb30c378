package io.icpflow.calendar;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * "Now" for the whole product is the engine's clock, so that a test that moves the clock, and an
 * operator who runs a timer early, see every rule (expiry, real-name recording, SLAs) move with it.
 */
public final class EngineClock {

    public static final ZoneOffset CHINA_OFFSET = ZoneOffset.ofHours(8);

    private EngineClock() {
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Now at China time (+08:00), as the timeline shows it. */
    public static OffsetDateTime nowInChina() {
        return OffsetDateTime.ofInstant(now(), CHINA_OFFSET);
    }

    public static LocalDate todayInChina() {
        return LocalDate.ofInstant(now(), CHINA_OFFSET);
    }
}
