package com.perftrack.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one clock of the application: the engine's clock (so tests that move it move business rules
 * too), read in the installation's time zone ({@code ptc.time-zone}, default Asia/Shanghai).
 */
@Component
public class BusinessCalendar {

    private final ZoneId zone;

    public BusinessCalendar(@Value("${ptc.time-zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public ZonedDateTime nowZoned() {
        return now().atZone(zone);
    }

    public LocalDate today() {
        return nowZoned().toLocalDate();
    }

    public Period currentPeriod() {
        return Period.of(today());
    }
}
