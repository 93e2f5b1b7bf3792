package com.perftrack.cycle;

import org.springframework.stereotype.Component;

/** Read by the cycle's timer start event: {@code ${cycleSchedule.cron}}. */
@Component("cycleSchedule")
public class CycleSchedule {

    private final CycleSettings settings;

    public CycleSchedule(CycleSettings settings) {
        this.settings = settings;
    }

    public String getCron() {
        return settings.cron();
    }
}
