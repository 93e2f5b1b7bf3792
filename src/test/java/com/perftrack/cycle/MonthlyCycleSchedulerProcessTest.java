package com.perftrack.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.organisation.CompanySettings;
import com.perftrack.support.ProcessTestEngine;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The monthly timer (Spring cron syntax, as Camunda 7.24 parses it), tested with the engine clock. */
@Deployment(resources = {"bpmn/monthly-cycle-scheduler.bpmn", "bpmn/monthly-tracking-cycle.bpmn",
        "bpmn/committee-membership.dmn"})
class MonthlyCycleSchedulerProcessTest {

    static final ProcessTestEngine db = new ProcessTestEngine();
    static final BusinessCalendar calendar = new BusinessCalendar(ZoneId.systemDefault().getId());
    static final CycleSettings settings = new CycleSettings("0 0 8 1 * ?", 3, 2);
    static final CompanySettings company = new CompanySettings("ACME", "Acme", "production");
    static final Map<Object, Object> beans = new HashMap<>(Map.of("cycleSchedule", new CycleSchedule(settings)));

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
            .builder(db.configuration(beans)).excludeProcessDefinitionKeys("monthly-tracking-cycle").assertClassCoverageAtLeast(1.0).build();

    ProcessEngine processEngine;

    @BeforeEach
    void wire() {
        BpmnAwareTests.init(processEngine);
        CycleRegistry registry = new CycleRegistry(db.jdbc());
        beans.put("registerCycleListener", new RegisterCycleListener(registry, company, calendar,
                processEngine.getHistoryService(), settings,
                new com.perftrack.organisation.OrganisationService(db.jdbc())));
        beans.put("openMonthlyCycleDelegate", new OpenMonthlyCycleDelegate(processEngine.getRuntimeService(),
                registry, company, calendar));
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        db.jdbc().sql("delete from tracking_cycle").update();
    }

    @Test
    void timer_fires_on_the_first_of_the_month_at_eight_and_opens_the_month_just_ended() {
        ManagementService management = processEngine.getManagementService();
        ClockUtil.setCurrentTime(at("2026-11-15T12:00"));
        // redeploying is what schedules the timer against the moved clock
        Job timer = reschedule();
        assertThat(timer.getDuedate()).isEqualTo(at("2026-12-01T08:00"));

        ClockUtil.setCurrentTime(timer.getDuedate());
        management.executeJob(timer.getId());

        ProcessInstance cycle = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey("monthly-tracking-cycle").singleResult();
        assertThat(cycle).hasBusinessKey("2026-11");
        Job next = management.createJobQuery().timers().singleResult();
        assertThat(next.getDuedate()).as("then on 1 January at 08:00").isEqualTo(at("2027-01-01T08:00"));
    }

    @Test
    void timer_leaves_a_period_alone_that_was_opened_by_hand() {
        ClockUtil.setCurrentTime(at("2026-11-15T12:00"));
        Job timer = reschedule();
        runtimeService().startProcessInstanceByKey("monthly-tracking-cycle", Map.of("period", "2026-11"));

        ClockUtil.setCurrentTime(timer.getDuedate());
        processEngine.getManagementService().executeJob(timer.getId());

        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("monthly-tracking-cycle").count())
                .isEqualTo(1);
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .variableName("cycleAlreadyOpen").singleResult().getValue()).isEqualTo(true);
    }

    private Job reschedule() {
        var repository = processEngine.getRepositoryService();
        repository.createDeployment().addClasspathResource("bpmn/monthly-cycle-scheduler.bpmn").deploy();
        return processEngine.getManagementService().createJobQuery().timers().singleResult();
    }

    private static Date at(String localDateTime) {
        return Date.from(ZonedDateTime.parse(localDateTime + ":00" + offset(localDateTime)).toInstant());
    }

    private static String offset(String localDateTime) {
        return ZoneId.systemDefault().getRules()
                .getOffset(java.time.LocalDateTime.parse(localDateTime)).getId().replace("Z", "+00:00");
    }
}
