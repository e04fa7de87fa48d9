package org.duban.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A clock that stands still at a chosen day (09:00 in Asia/Shanghai) until a test moves it. */
public final class TestClock extends Clock {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private Instant now;

    public TestClock(LocalDate day) {
        setDay(day);
    }

    public void setDay(LocalDate day) {
        now = day.atTime(9, 0).atZone(ZONE).toInstant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, ZONE);
    }

    public void plusDays(long days) {
        now = now.plusSeconds(days * 86_400);
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
