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
    void a_corrected_quarter_recomputes_the_streaks_and_outcomes_of_the_later_quarters_already_stored() {
        // P2: 90 in Q1 and 95 in Q2 → below twice → Q2 WARNING, published. Q1 corrected to 1.10 on appeal:
        // Q2 is then only the first quarter below target, and the warning is withdrawn
        publishFirstQuarter();
        fixture.evaluations.registerRun(Quarter.parse("2026-Q2"), "evaluation-run-q2-outside-this-test");
        fixture.evaluations.evaluate(Quarter.parse("2026-Q2"));
        fixture.evaluations.publish(Quarter.parse("2026-Q2"), "hr.head", null);
        assertThat(fixture.row("2026-Q2", "P2").outcome()).isEqualTo("WARNING");
        assertThat(fixture.row("2026-Q2", "P2").consecutiveQuartersBelow()).isEqualTo(2);

        as("u2");
        ProcessInstance appeal = start("2026-Q1", "一月销售额漏记 / January sales missed");
        as("sales.head");
        taskService().complete(task(appeal).getId(), Map.of("departmentHeadOpinion", "属实 confirmed"));
        as("hr.head");
        taskService().complete(task(appeal).getId(), Map.of("appealDecision", "changed", "correctedScore", 1.1,
                "decisionReason", "财务确认 finance confirms"));
        execute(job(appeal));
        execute(job(appeal));
        assertThat(appeal).isEnded();

        EvaluationView q2 = fixture.row("2026-Q2", "P2");
        assertThat(q2.consecutiveQuartersBelow()).isEqualTo(1);
        assertThat(q2.outcome()).as("one quarter below target carries no penalty").isNull();
        assertThat(q2.state()).isEqualTo("changed_on_appeal");
        assertThat(fixture.row("2026-Q2", "P1").state()).as("P1's Q2 bonus does not move").isEqualTo("confirmed");
        var entries = fixture.jdbc.sql("select entry_key from archive_entry where person_code = 'P2' and cycle = '2026-Q2' "
                + "and entry_type = 'CORRECTION'").query(String.class).list();
        assertThat(entries).singleElement().asString().contains("2026-Q2");
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

    @Test
    void the_opinion_and_review_forms_see_score_rank_and_outcome_and_a_department_heads_own_appeal_goes_to_the_general_manager() {
        // the sales head is a tracked person of his own department: 1.10 in 2026-Q1
        fixture.unit("P4", "person", "PTCO-SALES", "sales.head", "employee");
        for (String month : new String[] {"2026-01", "2026-02", "2026-03"}) {
            fixture.figure(month, "P4", "SALES_AMOUNT", "100", "110");
        }
        fixture.jdbc.sql("update org_unit set name = '刘军' where code = 'P4'").update();
        publishFirstQuarter();
        as("sales.head");
        ProcessInstance appeal = start("2026-Q1", "大客户回款计入四月 / a large payment was booked in April");
        assertThat(appeal).isWaitingAt("Task_DepartmentHeadOpinion");
        assertThat(task(appeal)).as("not himself: the company's general manager").isAssignedTo("gm");
        // P1 1.20 (rank 1, bonus), P4 1.10 (rank 2 of 4), P2 0.90, P3 0.80
        assertThat(runtimeService().getVariables(appeal.getId())).containsEntry("appealPersonName", "刘军 P4")
                .containsEntry("appealScore", "110%").containsEntry("appealRank", "2 / 4")
                .containsEntry("appealOutcome", "无");
    }

    @Test
    void nobody_reviews_an_appeal_they_made_or_gave_the_opinion_on_and_hr_appeals_go_to_the_general_manager_too() {
        var identity = processEngine.getIdentityService();
        identity.saveGroup(group("hr"));
        for (String user : new String[] {"hr.head", "hr.clerk"}) {
            identity.saveUser(identity.newUser(user));
            identity.createMembership(user, "hr");
        }
        try {
            fixture.unit("PTCO-HR", "department", "PTCO", "hr.head", "hr");
            fixture.unit("P5", "person", "PTCO-HR", "hr.clerk", "employee");
            for (String month : new String[] {"2026-01", "2026-02", "2026-03"}) {
                fixture.figure(month, "P5", "SALES_AMOUNT", "100", "95");
            }
            publishFirstQuarter();
            as("hr.clerk");
            ProcessInstance appeal = start("2026-Q1", "指标不适用于人力资源部 / the KPI does not fit HR");
            assertThat(task(appeal)).isAssignedTo("hr.head");
            as("hr.head");
            taskService().complete(task(appeal).getId(), Map.of("departmentHeadOpinion", "建议调整指标"));
            assertThat(appeal).isWaitingAt("Task_ReviewAppeal");
            assertThat(task(appeal)).hasCandidateGroup("hr").hasCandidateGroup("committee-chair");
            Map<String, Object> upheld = Map.of("appealDecision", "upheld", "decisionReason", "指标经年初批准");
            assertThatThrownBy(() -> taskService().complete(task(appeal).getId(), upheld))
                    .as("the opinion-giver").hasMessageContaining("已出具部门负责人意见的人不能再复核同一申诉");
            as("hr.clerk");
            assertThatThrownBy(() -> taskService().complete(task(appeal).getId(), upheld))
                    .as("the appellant").hasMessageContaining("申诉人不能复核自己的申诉");
            assertThat(appeal).isWaitingAt("Task_ReviewAppeal");
            as("gm");
            taskService().complete(task(appeal).getId(), upheld);
            assertThat(runtimeService().getVariable(appeal.getId(), "reviewedBy")).isEqualTo("gm");
        } finally {
            identity.deleteUser("hr.head");
            identity.deleteUser("hr.clerk");
            identity.deleteGroup("hr");
        }
    }

    private org.camunda.bpm.engine.identity.Group group(String id) {
        var group = processEngine.getIdentityService().newGroup(id);
        group.setName(id);
        return group;
    }

    private void as(String userId) {
        processEngine.getIdentityService().setAuthenticatedUserId(userId);
    }

    private ProcessInstance start(String quarter, String reasons) {
        return runtimeService().startProcessInstanceByKey("appeal", Map.of("quarter", quarter, "reasons", reasons));
    }
}
