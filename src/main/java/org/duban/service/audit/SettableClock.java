package org.duban.service.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A clock that stands where it is set: the sample replays its year on one (each step on its day, so the audit
 * trail reads like that year), and tests fix "today" with one.
 */
public class SettableClock extends Clock {
    private final ZoneId zone;
    private Instant now;

    public SettableClock(ZoneId zone, LocalDate day, LocalTime time) {
        this.zone = zone;
        set(day, time);
    }

    /** Moves the clock to a day and time in its zone. */
    public final void set(LocalDate day, LocalTime time) {
        now = day.atTime(time).atZone(zone).toInstant();
    }

    public final void plusDays(long days) {
        now = now.plusSeconds(days * 86_400);
    }

    public final LocalDate today() {
        return LocalDate.ofInstant(now, zone);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return Clock.fixed(now, z);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
