package com.perftrack.sales;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Component;

/**
 * Read by the scheduler's timer start event, {@code ${weeklySalesSchedule.cron}}, and by the start of a
 * week: when its plans fall due and when a missing one is escalated.
 */
@Component("weeklySalesSchedule")
public class WeeklySalesSchedule {

    /** The reminder and the escalation moments of one week. */
    record Deadlines(ZonedDateTime due, ZonedDateTime escalation) {}

    private final WeeklySalesSettings settings;

    public WeeklySalesSchedule(WeeklySalesSettings settings) {
        this.settings = settings;
    }

    public String getCron() {
        return settings.cron();
    }

    /** The week's configured moments; a week opened after its due gets the grace from its start, twice. */
    Deadlines deadlines(SalesWeek week, ZonedDateTime openedAt, ZoneId zone) {
        ZonedDateTime due = week.day(settings.dueDay()).atTime(settings.dueTime()).atZone(zone);
        ZonedDateTime escalation = week.day(settings.escalationDay()).atTime(settings.escalationTime()).atZone(zone);
        if (!escalation.isAfter(due)) {
            escalation = due.plusHours(settings.lateGraceHours());
        }
        if (!due.isAfter(openedAt)) {
            Duration grace = Duration.ofHours(settings.lateGraceHours());
            due = openedAt.plus(grace);
            escalation = due.plus(grace);
        }
        return new Deadlines(due, escalation);
    }
}
