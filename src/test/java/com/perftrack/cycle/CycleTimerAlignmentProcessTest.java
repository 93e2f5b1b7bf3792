package com.perftrack.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 12: a changed ptc.cycle.cron takes effect on an existing database at the next start. */
class CycleTimerAlignmentProcessTest {

    static final ZoneId ZONE = ZoneId.systemDefault(); // the engine reads crons in the JVM zone, which the application sets to ptc.time-zone
    static final Map<Object, Object> beans = new HashMap<>();
    static ProcessEngine engine;

    @BeforeAll
    static void engine() {
        beans.put("cycleSchedule", new CycleSchedule(new CycleSettings("0 0 8 1 * ?", 3, 2)));
        beans.put("openMonthlyCycleDelegate", (org.camunda.bpm.engine.delegate.JavaDelegate) execution -> { });
        var configuration = new org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration();
        configuration.setBeans(beans);
        configuration.setEnforceHistoryTimeToLive(false);
        configuration.setProcessEngineName("cycle-timer-alignment");
        configuration.setJdbcUrl("jdbc:h2:mem:cycle-timer-alignment;DB_CLOSE_DELAY=-1");
        configuration.setJobExecutorActivate(false);
        engine = configuration.buildProcessEngine();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static Date at(String local) {
        return Date.from(LocalDateTime.parse(local).atZone(ZONE).toInstant());
    }

    Job timer() {
        return engine.getManagementService().createJobQuery().processDefinitionKey(CycleTimerAlignment.SCHEDULER)
                .timers().singleResult();
    }

    @Test
    void a_changed_cron_moves_the_waiting_timer_and_its_repeats() {
        ClockUtil.setCurrentTime(at("2026-11-15T12:00"));
        engine.getRepositoryService().createDeployment().addClasspathResource("bpmn/monthly-cycle-scheduler.bpmn").deploy();
        assertThat(timer().getDuedate()).as("the cron of the first deployment").isEqualTo(at("2026-12-01T08:00"));

        // the installation now opens cycles on the 3rd at 09:30
        assertThat(CycleTimerAlignment.align(engine, "0 30 9 3 * ?", ZONE)).isTrue();
        Job moved = timer();
        assertThat(moved.getDuedate()).isEqualTo(at("2026-12-03T09:30"));
        assertThat(((TimerEntity) moved).getRepeat()).isEqualTo("0 30 9 3 * ?");
        assertThat(CycleTimerAlignment.align(engine, "0 30 9 3 * ?", ZONE)).as("nothing to do twice").isFalse();

        // when it fires, the next one follows the new cron too
        ClockUtil.setCurrentTime(moved.getDuedate());
        engine.getManagementService().executeJob(moved.getId());
        assertThat(timer().getDuedate()).isEqualTo(at("2027-01-03T09:30"));
    }
}
