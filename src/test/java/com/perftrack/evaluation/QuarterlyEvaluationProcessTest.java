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
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.Spin;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"bpmn/quarterly-evaluation.bpmn", "bpmn/reward-penalty.dmn",
        "forms/quarterly-evaluation-start.form", "forms/quarterly-evaluation-confirm-proposals.form",
        "forms/quarterly-evaluation-approve-disciplinary.form", "forms/quarterly-evaluation-decide-termination-hr.form",
        "forms/quarterly-evaluation-decide-termination-gm.form", "forms/quarterly-evaluation-propose-annual-awards.form",
        "forms/quarterly-evaluation-approve-annual-awards.form"})
class QuarterlyEvaluationProcessTest {

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
        EvaluationFixture.setClock("2027-01-10T10:00:00+08:00");
    }

    @AfterEach
    void clear() {
        processEngine.getIdentityService().clearAuthentication();
        runtimeService().createProcessInstanceQuery().list()
                .forEach(p -> runtimeService().deleteProcessInstance(p.getId(), "test over"));
        fixture.clear();
    }

    @Test
    void a_warning_is_only_a_proposal_until_hr_confirms_it_and_hr_may_change_one_with_a_reason() {
        ProcessInstance evaluation = start("2026-Q2");
        assertThat(evaluation).hasBusinessKey("2026-Q2").isWaitingAt("Task_CalculateScores");
        execute(job(evaluation));
        assertThat(evaluation).isWaitingAt("Task_ConfirmProposals");
        assertThat(task(evaluation)).hasCandidateGroup("hr");
        // second consecutive quarter below target (0.90, then 0.95) → WARNING, proposed
        EvaluationView p2 = fixture.row("2026-Q2", "P2");
        assertThat(p2.score()).isEqualByComparingTo("0.9500");
        assertThat(p2.consecutiveQuartersBelow()).isEqualTo(2);
        assertThat(p2.outcome()).isEqualTo("WARNING");
        assertThat(p2.state()).isEqualTo("proposed");
        assertThat(fixture.row("2026-Q2", "P3").consecutiveQuartersBelow()).as("1.0 resets the count").isZero();

        assertThatThrownBy(() -> taskService().complete(task(evaluation).getId(), Map.of("hrDecision", "confirm")))
                .as("nobody signed in").hasMessageContaining("signed-in");
        assertThat(fixture.row("2026-Q2", "P2").state()).isEqualTo("proposed");

        as("hr.head");
        assertThatThrownBy(() -> taskService().complete(task(evaluation).getId(), Map.of("hrDecision", "change",
                "changePersonCode", "P1", "changeOutcome", "NONE"))).hasMessageContaining("reason");
        taskService().complete(task(evaluation).getId(), Map.of("hrDecision", "change", "changePersonCode", "P1",
                "changeOutcome", "NONE", "changeReason", "奖金已在其他项目发放 bonus paid elsewhere"));
        assertThat(evaluation).isWaitingAt("Task_ConfirmProposals");
        assertThat(fixture.row("2026-Q2", "P1").outcome()).isNull();
        taskService().complete(task(evaluation).getId(), Map.of("hrDecision", "confirm"));

        assertThat(evaluation).isWaitingAt("Task_PublishResults");
        execute(job(evaluation));
        assertThat(evaluation).isEnded().hasPassed("Task_PublishResults").hasNotPassed("Task_ApproveDisciplinary")
                .hasPassed("EndEvent_Published");
        EvaluationView confirmed = fixture.row("2026-Q2", "P2");
        assertThat(confirmed.state()).isEqualTo("confirmed");
        assertThat(confirmed.confirmedBy()).isEqualTo("hr.head");
        assertThat(fixture.row("2026-Q2", "P1").changeReason()).contains("bonus paid elsewhere");
    }

    @Test
    void a_fine_needs_the_general_manager_who_may_send_it_back_and_hr_may_raise_then_drop_a_termination_review() {
        fixture.evaluations.evaluate(Quarter.parse("2026-Q2"));
        fixture.evaluations.publish(Quarter.parse("2026-Q2"), "hr.head", null); // P2's warning: a plan starts
        assertThat(fixture.published).hasSize(2).first()
                .isEqualTo(new WarningConfirmed(Quarter.parse("2026-Q2"), "P2", "PTCO"));
        // and P1's bonus is recognised in public (issue 17)
        assertThat(fixture.published.get(1)).isInstanceOfSatisfying(Recognised.class, r -> {
            assertThat(r.kind()).isEqualTo(RecognitionService.QUARTER_BONUS);
            assertThat(r.period()).isEqualTo("2026-Q2");
            assertThat(r.honours()).extracting(RecognitionService.Honour::personCode).containsExactly("P1");
        });
        ProcessInstance evaluation = start("2026-Q3");
        execute(job(evaluation));
        assertThat(fixture.row("2026-Q3", "P2").outcome()).as("third quarter below target").isEqualTo("FINE");
        as("hr.head");
        taskService().complete(task(evaluation).getId(), Map.of("hrDecision", "confirm"));
        assertThat(evaluation).isWaitingAt("Task_ApproveDisciplinary");
        assertThat(task(evaluation)).hasCandidateGroup("committee-chair");
        as("gm");
        taskService().complete(task(evaluation).getId(), Map.of("gmDecision", "reject", "gmComment", "罚款金额请复核"));
        assertThat(evaluation).isWaitingAt("Task_ConfirmProposals");
        as("hr.head");
        // P2's plan has not failed (it runs): termination only with HR's override for a serious breach
        assertThatThrownBy(() -> taskService().complete(task(evaluation).getId(), Map.of("hrDecision", "confirm",
                "terminationPersonCode", "P2"))).hasMessageContaining("没有未达成的改进计划")
                .hasMessageContaining("Termination needs a failed improvement plan");
        assertThatThrownBy(() -> taskService().complete(task(evaluation).getId(), Map.of("hrDecision", "confirm",
                "terminationPersonCode", "P2", "terminationOverride", true))).hasMessageContaining("the override needs");
        taskService().complete(task(evaluation).getId(), Map.of("hrDecision", "confirm", "terminationPersonCode", "P2",
                "terminationOverride", true, "terminationOverrideReason", "伪造客户合同 forged customer contracts"));
        assertThat(runtimeService().getVariable(evaluation.getId(), "terminationBasis").toString())
                .startsWith("人力资源部特批（严重违反公司规定）").endsWith("伪造客户合同 forged customer contracts");
        as("gm");
        taskService().complete(task(evaluation).getId(), Map.of("gmDecision", "approve"));
        execute(job(evaluation));
        assertThat(fixture.row("2026-Q3", "P2").approvedBy()).isEqualTo("gm");
        assertThat(fixture.row("2026-Q3", "P2").state()).isEqualTo("confirmed");
        assertThat(evaluation).isWaitingAt("Task_DecideTerminationHr");
        as("hr.head");
        taskService().complete(task(evaluation).getId(), Map.of("terminationHrDecision", "keep",
                "terminationHrReason", "改进计划有进展 the plan shows progress"));
        assertThat(evaluation).isEnded().hasNotPassed("Task_DecideTerminationGm", "Task_ProposeAnnualAwards");
    }

    @Test
    void fourth_quarter_termination_is_a_decision_of_hr_and_the_general_manager_and_awards_follow() {
        fixture.jdbc.sql("update org_unit set name = '马芳' where code = 'P1'").update();
        // another company's person with a 2026 score: not one of PTCO's to propose
        fixture.jdbc.sql("insert into org_unit (code, unit_type, name, parent_code, company_code, user_id, role, updated_at) "
                + "values ('OTCO', 'company', '别家公司', null, 'OTCO', null, null, now()), "
                + "('X1', 'person', '外人', 'OTCO', 'OTCO', 'x1', 'employee', now())").update();
        for (String month : new String[] {"2026-04", "2026-05", "2026-06"}) {
            fixture.figure(month, "X1", "SALES_AMOUNT", "100", "100");
        }
        fixture.evaluations.evaluate(Quarter.parse("2026-Q2"));
        fixture.evaluations.publish(Quarter.parse("2026-Q2"), "hr.head", null);
        assertThat(fixture.row("2026-Q2", "X1").score()).isNotNull();
        ProcessInstance evaluation = runtimeService().startProcessInstanceByKey("quarterly-evaluation",
                Map.of("quarter", "2026-Q4", "companyCode", "PTCO"));
        execute(job(evaluation));
        assertThat(fixture.row("2026-Q4", "P2").outcome()).as("fourth quarter below target")
                .isEqualTo("DEMOTION_OR_TRANSFER_REVIEW");
        // P2's plan after the Q2 warning: agreed, then failed (driven through the service: improvement-plan has its own test)
        long plan = fixture.plans.open(Quarter.parse("2026-Q2"), "P2", "PTCO").planId();
        fixture.plans.agree(plan, "月销售额达到 100", "销售额 sales", new java.math.BigDecimal("100"), null,
                "2027-02-10", "sales.head");
        fixture.plans.close(plan, "failed", "两个月均未达到 100", "sales.head");
        as("hr.head");
        taskService().complete(task(evaluation).getId(), Map.of("hrDecision", "confirm", "terminationPersonCode", "P2"));
        as("gm");
        taskService().complete(task(evaluation).getId(), Map.of("gmDecision", "approve"));
        execute(job(evaluation));
        as("hr.head");
        taskService().complete(task(evaluation).getId(), Map.of("terminationHrDecision", "terminate",
                "terminationHrReason", "警告与改进指导后仍无改善"));
        assertThat(evaluation).isWaitingAt("Task_DecideTerminationGm");
        assertThat(runtimeService().getVariable(evaluation.getId(), "terminationBasis"))
                .isEqualTo("改进计划未达成 The improvement plan failed");
        assertThat(json(evaluation, "terminationPlanTable")).extracting(r -> r.get("step"))
                .containsExactly("改进计划 Plan（2026-Q2 警告）", "结果 Result");
        as("gm");
        taskService().complete(task(evaluation).getId(), Map.of("terminationGmDecision", "keep",
                "terminationGmReason", "先调岗 transfer first"));
        assertThat(evaluation).isWaitingAt("Task_ProposeAnnualAwards");
        // the pickers' choices: PTCO's people with a score in 2026 (not OTCO's X1); every list starts as an empty Json list
        assertThat(json(evaluation, "annualPersonOptions")).containsExactlyInAnyOrder(
                Map.of("label", "马芳 P1", "value", "P1"), Map.of("label", "P2", "value", "P2"),
                Map.of("label", "P3", "value", "P3"));
        for (String list : new String[] {"yearEndBonusPeople", "promotionPeople", "extraLeavePeople",
                "specialContributionPeople"}) {
            assertThat(json(evaluation, list)).as(list).isEmpty();
        }
        as("hr.head");
        String propose = task(evaluation).getId();
        assertThatThrownBy(() -> taskService().complete(propose, Map.of("yearEndBonusPeople", Spin.JSON("[\"NOBODY\"]"),
                "yearEndBonusReason", "x")))
                .hasMessageEndingWith("「年终奖」中的人员 NOBODY 不是本公司 2026 年有考核得分的人员，请从列表中选择。/ NOBODY is not one of "
                        + "this company's people with a score in 2026; pick the year-end bonus from the list.'");
        assertThatThrownBy(() -> taskService().complete(propose, Map.of("promotionPeople", Spin.JSON("[\"P1\", \"X1\"]"),
                "promotionReason", "x"))).as("another company's person").hasMessageContaining("「晋升」中的人员 X1 不是本公司");
        assertThatThrownBy(() -> taskService().complete(propose, Map.of("yearEndBonusPeople", Spin.JSON("[\"P1\"]"),
                "extraLeavePeople", Spin.JSON("[\"P3\"]"), "yearEndBonusReason", "四个季度均获奖金")))
                .hasMessageEndingWith("请填写「额外假期」的理由。/ Give the reason for the extra leave.'");
        assertThat(evaluation).isWaitingAt("Task_ProposeAnnualAwards");
        taskService().complete(propose, Map.of("yearEndBonusPeople", Spin.JSON("[\"P1\"]"),
                "yearEndBonusReason", "四个季度均获奖金", "specialContributionPeople", Spin.JSON("[\"P1\", \"P3\"]"),
                "specialContributionReason", "带出新客户 new customers"));
        // the general manager reads a table: names, the award in Chinese, the reason
        assertThat(json(evaluation, "annualProposalTable")).containsExactly(
                Map.of("person", "马芳 P1", "award", "年终奖", "reason", "四个季度均获奖金"),
                Map.of("person", "马芳 P1", "award", "特殊贡献奖", "reason", "带出新客户 new customers"),
                Map.of("person", "P3", "award", "特殊贡献奖", "reason", "带出新客户 new customers"));
        assertThat(runtimeService().getVariable(evaluation.getId(), "annualProposalCount")).isEqualTo(3);
        as("gm");
        taskService().complete(task(evaluation).getId(), Map.of("gmAnnualDecision", "approve"));
        assertThat(evaluation).isEnded().hasPassed("Task_ApproveAnnualAwards", "Task_DecideTerminationGm");
        var p1 = fixture.jdbc.sql("select summary from archive_entry where person_code = 'P1' and entry_type = 'REWARD' "
                + "and summary like '年度奖励%' order by summary").query(String.class).list();
        assertThat(p1).containsExactly(
                "年度奖励：年终奖（2026 年）；理由：四个季度均获奖金；提议 proposed by hr.head，批准 approved by gm",
                "年度奖励：特殊贡献奖（2026 年）；理由：带出新客户 new customers；提议 proposed by hr.head，批准 approved by gm");
        assertThat(fixture.jdbc.sql("select count(*) from archive_entry where person_code = 'P3' and entry_type = 'REWARD' "
                + "and summary like '年度奖励：特殊贡献奖%'").query(Integer.class).single()).isOne();
        var p2 = fixture.jdbc.sql("select summary from archive_entry where person_code = 'P2' and summary like '%termination%'")
                .query(String.class).list();
        assertThat(p2).hasSize(2);
    }

    @Test
    void one_evaluation_per_quarter_and_termination_needs_a_failed_plan_or_an_override() {
        ProcessInstance evaluation = start("2026-Q1");
        assertThatThrownBy(() -> start("2026-Q1")).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> start("2027-Q2")).hasMessageContaining("future");
        assertThatThrownBy(() -> start("2026-5")).hasMessageContaining("YYYY-Qn");
        execute(job(evaluation));
        as("hr.head");
        assertThatThrownBy(() -> taskService().complete(task(evaluation).getId(), Map.of("hrDecision", "confirm",
                "terminationPersonCode", "P3"))).hasMessageContaining("Termination needs a failed improvement plan");
    }

    @Test
    void hr_sees_names_chinese_outcomes_and_percentages_picks_people_from_lists_and_cannot_change_its_own_proposal() {
        // names as the organisation file gives them; P4 is HR's own head, a tracked person at 98.79%
        fixture.jdbc.sql("update org_unit set name = '测试公司' where code = 'PTCO'").update();
        fixture.jdbc.sql("update org_unit set name = '马芳' where code = 'P1'").update();
        fixture.unit("P4", "person", "PTCO", "hr.head", "employee");
        for (String month : new String[] {"2026-04", "2026-05", "2026-06"}) {
            fixture.figure(month, "P4", "SALES_AMOUNT", "100", "98.79");
        }
        ProcessInstance evaluation = runtimeService().startProcessInstanceByKey("quarterly-evaluation",
                Map.of("quarter", "2026-Q2", "companyCode", "PTCO"));
        execute(job(evaluation));
        // Q2 (target 300): P1 390 → 130% rank 1 of 4, ⌈10% × 4⌉ = 1 bonus; P3 300 → 100%; P4 296.37 → 98.79%;
        // P2 285 → 95%, second quarter below → written warning
        Map<String, Map<String, Object>> table = new HashMap<>();
        json(evaluation, "proposalTable").forEach(row -> table.put(row.get("person").toString(), row));
        assertThat(table.keySet()).containsExactlyInAnyOrder("马芳 P1", "P2", "P3", "P4");
        assertThat(table.get("马芳 P1")).containsEntry("score", "130%（1 / 4）").containsEntry("outcome", "奖金")
                .containsEntry("note", "数据缺口 9 项"); // 3 weighted KPIs unreported × 3 months
        assertThat(table.get("P2")).containsEntry("score", "95%（4 / 4）").containsEntry("outcome", "书面警告")
                .containsEntry("note", "连续 2 个季度未达标；数据缺口 9 项");
        assertThat(table.get("P3")).containsEntry("score", "100%（2 / 4）").containsEntry("outcome", "无");
        assertThat(table.get("P4")).containsEntry("score", "98.79%（3 / 4）");
        assertThat(runtimeService().getVariable(evaluation.getId(), "companyName")).isEqualTo("测试公司 PTCO");
        assertThat(json(evaluation, "personOptions")).contains(Map.of("label", "马芳 P1", "value", "P1"),
                Map.of("label", "P2", "value", "P2")).hasSize(4);
        assertThat(json(evaluation, "terminationOptions")).as("nobody has a failed plan: each needs the override")
                .contains(Map.of("label", "P2（须特批 override only）", "value", "P2")).hasSize(4);

        as("hr.head");
        assertThatThrownBy(() -> taskService().complete(task(evaluation).getId(), Map.of("hrDecision", "change",
                "changePersonCode", "P4", "changeOutcome", "BONUS", "changeReason", "我也该得奖金")))
                .hasMessageContaining("不能修改本人的奖罚建议（P4）");
        assertThat(fixture.row("2026-Q2", "P4").outcome()).isNull();
        assertThatThrownBy(() -> taskService().complete(task(evaluation).getId(), Map.of("hrDecision", "change",
                "changePersonCode", "NOBODY", "changeOutcome", "BONUS", "changeReason", "x")))
                .hasMessageContaining("人员 NOBODY 在 2026-Q2 没有考核结果");
        // HR confirms the table's mechanical proposals, its own row included: the method's rule, not a judgement
        taskService().complete(task(evaluation).getId(), Map.of("hrDecision", "confirm"));
        assertThat(evaluation).isWaitingAt("Task_PublishResults");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> json(ProcessInstance instance, String variable) {
        var value = (org.camunda.spin.json.SpinJsonNode) runtimeService().getVariable(instance.getId(), variable);
        return value.mapTo(List.class);
    }

    private void as(String userId) {
        processEngine.getIdentityService().setAuthenticatedUserId(userId);
    }

    private ProcessInstance start(String quarter) {
        return runtimeService().startProcessInstanceByKey("quarterly-evaluation", Map.of("quarter", quarter));
    }
}
