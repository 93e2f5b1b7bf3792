package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import com.perftrack.calendar.Quarter;
import com.perftrack.support.ProcessTestEngine;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Appeals (SPEC.md section 3). 2026-Q1 is published: P1 1.20 (BONUS, the one place of ⌈10% × 3⌉),
 * P2 0.90, P3 0.80.
 */
@Deployment(resources = {"bpmn/appeal.bpmn", "bpmn/reward-penalty.dmn", "forms/appeal-start.form",
        "forms/appeal-department-head-opinion.form", "forms/appeal-review.form"})
class AppealProcessTest {

    static final ProcessTestEngine db = new ProcessTestEngine();
    static final Map<Object, Object> beans = new HashMap<>();

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
            .builder(db.configuration(beans)).assertClassCoverageAtLeast(1.0).build();

    ProcessEngine processEngine;
    EvaluationFixture fixture;

    @BeforeEach
    void wire() {
        BpmnAwareTests.init(processEngine);
        fixture = new EvaluationFixture(db.jdbc(), processEngine);
        fixture.beans(beans);
        fixture.company();
        EvaluationFixture.setClock("2026-04-10T10:00:00+08:00");
    }

    /** The deployment (with the decision) happens after @BeforeEach, so each test publishes first. */
    private void publishFirstQuarter() {
        fixture.evaluations.registerRun(Quarter.parse("2026-Q1"), "evaluation-run-outside-this-test");
        fixture.evaluations.evaluate(Quarter.parse("2026-Q1"));
        fixture.evaluations.publish(Quarter.parse("2026-Q1"), "hr.head", null);
    }

    @AfterEach
    void clear() {
        processEngine.getIdentityService().clearAuthentication();
        runtimeService().createProcessInstanceQuery().list()
                .forEach(p -> runtimeService().deleteProcessInstance(p.getId(), "test over"));
        fixture.clear();
    }

    @Test
    void a_corrected_score_changes_the_outcome_and_moves_the_top_ten_percent_boundary_for_others() {
        publishFirstQuarter();
        as("u2");
        ProcessInstance appeal = start("2026-Q1", "三月销售额漏记 120 万 / March sales missed");
        assertThat(appeal).hasBusinessKey("2026-Q1:P2").isWaitingAt("Task_DepartmentHeadOpinion");
        assertThat(task(appeal)).isAssignedTo("sales.head");
        as("sales.head");
        taskService().complete(task(appeal).getId(), Map.of("departmentHeadOpinion", "属实 confirmed"));
        assertThat(appeal).isWaitingAt("Task_ReviewAppeal");
        assertThat(task(appeal)).hasCandidateGroup("hr");
        as("hr.head");
        assertThatThrownBy(() -> taskService().complete(task(appeal).getId(), Map.of("appealDecision", "changed",
                "decisionReason", "数据更正"))).hasMessageContaining("corrected score or outcome");
        taskService().complete(task(appeal).getId(), Map.of("appealDecision", "changed", "correctedScore", 1.25,
                "decisionReason", "财务确认漏记 finance confirms the missing sales"));
        execute(job(appeal));
        assertThat(appeal).isWaitingAt("Task_RecomputeOutcomes");
        execute(job(appeal));
        assertThat(appeal).isEnded().hasPassed("EndEvent_ResultChanged");

        EvaluationView p2 = fixture.row("2026-Q1", "P2");
        assertThat(p2.score()).isEqualByComparingTo("1.2500");
        assertThat(p2.rank()).isEqualTo(1);
        assertThat(p2.belowTarget()).isFalse();
        assertThat(p2.consecutiveQuartersBelow()).isZero();
        assertThat(p2.outcome()).isEqualTo("BONUS");
        assertThat(p2.state()).isEqualTo("changed_on_appeal");
        EvaluationView p1 = fixture.row("2026-Q1", "P1");
        assertThat(p1.rank()).isEqualTo(2);
        assertThat(p1.outcome()).as("P1 falls below the boundary").isNull();
        assertThat(p1.state()).isEqualTo("changed_on_appeal");
        EvaluationView p3 = fixture.row("2026-Q1", "P3");
        assertThat(p3.state()).as("unaffected").isEqualTo("confirmed");
        assertThat(p3.rank()).isEqualTo(3);

        var types = fixture.jdbc.sql("select entry_type || ':' || entry_key from archive_entry where person_code = 'P2' "
                + "order by id").query(String.class).list();
        assertThat(types).anySatisfy(t -> assertThat(t).startsWith("APPEAL:APPEAL_OPENED"))
                .anySatisfy(t -> assertThat(t).startsWith("APPEAL:APPEAL_OPINION"))
                .anySatisfy(t -> assertThat(t).startsWith("APPEAL:APPEAL_DECISION"))
                .anySatisfy(t -> assertThat(t).startsWith("CORRECTION:APPEAL_RECOMPUTE"));
    }

    @Test
    void an_upheld_appeal_changes_nothing_and_without_a_department_head_hr_reviews_alone() {
        publishFirstQuarter();
        as("u3");
        ProcessInstance appeal = start("2026-Q1", "目标过高 the target was too high");
        assertThat(appeal).isWaitingAt("Task_ReviewAppeal");
        as("hr.head");
        taskService().complete(task(appeal).getId(), Map.of("appealDecision", "upheld",
                "decisionReason", "目标经年初批准 the target was approved"));
        execute(job(appeal));
        assertThat(appeal).isEnded().hasPassed("EndEvent_ResultUpheld");
        assertThat(fixture.row("2026-Q1", "P3").state()).isEqualTo("confirmed");
        assertThat(fixture.row("2026-Q1", "P1").outcome()).isEqualTo("BONUS");
    }

    @Test
    void an_appeal_needs_a_published_result_within_the_window_and_the_persons_own_login() {
        publishFirstQuarter();
        as("u2");
        assertThatThrownBy(() -> start("2026-Q2", "x")).hasMessageContaining("not published");
        processEngine.getIdentityService().clearAuthentication();
        assertThatThrownBy(() -> start("2026-Q1", "x")).hasMessageContaining("signed-in person");
        as("hr.head");
        assertThatThrownBy(() -> start("2026-Q1", "x")).hasMessageContaining("no evaluation of user hr.head");
        EvaluationFixture.setClock("2026-04-18T10:00:00+08:00"); // published 04-10, window 7 days → until 04-17
        as("u2");
        assertThatThrownBy(() -> start("2026-Q1", "x")).hasMessageContaining("appeal window closed on 2026-04-17");
    }

    private void as(String userId) {
        processEngine.getIdentityService().setAuthenticatedUserId(userId);
    }

    private ProcessInstance start(String quarter, String reasons) {
        return runtimeService().startProcessInstanceByKey("appeal", Map.of("quarter", quarter, "reasons", reasons));
    }
}
