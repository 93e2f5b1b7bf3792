package com.perftrack.sales;

import java.time.DayOfWeek;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ptc.sales.*}: when the weekly sales plan opens by itself ({@code cron}, Spring's six fields, default
 * Monday 08:00), by when each sales person files the plan ({@code due-day}/{@code due-time}, default Tuesday
 * 12:00: then a reminder) and when a missing plan goes to the sales head ({@code escalation-day}/
 * {@code escalation-time}, default Wednesday 12:00). A week opened after its due gets {@code late-grace-hours}
 * (default 24) from its start before the reminder, and the same gap again before the escalation.
 */
@ConfigurationProperties("ptc.sales")
public record WeeklySalesSettings(String cron, DayOfWeek dueDay, LocalTime dueTime, DayOfWeek escalationDay,
        LocalTime escalationTime, Integer lateGraceHours) {

    public WeeklySalesSettings {
        if (cron == null || cron.isBlank()) {
            cron = "0 0 8 * * MON";
        }
        dueDay = dueDay == null ? DayOfWeek.TUESDAY : dueDay;
        dueTime = dueTime == null ? LocalTime.NOON : dueTime;
        escalationDay = escalationDay == null ? DayOfWeek.WEDNESDAY : escalationDay;
        escalationTime = escalationTime == null ? LocalTime.NOON : escalationTime;
        if (lateGraceHours == null || lateGraceHours < 1) {
            lateGraceHours = 24;
        }
    }

    static WeeklySalesSettings defaults() {
        return new WeeklySalesSettings(null, null, null, null, null, null);
    }
}
