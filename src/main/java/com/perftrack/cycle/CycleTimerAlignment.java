package com.perftrack.cycle;

import com.perftrack.calendar.BusinessCalendar;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * The scheduler's timer takes {@code ptc.cycle.cron} when its model is deployed; an existing
 * database would keep the first cron for ever, as the model does not change with the setting. At
 * every start this moves the waiting timer to the configured cron's next time and makes it repeat
 * by that cron (issue 12).
 */
@Component
class CycleTimerAlignment implements ApplicationRunner {

    static final String SCHEDULER = "monthly-cycle-scheduler";
    private static final Logger log = LoggerFactory.getLogger(CycleTimerAlignment.class);

    private final ProcessEngine engine;
    private final CycleSettings settings;
    private final ZoneId zone;

    CycleTimerAlignment(ProcessEngine engine, CycleSettings settings, BusinessCalendar calendar) {
        this.engine = engine;
        this.settings = settings;
        this.zone = calendar.zone();
    }

    @Override
    public void run(ApplicationArguments args) {
        align(engine, settings.cron(), zone);
    }

    /** @return whether the timer was moved */
    static boolean align(ProcessEngine engine, String cron, ZoneId zone) {
        Date next = Date.from(CronExpression.parse(cron)
                .next(ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone)).toInstant());
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        boolean moved = false;
        for (Job job : engine.getManagementService().createJobQuery().processDefinitionKey(SCHEDULER).timers().list()) {
            if (job instanceof TimerEntity timer && cron.equals(timer.getRepeat()) && next.equals(timer.getDuedate())) {
                continue;
            }
            configuration.getCommandExecutorTxRequired().execute(context -> {
                TimerEntity timer = (TimerEntity) context.getJobManager().findJobById(job.getId());
                if (timer != null) {
                    timer.setRepeat(cron);
                    timer.setDuedate(next);
                }
                return null;
            });
            log.info("Cycle timer {} now follows ptc.cycle.cron '{}': next run {}", job.getId(), cron, next);
            moved = true;
        }
        return moved;
    }
}
