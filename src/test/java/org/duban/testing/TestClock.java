package org.duban.testing;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.duban.service.audit.SettableClock;

/** A clock that stands still at a chosen day (09:00 in Asia/Shanghai) until a test moves it. */
public final class TestClock extends SettableClock {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public TestClock(LocalDate day) {
        super(ZONE, day, LocalTime.of(9, 0));
    }

    public void setDay(LocalDate day) {
        set(day, LocalTime.of(9, 0));
    }
}
