package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import com.perftrack.calendar.Quarter;
import com.perftrack.support.ProcessTestEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Improvement plans (issue 17). The fixture's P2 (sales department, head sales.head, user u2) is below
 * target in Q1 and Q2 2026: the publication of Q2 confirms a WARNING, which starts the plan. P3 sits
 * directly under the company: its plan goes to the general manager (gm).
 */
@Deployment(resources = {"bpmn/improvement-plan.bpmn", "bpmn/reward-penalty.dmn",
        "forms/improvement-plan-agree-goals.form", "forms/improvement-plan-check-in.form",
        "forms/improvement-plan-assess-month.form", "forms/improvement-plan-record-result.form"})
class ImprovementPlanProcessTest {

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
        fixture.planStarter = new ImprovementPlanStarter(fixture.plans, runtimeService());
        EvaluationFixture.setClock("2026-07-10T10:00:00+08:00");
    }

    @AfterEach
    void clear() {
        processEngine.getIdentityService().clearAuthentication();
        runtimeService().createProcessInstanceQuery().list()
                .forEach(p -> runtimeService().deleteProcessInstance(p.getId(), "test over"));
        fixture.clear();
    }

    @Test
    void a_confirmed_warning_starts_a_plan_that_the_head_agrees_the_person_checks_in_and_that_fails() {
        fixture.evaluations.registerRun(Quarter.parse("2026-Q1"), "q1-outside-this-test");
        fixture.evaluations.evaluate(Quarter.parse("2026-Q1"));
        fixture.evaluations.publish(Quarter.parse("2026-Q1"), "hr.head", null);
        assertThat(runtimeService().createProcessInstanceQuery().count()).as("Q1: first quarter below, no warning").isZero();
        fixture.evaluations.registerRun(Quarter.parse("2026-Q2"), "q2-outside-this-test");
        fixture.evaluations.evaluate(Quarter.parse("2026-Q2"));
        fixture.evaluations.publish(Quarter.parse("2026-Q2"), "hr.head", null);

        ProcessInstance plan = runtimeService().createProcessInstanceQuery().processDefinitionKey("improvement-plan")
                .singleResult();
        assertThat(plan).hasBusinessKey("2026-Q2:P2").isWaitingAt("Task_OpenPlan");
        // a second event for the same warning (a retried publication) starts nothing
        fixture.planStarter.on(new WarningConfirmed(Quarter.parse("2026-Q2"), "P2", "PTCO"));
        assertThat(runtimeService().createProcessInstanceQuery().count()).isOne();
        runJobs(plan);
        Task agree = task(plan, "Task_AgreeGoals");
        assertThat(agree.getAssignee()).as("the head of P2's department").isEqualTo("sales.head");
        assertThat(runtimeService().getVariable(plan.getId(), "personUserId")).isEqualTo("u2");

        as("sales.head");
        assertThatThrownBy(() -> taskService().complete(agree.getId(), goals("多拜访客户", "2026-08-25")))
                .hasMessageContaining("the goals need a number");
        assertThatThrownBy(() -> taskService().complete(agree.getId(), goals("月销售额达到 100", "2026-07-15")))
                .as("5 days ahead").hasMessageContaining("结束日期须在今天起 10 至 183 天之内（2026-07-20 至 2027-01-09）");
        assertThatThrownBy(() -> taskService().complete(agree.getId(), goals("月销售额达到 100", "25.08.2026")))
                .hasMessageContaining("YYYY-MM-DD");
        taskService().complete(agree.getId(), goals("月销售额达到 100", "2026-08-25"));
        // 旬 dates after 10 July up to 25 August, the end last; month ends strictly inside: 31 July
        assertThat(runtimeService().getVariable(plan.getId(), "checkInDates"))
                .isEqualTo(List.of("2026-07-20", "2026-07-31", "2026-08-10", "2026-08-20", "2026-08-25"));
        assertThat(runtimeService().getVariable(plan.getId(), "assessmentDates")).isEqualTo(List.of("2026-07-31"));
        assertThat(plan).isWaitingAt("Timer_CheckInDue", "Timer_AssessmentDue", "Timer_PlanEnds");

        EvaluationFixture.setClock("2026-07-20T09:00:00+08:00");
        runJobs(plan);
        Task first = task(plan, "Task_CheckIn");
        assertThat(first.getAssignee()).isEqualTo("u2");
        as("u2");
        assertThatThrownBy(() -> taskService().complete(first.getId(), Map.of("checkInComment", "拜访 5 家")))
                .hasMessageContaining("current value is required");
        taskService().complete(first.getId(), Map.of("checkInValue", 30, "checkInComment", "拜访 5 家客户"));

        EvaluationFixture.setClock("2026-07-31T09:00:00+08:00");
        runJobs(plan);
        as("u2");
        taskService().complete(task(plan, "Task_CheckIn").getId(), Map.of("checkInValue", 55.5,
                "checkInComment", "签约 1 家 one contract"));
        Task assess = task(plan, "Task_AssessMonth");
        assertThat(assess.getAssignee()).isEqualTo("sales.head");
        as("sales.head");
        assertThatThrownBy(() -> taskService().complete(assess.getId(), Map.of("assessmentVerdict", "fine",
                "assessmentComment", "x"))).hasMessageContaining("choose on track or behind");
        taskService().complete(assess.getId(), Map.of("assessmentVerdict", "behind",
                "assessmentComment", "月中只完成 55.5，落后 behind"));
        assertThat(plan).isWaitingAt("Timer_CheckInDue", "Timer_PlanEnds").hasPassed("EndEvent_AssessmentsDone");

        // 10 and 20 August pass unreported; the end date: the head records the result
        EvaluationFixture.setClock("2026-08-25T09:00:00+08:00");
        runJobs(plan);
        Task result = task(plan, "Task_RecordResult");
        assertThat(result.getAssignee()).isEqualTo("sales.head");
        assertThat(history(result)).extracting(r -> r.get("step")).containsExactly("改进计划 Plan（2026-Q2 警告）",
                "旬报 Check-in", "旬报 Check-in", "月度评估 Assessment");
        as("sales.head");
        assertThatThrownBy(() -> taskService().complete(result.getId(), Map.of("planResult", "failed")))
                .hasMessageContaining("the result needs a comment");
        taskService().complete(result.getId(), Map.of("planResult", "failed",
                "resultComment", "八月销售额 60，未达到 100 / 60 of 100"));
        assertThat(plan).isEnded().hasPassed("EndEvent_PlanClosed").hasNotPassed("EndEvent_CheckInsDone");

        ImprovementPlan stored = fixture.plans.plansOf("P2").get(0);
        assertThat(stored.state()).isEqualTo("failed");
        assertThat(stored.targetValue()).isEqualByComparingTo("100");
        assertThat(stored.endDate()).hasToString("2026-08-25");
        assertThat(stored.entries()).extracting(ImprovementPlan.Entry::kind)
                .containsExactly("check_in", "check_in", "assessment");
        assertThat(stored.entries().get(1).value()).isEqualByComparingTo("55.5");
        assertThat(fixture.plans.hasFailedPlan("P2")).isTrue();
        assertThat(fixture.jdbc.sql("select entry_key from archive_entry where person_code = 'P2' "
                + "and entry_type = 'IMPROVEMENT_PLAN' order by id").query(String.class).list()).containsExactly(
                "PLAN_START:" + stored.id(), "PLAN_GOALS:" + stored.id(),
                "PLAN_ASSESSMENT:" + stored.id() + ":2026-07-31", "PLAN_END:" + stored.id());
    }

    @Test
    void a_person_without_a_department_has_the_general_manager_and_a_short_plan_is_achieved_after_every_check_in() {
        fixture.planStarter.on(new WarningConfirmed(Quarter.parse("2026-Q2"), "P3", "PTCO"));
        ProcessInstance plan = runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("2026-Q2:P3")
                .singleResult();
        runJobs(plan);
        Task agree = task(plan, "Task_AgreeGoals");
        assertThat(agree.getAssignee()).isEqualTo("gm");
        as("u3");
        assertThatThrownBy(() -> taskService().complete(agree.getId(), goals("投诉降到 2 次以下", "2026-07-25")))
                .as("the plan is the head's").hasMessageContaining("本人不能商定或评估自己的改进计划");
        as("gm");
        taskService().complete(agree.getId(), goals("投诉降到 2 次以下", "2026-07-25"));
        assertThat(runtimeService().getVariable(plan.getId(), "checkInDates")).isEqualTo(List.of("2026-07-20", "2026-07-25"));
        assertThat(runtimeService().getVariable(plan.getId(), "assessmentDates")).isEqualTo(List.of());
        assertThat(plan).hasPassed("EndEvent_AssessmentsDone");

        for (String day : new String[] {"2026-07-20", "2026-07-25"}) {
            EvaluationFixture.setClock(day + "T09:00:00+08:00");
            // the last check-in's timer fires with the plan's end: the person files first
            managementService().createJobQuery().processInstanceId(plan.getId()).activityId("Timer_CheckInDue")
                    .executable().list().forEach(j -> managementService().executeJob(j.getId()));
            as("u3");
            taskService().complete(task(plan, "Task_CheckIn").getId(), Map.of("checkInValue", 1,
                    "checkInComment", "本旬投诉 1 次"));
        }
        assertThat(plan).hasPassed("EndEvent_CheckInsDone").isWaitingAt("Timer_PlanEnds");
        runJobs(plan);
        as("gm");
        taskService().complete(task(plan, "Task_RecordResult").getId(), Map.of("planResult", "achieved",
                "resultComment", "两旬投诉各 1 次 / one complaint per ten days"));
        assertThat(plan).isEnded();
        assertThat(fixture.plans.plansOf("P3").get(0).state()).isEqualTo("achieved");
        assertThat(fixture.plans.hasFailedPlan("P3")).as("an achieved plan allows no termination").isFalse();
    }

    private static Map<String, Object> goals(String goals, String endDate) {
        return Map.of("goalsComment", goals, "targetIndicator", "月销售额 monthly sales", "targetValue", 100.0,
                "supportComment", "每周陪访一次 weekly joint visits", "planEndDate", endDate);
    }

    private void runJobs(ProcessInstance instance) {
        for (int round = 0; round < 10; round++) {
            List<Job> due = managementService().createJobQuery().processInstanceId(instance.getId()).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(j -> managementService().executeJob(j.getId()));
        }
    }

    private Task task(ProcessInstance instance, String key) {
        return taskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> history(Task task) {
        var value = (org.camunda.spin.json.SpinJsonNode) taskService().getVariableLocal(task.getId(), "planHistoryTable");
        return value.mapTo(List.class);
    }

    private void as(String userId) {
        processEngine.getIdentityService().setAuthenticatedUserId(userId);
    }
}
