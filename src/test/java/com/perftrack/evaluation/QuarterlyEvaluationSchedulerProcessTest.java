package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.organisation.OrganisationService;
import com.perftrack.support.ProcessTestEngine;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The quarterly timer: 08:00 on the 5th of January, April, July and October opens the quarter just ended. */
@Deployment(resources = {"bpmn/quarterly-evaluation-scheduler.bpmn", "bpmn/quarterly-evaluation.bpmn",
        "bpmn/reward-penalty.dmn"})
class QuarterlyEvaluationSchedulerProcessTest {

    static final ProcessTestEngine db = new ProcessTestEngine();
    static final Map<Object, Object> beans = new HashMap<>();

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(db.configuration(beans))
            .excludeProcessDefinitionKeys("quarterly-evaluation").assertClassCoverageAtLeast(1.0).build();

    ProcessEngine processEngine;
    EvaluationFixture fixture;

    @BeforeEach
    void wire() {
        BpmnAwareTests.init(processEngine);
        fixture = new EvaluationFixture(db.jdbc(), processEngine);
        fixture.beans(beans);
        beans.put("openQuarterlyEvaluationDelegate", new OpenQuarterlyEvaluationDelegate(
                processEngine.getRuntimeService(), new BusinessCalendar(ZoneId.systemDefault().getId()),
                new OrganisationService(db.jdbc()), fixture.evaluations));
    }

    @AfterEach
    void reset() {
        processEngine.getRuntimeService().createProcessInstanceQuery().list()
                .forEach(p -> processEngine.getRuntimeService().deleteProcessInstance(p.getId(), "test over"));
        fixture.clear();
    }

    @Test
    void on_the_fifth_of_july_at_eight_the_second_quarter_is_opened_once() {
        ClockUtil.setCurrentTime(at("2026-06-20T12:00"));
        Job timer = reschedule();
        assertThat(timer.getDuedate()).isEqualTo(at("2026-07-05T08:00"));
        ClockUtil.setCurrentTime(timer.getDuedate());
        processEngine.getManagementService().executeJob(timer.getId());

        var evaluation = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("quarterly-evaluation").singleResult();
        assertThat(evaluation.getBusinessKey()).isEqualTo("2026-Q2");
        Job next = processEngine.getManagementService().createJobQuery().timers().singleResult();
        assertThat(next.getDuedate()).as("then on 5 October").isEqualTo(at("2026-10-05T08:00"));

        // a second firing for the same quarter (e.g. a retried job) leaves the running evaluation alone
        processEngine.getRuntimeService().startProcessInstanceByKey("quarterly-evaluation-scheduler");
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("quarterly-evaluation").count()).isEqualTo(1);
    }

    @Test
    void each_company_gets_its_own_evaluation_of_the_quarter() {
        fixture.company();
        fixture.jdbc.sql("insert into org_unit (code, unit_type, name, company_code, user_id, role, updated_at) "
                + "values ('OTHERCO', 'company', 'OTHERCO', 'OTHERCO', 'other.gm', 'production', current_timestamp)")
                .update();
        ClockUtil.setCurrentTime(at("2026-07-05T08:00"));
        processEngine.getRuntimeService().startProcessInstanceByKey("quarterly-evaluation-scheduler");

        var evaluations = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("quarterly-evaluation").processInstanceBusinessKey("2026-Q2").list();
        List<Object> companies = evaluations.stream().map(p -> processEngine.getRuntimeService()
                .getVariable(p.getId(), "companyCode")).toList();
        assertThat(companies).containsExactlyInAnyOrder("PTCO", "OTHERCO");

        processEngine.getRuntimeService().startProcessInstanceByKey("quarterly-evaluation-scheduler");
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("quarterly-evaluation").count()).as("a second firing opens none").isEqualTo(2);
    }

    private Job reschedule() {
        processEngine.getRepositoryService().createDeployment()
                .addClasspathResource("bpmn/quarterly-evaluation-scheduler.bpmn").deploy();
        return processEngine.getManagementService().createJobQuery().timers().singleResult();
    }

    private static Date at(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(ZoneId.systemDefault()).toInstant());
    }
}
