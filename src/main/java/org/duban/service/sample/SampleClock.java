package org.duban.service.sample;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** The clock the sample replays its year on: set to each event's day and time before the event happens. */
final class SampleClock extends Clock {
    private final ZoneId zone;
    private Instant now;

    SampleClock(ZoneId zone, LocalDate day) {
        this.zone = zone;
        set(day, LocalTime.of(9, 0));
    }

    void set(LocalDate day, LocalTime time) {
        now = day.atTime(time).atZone(zone).toInstant();
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
