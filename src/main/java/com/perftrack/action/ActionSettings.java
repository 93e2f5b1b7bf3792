package com.perftrack.action;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ptc.action.*}: the deadline horizon of the SMART pre-check, the hour a ten-day report
 * falls due, how long after the deadline a missing outcome escalates (and repeats), the sender.
 */
@ConfigurationProperties("ptc.action")
record ActionSettings(Integer deadlineHorizonDays, Integer reportHour, Integer outcomeGraceDays,
        Integer reEscalationDays, String mailFrom) {

    public ActionSettings {
        deadlineHorizonDays = positiveOr(deadlineHorizonDays, 180);
        reportHour = reportHour == null || reportHour < 0 || reportHour > 23 ? 9 : reportHour;
        outcomeGraceDays = outcomeGraceDays == null || outcomeGraceDays < 0 ? 1 : outcomeGraceDays;
        reEscalationDays = positiveOr(reEscalationDays, 30);
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "ptc@localhost" : mailFrom;
    }

    public static ActionSettings defaults() {
        return new ActionSettings(null, null, null, null, null);
    }

    private static int positiveOr(Integer value, int fallback) {
        return value == null || value < 1 ? fallback : value;
    }
}
