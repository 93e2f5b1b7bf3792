package com.perftrack.cycle;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ptc.cycle.*}: when the monthly cycle starts by itself. The cron expression uses Spring's
 * six-field syntax (second minute hour day month weekday), as Camunda 7.24 parses it.
 */
@ConfigurationProperties("ptc.cycle")
public record CycleSettings(String cron, Integer collectionDays, Integer reminderDays) {

    public CycleSettings {
        if (cron == null || cron.isBlank()) {
            cron = "0 0 8 1 * ?";
        }
        if (collectionDays == null || collectionDays < 1) {
            collectionDays = 3; // SPEC.md section 2: departments report within three days by default
        }
        if (reminderDays == null || reminderDays < 1) {
            reminderDays = Math.max(1, collectionDays - 1); // remind a day before the deadline
        }
    }
}
