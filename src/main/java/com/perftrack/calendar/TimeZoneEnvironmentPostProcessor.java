package com.perftrack.calendar;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Makes {@code ptc.time-zone} the JVM's default zone before the engine starts: Camunda evaluates
 * timer cron expressions (the monthly start, 旬 report days) in the default zone, and they must
 * fire at 08:00 local time of the installation, not of the server.
 */
class TimeZoneEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String zone = environment.getProperty("ptc.time-zone", "Asia/Shanghai");
        TimeZone.setDefault(TimeZone.getTimeZone(java.time.ZoneId.of(zone)));
    }
}
