package com.perftrack.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.perftrack.action.ActionService;
import com.perftrack.kpi.FigureService;
import com.perftrack.kpi.KpiResultService;
import com.perftrack.support.CycleBeans;
import com.perftrack.support.ProcessTestEngine;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/** Walks every path of monthly-tracking-cycle: collection, reminders, escalation, agenda, meeting, actions. */
@Deployment(resources = {"bpmn/monthly-tracking-cycle.bpmn", "bpmn/committee-membership.dmn",
        "bpmn/related-department-notice.bpmn", "bpmn/resource-request.bpmn"})
class MonthlyTrackingCycleProcessTest {

    static final ProcessTestEngine db = new ProcessTestEngine();
    static final Map<Object, Object> beans = new HashMap<>();

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
            .builder(db.configuration(beans)).excludeProcessDefinitionKeys("improvement-action", "related-department-notice",
                    "resource-request")
            .assertClassCoverageAtLeast(1.0).build();

    static final FigureService figures = mock(FigureService.class);
    static final KpiResultService results = mock(KpiResultService.class);
    static final ActionService actions = mock(ActionService.class);
    static final JavaMailSender mail = mock(JavaMailSender.class);

    ProcessEngine processEngine;

    @BeforeEach
    void wire() {
        BpmnAwareTests.init(processEngine);
        deployActionDouble();
        reset(figures, results, actions, mail);
        when(figures.missingFigures(anyString(), anyString(), anyString())).thenReturn(List.of());
        when(results.results(anyString(), anyString(), any())).thenReturn(List.of());
        when(actions.actionsForAgenda(anyString(), anyString())).thenReturn(List.of());
        setClock("2026-11-02T09:00:00+08:00");
        CycleBeans.wire(beans, processEngine, db, "production", figures, results, actions, mail);
        CycleBeans.users(processEngine, "sales.head:sales", "hr.head:hr", "secgen:secretary-general", "sales1:employee",
                "gm:committee-chair", "vice:committee-vice-chair");
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        for (String key : List.of("improvement-action", "related-department-notice")) {
            runtimeService().createProcessInstanceQuery().processDefinitionKey(key).list()
                    .forEach(p -> runtimeService().deleteProcessInstance(p.getId(), "test over"));
        }
        db.jdbc().sql("delete from agenda_item").update();
        db.jdbc().sql("delete from agenda").update();
        db.jdbc().sql("delete from archive_entry").update();
        db.jdbc().sql("delete from finding_change").update();
        db.jdbc().sql("delete from finding_related_part").update();
        db.jdbc().sql("delete from resource_request").update();
        db.jdbc().sql("delete from meeting_attendance").update();
        db.jdbc().sql("delete from department_feedback").update();
        db.jdbc().sql("delete from finding").update();
        db.jdbc().sql("delete from tracking_cycle").update();
        db.jdbc().sql("delete from org_unit").update();
    }

    @Test
    void production_company_walks_from_collection_to_findings_and_actions() {
        db.jdbc().sql("insert into org_unit (code, unit_type, name, parent_code, company_code, user_id, role, updated_at) "
                + "values ('ACME-P1', 'person', '马芳', null, 'ACME', 'sales1', 'employee', current_timestamp)").update();
        ProcessInstance cycle = start("2026-10");
        execute(job(cycle));
        assertThat(cycle).isWaitingAt("Task_SubmitSalesInformation", "Task_SubmitMarketInformation",
                "Task_SubmitProductionInformation", "Task_SubmitQualityInformation", "Task_SubmitFinanceInformation");
        assertThat(task("Task_SubmitSalesInformation", cycle)).hasCandidateGroup("sales");
        completeCollection(cycle);

        execute(job(cycle)); // calculation
        verify(results).calculatePeriod("2026-10");
        execute(job(cycle)); // agenda draft
        assertThat(cycle).isWaitingAt("Task_ConfirmAgenda");
        assertThat(cycle).variables().containsEntry("reportingDepartments",
                List.of("sales", "marketing", "production", "quality", "finance"));
        confirmAgenda(cycle, 120);

        assertThat(taskService().createTaskQuery().taskDefinitionKey("Task_RecordDepartmentReport").count()).isEqualTo(5);
        for (Task report : taskService().createTaskQuery().taskDefinitionKey("Task_RecordDepartmentReport").list()) {
            String department = (String) taskService().getVariable(report.getId(), "reportDepartment");
            taskService().complete(report.getId(), "sales".equals(department) ? salesReportWithRequest() : noFinding());
        }
        assertThat(db.jdbc().sql("select department || ' ' || what || ' ' || amount || ' ' || requested_from || ' ' || status "
                + "from resource_request").query(String.class).list())
                .containsExactly("sales 市场部增派 2 人支援华东区促销 2 人，3 个月 committee-chair open");
        assertThat(cycle).hasPassed("Gateway_AnyFollowUps").hasNotPassed("Task_RecordActionResult")
                .isWaitingAt("Task_ConfirmFindings");
        assertThat((String) taskService().getVariable(task("Task_ConfirmFindings", cycle).getId(), "findingsText"))
                .contains("华东区拜访量下降").contains("sales,marketing").contains("跨部门");
        BpmnAwareTests.complete(task("Task_ConfirmFindings", cycle));

        execute(job(cycle)); // start actions
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("improvement-action").list())
                .extracting(ProcessInstance::getBusinessKey).containsExactlyInAnyOrder(
                        "F" + findingId() + "-sales", "F" + findingId() + "-marketing",
                        "F" + (findingId() + 1) + "-sales");
        execute(job(cycle)); // related departments: marketing is responsible itself, no notice
        assertThat(cycle).variables().containsEntry("relatedNoticesStarted", 0);
        execute(job(cycle)); // start the resource request's decision: the general manager's
        ProcessInstance request = runtimeService().createProcessInstanceQuery().processDefinitionKey("resource-request")
                .singleResult();
        long requestId = db.jdbc().sql("select id from resource_request").query(Long.class).single();
        assertThat(request.getBusinessKey()).isEqualTo("R" + requestId);
        assertThat(task("Task_DecideResourceRequest", request)).hasCandidateGroup("committee-chair");
        assertThat(db.jdbc().sql("select process_instance_id from resource_request").query(String.class).single())
                .isEqualTo(request.getId());
        execute(job(cycle)); // archive
        assertThat(cycle).isEnded().hasPassed("EndEvent_CycleClosed");
        assertThat(db.jdbc().sql("select count(*) from archive_entry where entry_type = 'FINDING'")
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void the_secretary_general_sends_one_department_s_record_back_and_the_cycle_waits_for_the_corrected_record() {
        ProcessInstance cycle = atConfirmFindings(Map.of("sales", salesReport()));
        long wrong = findingId();
        // production ticked "no findings" by mistake, and sales' finding names the wrong department:
        // neither goes to the actions; the standing office records sales again
        Task confirm = task("Task_ConfirmFindings", cycle);
        assertThatThrownBy(() -> asSecretaryGeneral(() -> taskService().complete(confirm.getId(), Map.of(
                "findingsDecision", "sendBack", "sendBackDepartment", "logistics", "sendBackReason", "x"))))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("本次会议汇报过的部门");
        asSecretaryGeneral(() -> taskService().complete(confirm.getId(), Map.of("findingsDecision", "sendBack",
                "sendBackDepartment", "sales", "sendBackReason", "责任部门应为销售部一家，市场部只是相关部门")));
        assertThat(cycle).isWaitingAt("Task_CorrectDepartmentReport").hasPassed("Gateway_FindingsDecision");
        Task correction = task("Task_CorrectDepartmentReport", cycle);
        assertThat(correction).hasCandidateGroup("marketing");
        assertThat(correction.getDescription()).contains("销售部").contains("市场部只是相关部门");
        assertThat(taskService().getVariable(correction.getId(), "reportDepartmentName").toString()).contains("退回更正");
        assertThat(status(wrong)).isEqualTo("withdrawn");
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("improvement-action").count()).isZero();

        Map<String, Object> corrected = new HashMap<>(salesReport());
        corrected.put("cause1ResponsibleDepartments", "sales");
        corrected.put("cause1RelatedDepartments", "marketing, quality");
        taskService().complete(correction.getId(), corrected);
        assertThat(cycle).isWaitingAt("Task_ConfirmFindings").hasPassed("Task_CorrectDepartmentReport");
        assertThat(runtimeService().getVariable(cycle.getId(), "reportDepartment")).isNull();
        long right = db.jdbc().sql("select id from finding where status = 'open'").query(Long.class).single();
        assertThat((String) taskService().getVariable(task("Task_ConfirmFindings", cycle).getId(), "findingsText"))
                .contains("#2 华东区拜访量下降").doesNotContain("#1 ");
        assertThat((String) taskService().getVariable(task("Task_ConfirmFindings", cycle).getId(), "changesText"))
                .contains("secgen").contains("退回");

        asSecretaryGeneral(() -> taskService().complete(task("Task_ConfirmFindings", cycle).getId(),
                Map.of("findingsDecision", "confirmAll")));
        execute(job(cycle)); // actions from the confirmed finding only
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("improvement-action").list())
                .extracting(ProcessInstance::getBusinessKey).containsExactly("F" + right + "-sales");
        execute(job(cycle)); // related departments: quality is told, marketing too (no longer responsible)
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("related-department-notice").list())
                .extracting(ProcessInstance::getBusinessKey)
                .containsExactlyInAnyOrder("R" + right + "-marketing", "R" + right + "-quality");
        execute(job(cycle)); // resource requests: none, every cause was internal
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("resource-request").count()).isZero();
        execute(job(cycle));
        assertThat(cycle).isEnded();
        assertThat(status(wrong)).isEqualTo("withdrawn");
        assertThat(status(right)).isEqualTo("confirmed");
        assertThat(db.jdbc().sql("select change_type || ':' || changed_by from finding_change where change_type <> 'recorded' "
                + "order by id").query(String.class).list()).containsExactly("sent_back:secgen", "confirmed:secgen");
    }

    @Test
    void a_department_s_no_findings_ticked_by_mistake_is_recovered_by_sending_its_record_back() {
        ProcessInstance cycle = atConfirmFindings(Map.of());
        assertThat((String) taskService().getVariable(task("Task_ConfirmFindings", cycle).getId(), "findingsText"))
                .contains("本期无问题");
        asSecretaryGeneral(() -> taskService().complete(task("Task_ConfirmFindings", cycle).getId(), Map.of(
                "findingsDecision", "sendBack", "sendBackDepartment", "sales", "sendBackReason", "误勾本部门本期无问题")));
        taskService().complete(task("Task_CorrectDepartmentReport", cycle).getId(), salesReport());
        asSecretaryGeneral(() -> taskService().complete(task("Task_ConfirmFindings", cycle).getId(), Map.of()));
        execute(job(cycle));
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("improvement-action").count())
                .isEqualTo(2);
        assertThat(db.jdbc().sql("select detail from finding_change where change_type = 'sent_back'").query(String.class)
                .single()).contains("0 项撤回").contains("误勾本部门本期无问题");
    }

    @Test
    void the_secretary_general_adds_a_missed_finding_edits_one_and_merges_a_duplicate_one_change_at_a_time() {
        db.jdbc().sql("insert into org_unit (code, unit_type, name, parent_code, company_code, user_id, role, updated_at) values "
                + "('ACME-SALES', 'department', '销售部', 'ACME', 'ACME', 'sales.head', 'sales', current_timestamp), "
                + "('ACME-MKT', 'department', '市场部', 'ACME', 'ACME', null, 'marketing', current_timestamp), "
                + "('ACME-QA', 'department', '质量部', 'ACME', 'ACME', 'quality.head', 'quality', current_timestamp), "
                + "('ACME-P1', 'person', '马芳', 'ACME-SALES', 'ACME', 'sales1', 'employee', current_timestamp)").update();
        ProcessInstance cycle = atConfirmFindings(Map.of("sales", salesReport()));
        long first = findingId();
        assertThat(taskService().getVariable(task("Task_ConfirmFindings", cycle).getId(), "findingOptions").toString())
                .isEqualTo("[{\"label\":\"#1 华东区拜访量下降 35%（销售部 Sales）\",\"value\":\"" + first + "\"}]");

        // a missed finding: complaints; bad values are refused with every reason and nothing is saved
        Map<String, Object> add = new HashMap<>(Map.of("findingsDecision", "add", "addReportingDepartment", "quality",
                "addCause", "客户投诉处理超时 8 起", "addCauseType", "internal",
                "finalDepartments", org.camunda.spin.Spin.JSON("[\"quality\", \"logistics\"]"),
                "finalSolution", "投诉 24 小时内响应", "finalDeadline", "2026-10-01"));
        assertThatThrownBy(() -> asSecretaryGeneral(() -> taskService().complete(task("Task_ConfirmFindings", cycle).getId(), add)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("本公司没有该部门：logistics")
                .hasMessageContaining("责任人必填").hasMessageContaining("期限不能早于今天");
        assertThat(db.jdbc().sql("select count(*) from finding").query(Integer.class).single()).isEqualTo(1);
        add.put("finalDepartments", org.camunda.spin.Spin.JSON("[\"quality\"]"));
        add.put("finalPerson", "quality.head");
        add.put("finalDeadline", "2026-12-15");
        asSecretaryGeneral(() -> taskService().complete(task("Task_ConfirmFindings", cycle).getId(), add));
        assertThat(cycle).isWaitingAt("Task_ConfirmFindings").hasPassed("Gateway_FindingsDecision");
        long added = db.jdbc().sql("select id from finding where meeting_number = 2").query(Long.class).single();
        assertThat(status(added)).isEqualTo("accepted");

        // the same problem added once more by mistake: merged into #2
        add.put("addCause", "客户投诉处理超时（重复）");
        asSecretaryGeneral(() -> taskService().complete(task("Task_ConfirmFindings", cycle).getId(), add));
        long duplicate = db.jdbc().sql("select id from finding where meeting_number = 3").query(Long.class).single();
        asSecretaryGeneral(() -> taskService().complete(task("Task_ConfirmFindings", cycle).getId(), Map.of(
                "findingsDecision", "merge", "findingId", String.valueOf(duplicate), "mergeIntoId", String.valueOf(added))));
        assertThat(status(duplicate)).isEqualTo("merged");
        assertThat(db.jdbc().sql("select merged_into from finding where id = ?").param(duplicate).query(Long.class).single())
                .isEqualTo(added);
        // a merged finding can no longer change
        assertThatThrownBy(() -> asSecretaryGeneral(() -> taskService().complete(task("Task_ConfirmFindings", cycle).getId(),
                Map.of("findingsDecision", "accept", "findingId", String.valueOf(duplicate)))))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("#3 已合并，不能再修改");

        // #1: sales alone, a new solution and a deadline; the person stays
        asSecretaryGeneral(() -> taskService().complete(task("Task_ConfirmFindings", cycle).getId(), Map.of(
                "findingsDecision", "define", "findingId", String.valueOf(first),
                "finalDepartments", org.camunda.spin.Spin.JSON("[\"sales\"]"), "finalSolution", "每人每周拜访 12 次",
                "finalDeadline", "2026-12-31")));
        var edited = db.jdbc().sql("select responsible_departments || '|' || responsible_user_id || '|' || solution || '|' "
                + "|| cast(deadline as varchar) from finding where id = ?").param(first).query(String.class).single();
        assertThat(edited).isEqualTo("sales|sales1|每人每周拜访 12 次|2026-12-31");
        asSecretaryGeneral(() -> taskService().complete(task("Task_ConfirmFindings", cycle).getId(), Map.of(
                "findingsDecision", "accept", "findingId", String.valueOf(first))));
        assertThat((String) taskService().getVariable(task("Task_ConfirmFindings", cycle).getId(), "findingsText"))
                .contains("#1 华东区拜访量下降").contains("已接受").contains("期限 2026-12-31").contains("#2 客户投诉处理超时")
                .doesNotContain("#3");

        asSecretaryGeneral(() -> taskService().complete(task("Task_ConfirmFindings", cycle).getId(),
                Map.of("findingsDecision", "confirmAll", "findingsComment", "按此下发")));
        assertThat(cycle).variables().containsEntry("findingCount", 2).containsEntry("findingsConfirmedBy", "secgen");
        execute(job(cycle));
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("improvement-action").list())
                .extracting(ProcessInstance::getBusinessKey)
                .containsExactlyInAnyOrder("F" + first + "-sales", "F" + added + "-quality");
        assertThat(db.jdbc().sql("select change_type || ':' || coalesce(cast(finding_id as varchar), '-') || ':' || changed_by "
                + "from finding_change where change_type <> 'recorded' order by id").query(String.class).list())
                .containsExactly("added:" + added + ":secgen", "added:" + duplicate + ":secgen",
                        "merged:" + duplicate + ":secgen", "edited:" + first + ":secgen", "accepted:" + first + ":secgen",
                        "confirmed:-:secgen");
    }

    @Test
    void confirming_is_refused_while_a_finding_has_no_responsible_person() {
        ProcessInstance cycle = atConfirmFindings(Map.of("sales", salesReport()));
        db.jdbc().sql("update finding set responsible_user_id = null").update();
        assertThatThrownBy(() -> asSecretaryGeneral(() -> taskService().complete(task("Task_ConfirmFindings", cycle).getId(),
                Map.of("findingsDecision", "confirmAll"))))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("#1 没有责任人");
        assertThatThrownBy(() -> asSecretaryGeneral(() -> taskService().complete(task("Task_ConfirmFindings", cycle).getId(),
                Map.of("findingsDecision", "accept", "findingId", String.valueOf(findingId())))))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("没有责任人");
        assertThatThrownBy(() -> asSecretaryGeneral(() -> taskService().complete(task("Task_ConfirmFindings", cycle).getId(),
                Map.of("findingsDecision", "define"))))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("请选择问题");
        assertThatThrownBy(() -> asSecretaryGeneral(() -> taskService().complete(task("Task_ConfirmFindings", cycle).getId(),
                Map.of("findingsDecision", "shrug"))))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("请选择一项决定");
        assertThat(cycle).isWaitingAt("Task_ConfirmFindings");
        assertThat(status(findingId())).isEqualTo("open");
    }

    /** Collection, agenda and the department reports done (the given ones, the others without findings). */
    private ProcessInstance atConfirmFindings(Map<String, Map<String, Object>> reports) {
        ProcessInstance cycle = start("2026-10");
        execute(job(cycle));
        completeCollection(cycle);
        execute(job(cycle));
        execute(job(cycle));
        confirmAgenda(cycle, 120);
        for (Task report : taskService().createTaskQuery().taskDefinitionKey("Task_RecordDepartmentReport").list()) {
            String department = (String) taskService().getVariable(report.getId(), "reportDepartment");
            taskService().complete(report.getId(), reports.getOrDefault(department, noFinding()));
        }
        assertThat(cycle).isWaitingAt("Task_ConfirmFindings");
        return cycle;
    }

    private void asSecretaryGeneral(Runnable work) {
        processEngine.getIdentityService().setAuthenticatedUserId("secgen");
        try {
            work.run();
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }

    private String status(long findingId) {
        return db.jdbc().sql("select status from finding where id = ?").param(findingId).query(String.class).single();
    }

    @Test
    void a_failing_calculation_is_retried_then_becomes_an_incident_and_continues_once_fixed() {
        ProcessInstance cycle = start("2026-10");
        execute(job(cycle));
        completeCollection(cycle);
        when(results.calculatePeriod("2026-10")).thenThrow(new IllegalStateException("database unavailable"));
        var management = processEngine.getManagementService();
        for (int attempt = 1; attempt <= 3; attempt++) {
            var job = job("Task_CalculateKpiResults", cycle);
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("database unavailable");
        }
        var failed = job("Task_CalculateKpiResults", cycle);
        assertThat(failed.getRetries()).isZero();
        assertThat(processEngine.getRuntimeService().createIncidentQuery().processInstanceId(cycle.getId())
                .singleResult().getIncidentMessage()).contains("database unavailable");

        reset(results);
        when(results.calculatePeriod("2026-10")).thenReturn(42);
        management.setJobRetries(failed.getId(), 1); // what "Retry" in Cockpit does
        management.executeJob(failed.getId());
        assertThat(cycle).isWaitingAt("Task_DraftAgenda").variables().containsEntry("kpiResultCount", 42);
        assertThat(processEngine.getRuntimeService().createIncidentQuery().processInstanceId(cycle.getId()).count())
                .isZero();
    }

    @Test
    void last_cycles_actions_are_on_the_agenda_and_their_results_are_recorded() {
        when(actions.actionsForAgenda("ACME", "2026-10")).thenReturn(List.of(
                CycleBeans.action(41L, "提高华东区拜访量", "sales"), CycleBeans.action(42L, "缩短投诉处理周期", "quality")));
        when(actions.action(41L)).thenReturn(java.util.Optional.of(judged(CycleBeans.action(41L, "提高华东区拜访量", "sales"),
                "IMPROVED", "拜访量回升 20%")));
        when(actions.action(42L)).thenReturn(java.util.Optional.of(judged(CycleBeans.action(42L, "缩短投诉处理周期", "quality"),
                "NOT_IMPROVED", "周期仍为 9 天")));
        ProcessInstance cycle = start("2026-10");
        execute(job(cycle));
        completeCollection(cycle);
        execute(job(cycle));
        execute(job(cycle));
        assertThat(cycle).variables().containsEntry("followUpActionIds", List.of(41L, 42L));
        confirmAgenda(cycle, 120);
        taskService().createTaskQuery().taskDefinitionKey("Task_RecordDepartmentReport").list()
                .forEach(t -> taskService().complete(t.getId(), noFinding()));
        List<Task> results = taskService().createTaskQuery().taskDefinitionKey("Task_RecordActionResult").list();
        assertThat(results).hasSize(2);
        for (Task result : results) {
            taskService().complete(result.getId(), Map.of("actionOutcome", "IMPROVED",
                    "actionOutcomeNote", "拜访量回升 20%，经验：周计划复盘"));
        }
        assertThat(cycle).hasPassed("Task_RecordActionResult");
        verify(actions).recordOutcome(eq(41L), eq("IMPROVED"), anyString(), eq("2026-10"), any());
        verify(actions).recordOutcome(eq(42L), eq("IMPROVED"), anyString(), eq("2026-10"), any());

        // praise or criticism per department, suggested from its results
        List<Task> feedback = taskService().createTaskQuery().taskDefinitionKey("Task_RecordDepartmentFeedback").list();
        assertThat(feedback).hasSize(2);
        Map<String, Task> byDepartment = new HashMap<>();
        feedback.forEach(t -> byDepartment.put((String) taskService().getVariable(t.getId(), "feedbackDepartment"), t));
        assertThat(byDepartment).containsOnlyKeys("sales", "quality");
        assertThat(byDepartment.get("sales")).hasCandidateGroup("marketing");
        assertThat(taskService().getVariable(byDepartment.get("sales").getId(), "feedbackKind")).isEqualTo("share");
        assertThat(taskService().getVariable(byDepartment.get("quality").getId(), "feedbackKind")).isEqualTo("criticism");
        assertThat((String) taskService().getVariable(byDepartment.get("quality").getId(), "feedbackActions"))
                .isEqualTo("- #42 缩短投诉处理周期：未改善 not improved（周期仍为 9 天）");
        Task quality = byDepartment.get("quality");
        assertThatThrownBy(() -> taskService().complete(quality.getId(), Map.of("feedbackKind", "criticism")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("请记录批评的内容");
        taskService().complete(quality.getId(), Map.of("feedbackKind", "criticism",
                "feedbackComment", "投诉处理周期未缩短，质量部须在下期说明原因"));
        taskService().complete(byDepartment.get("sales").getId(), Map.of("feedbackKind", "share",
                "feedbackComment", "周计划复盘让拜访量回升 20%"));
        assertThat(db.jdbc().sql("select department || ':' || kind || ':' || action_ids from department_feedback "
                + "order by department").query(String.class).list()).containsExactly("quality:criticism:42", "sales:share:41");
        assertThat(db.jdbc().sql("select summary from archive_entry where entry_type = 'DEPARTMENT_FEEDBACK' "
                + "order by summary").query(String.class).list())
                .containsExactly("批评 criticised：投诉处理周期未缩短，质量部须在下期说明原因", "经验分享 experience shared：周计划复盘让拜访量回升 20%");
        assertThat(cycle).isWaitingAt("Task_ConfirmFindings");
    }

    @Test
    void the_standing_offices_own_action_result_is_recorded_by_the_secretary_general_four_eyes() {
        var identity = processEngine.getIdentityService();
        for (String[] member : new String[][] {{"mkt.own", "marketing"}, {"sg.own", "secretary-general"}}) {
            if (identity.createUserQuery().userId(member[0]).count() == 0) {
                identity.saveUser(identity.newUser(member[0]));
            }
            if (identity.createGroupQuery().groupId(member[1]).count() == 0) {
                identity.saveGroup(identity.newGroup(member[1]));
            }
            if (identity.createUserQuery().userId(member[0]).memberOfGroup(member[1]).count() == 0) {
                identity.createMembership(member[0], member[1]);
            }
        }
        var own = CycleBeans.action(51L, "缩短市场调研周期", "marketing");
        var others = CycleBeans.action(52L, "提高华东区拜访量", "sales");
        own = new com.perftrack.action.ActionView(own.actionId(), own.findingId(), own.companyCode(), own.period(),
                own.item(), own.responsibleDepartment(), false, "mkt.own", "marketing", "mkt.own", null,
                own.deadline(), null, null, own.status(), 1, own.openedOn(), null, null, null, null, null, null,
                own.processInstanceId());
        when(actions.actionsForAgenda("ACME", "2026-10")).thenReturn(List.of(own, others));
        when(actions.action(51L)).thenReturn(java.util.Optional.of(own));
        when(actions.action(52L)).thenReturn(java.util.Optional.of(others));
        ProcessInstance cycle = start("2026-10");
        execute(job(cycle));
        completeCollection(cycle);
        execute(job(cycle));
        execute(job(cycle));
        confirmAgenda(cycle, 120);
        taskService().createTaskQuery().taskDefinitionKey("Task_RecordDepartmentReport").list()
                .forEach(t -> taskService().complete(t.getId(), noFinding()));

        Task ownResult = taskService().createTaskQuery().taskDefinitionKey("Task_RecordActionResult")
                .taskCandidateGroup("secretary-general").singleResult();
        assertThat(ownResult).as("marketing's own action goes to the secretary-general").isNotNull();
        assertThat(taskService().createTaskQuery().taskDefinitionKey("Task_RecordActionResult")
                .taskCandidateGroup("marketing").list()).as("the standing office keeps the other department's")
                .hasSize(1);
        assertThat((String) taskService().getVariable(ownResult.getId(), "actionSummary"))
                .contains("#51 缩短市场调研周期").contains("预期结果：（尚未填写 / not written yet）")
                .doesNotContain("null");

        identity.setAuthenticatedUserId("mkt.own");
        try {
            assertThatThrownBy(() -> taskService().complete(ownResult.getId(), Map.of("actionOutcome", "IMPROVED",
                    "actionOutcomeNote", "自评：已改善"))).hasMessageContaining("不能记录本部门改进行动的结果");
        } finally {
            identity.clearAuthentication();
        }
        identity.setAuthenticatedUserId("sg.own");
        try {
            taskService().complete(ownResult.getId(), Map.of("actionOutcome", "NOT_IMPROVED",
                    "actionOutcomeNote", "调研周期未缩短，提出批评"));
        } finally {
            identity.clearAuthentication();
        }
        verify(actions).recordOutcome(eq(51L), eq("NOT_IMPROVED"), anyString(), eq("2026-10"), eq("sg.own"), eq("REISSUE"),
                any(), any());
    }

    @Test
    void attendance_names_chair_attendees_and_absentees_and_the_vice_chair_chairs_when_the_chair_is_absent() {
        ProcessInstance cycle = start("2026-10");
        execute(job(cycle));
        completeCollection(cycle);
        execute(job(cycle));
        execute(job(cycle));
        taskService().complete(task("Task_ConfirmAgenda", cycle).getId(), agendaValues(120));
        Task attendance = task("Task_RecordAttendance", cycle);
        assertThat(attendance).hasCandidateGroup("marketing");
        assertThat(json(attendance, "committeeOptions")).startsWith("[{\"label\":\"gm（主任 chair）\",\"value\":\"gm\"},"
                + "{\"label\":\"vice（副主任 vice chair）\",\"value\":\"vice\"},"
                + "{\"label\":\"secgen（秘书长 secretary-general）\",\"value\":\"secgen\"}");
        assertThatThrownBy(() -> taskService().complete(attendance.getId(), Map.of("attendees",
                org.camunda.spin.Spin.JSON(List.of("secgen")))))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("会议无人主持");
        assertThatThrownBy(() -> taskService().complete(attendance.getId(), Map.of("attendees",
                org.camunda.spin.Spin.JSON(List.of("secgen", "sales1")))))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("不是本委员会成员").hasMessageContaining("sales1");
        taskService().complete(attendance.getId(), Map.of("attendees", org.camunda.spin.Spin.JSON(List.of("vice", "secgen")),
                "attendanceComment", "总经理出差"));
        assertThat(db.jdbc().sql("select chair || ' ' || chair_absent || ' ' || attendees || ' ' || note "
                + "from meeting_attendance").query(String.class).single()).isEqualToIgnoringCase("vice true vice,secgen 总经理出差");
        assertThat(db.jdbc().sql("select absentees from meeting_attendance").query(String.class).single())
                .startsWith("gm").doesNotContain("vice").doesNotContain("secgen");
        assertThat(cycle).isWaitingAt("Task_RecordDepartmentReport").variables().containsEntry("meetingChair", "vice")
                .containsEntry("chairAbsent", true);
    }

    @Test
    void the_agenda_lists_requests_still_open_and_those_decided_since_the_last_meeting() {
        var calendar = new com.perftrack.calendar.BusinessCalendar("Asia/Shanghai");
        var findings = new com.perftrack.meeting.FindingService(db.jdbc(), calendar);
        var requests = new com.perftrack.meeting.ResourceRequestService(db.jdbc(), calendar);
        var record = new com.perftrack.meeting.MeetingRecordService(db.jdbc(), calendar);
        setClock("2026-09-04T09:00:00+08:00"); // the meeting that reviews 2026-08
        record.recordAttendance("ACME", "2026-08", "gm", false, List.of("gm"), List.of(), null, "marketing.head");
        long[] ids = new long[3];
        String[] what = {"旧需求：已在上次会议前决定", "增派 2 名销售", "加开夜班"};
        for (int n = 0; n < 3; n++) {
            long finding = findings.create(new com.perftrack.meeting.Finding(null, "ACME", n == 0 ? "2026-08" : "2026-09",
                    "sales", null, "外部原因 " + n, "-10%", "竞品降价", "external", "少 10 单", what[n], "", "sales", "促销",
                    "sales1", "marketing.head", null));
            ids[n] = requests.request(findings.find(finding).orElseThrow(), what[n], n + 1 + " 人", "production",
                    "marketing.head").id();
        }
        setClock("2026-09-20T09:00:00+08:00");
        requests.decide(ids[0], true, "九月底到位", "production.head", false); // heard at the meeting that reviews 2026-09
        setClock("2026-10-06T09:00:00+08:00");
        record.recordAttendance("ACME", "2026-09", "gm", false, List.of("gm"), List.of(), null, "marketing.head");
        setClock("2026-10-20T09:00:00+08:00"); // decided since that meeting
        requests.decide(ids[2], false, "产能已满", "production.head", false);
        setClock("2026-11-02T09:00:00+08:00");

        ProcessInstance cycle = start("2026-10");
        execute(job(cycle));
        completeCollection(cycle);
        execute(job(cycle));
        execute(job(cycle));
        String agenda = (String) runtimeService().getVariable(cycle.getId(), "agendaText");
        assertThat(agenda).contains("资源需求（上期以来）")
                .contains("#" + ids[1] + " sales：增派 2 名销售（数量 amount：2 人） → 生产部 Production：待决定 open")
                .contains("#" + ids[2] + " sales：加开夜班（数量 amount：3 人） → 生产部 Production：已拒绝 declined（产能已满）")
                .as("decided before the last meeting: heard there already").doesNotContain("旧需求");
        db.jdbc().sql("delete from meeting_attendance").update();
    }

    @Test
    void a_department_cannot_submit_while_its_figures_are_missing() {
        when(figures.missingFigures("ACME", "2026-10", "sales")).thenReturn(List.of("SALES_AMOUNT @ company ACME"));
        ProcessInstance cycle = start("2026-10");
        execute(job(cycle));
        Task sales = task("Task_SubmitSalesInformation", cycle);
        assertThatThrownBy(() -> taskService().complete(sales.getId(), Map.of("sales_salesSummary", "完成 92%")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("SALES_AMOUNT @ company ACME");
        assertThat(cycle).isWaitingAt("Task_SubmitSalesInformation");
    }

    @Test
    void late_departments_are_reminded_then_hr_requests_the_data() {
        ProcessInstance cycle = start("2026-10");
        execute(job(cycle));
        setClock("2026-11-04T09:01:00+08:00"); // two days later: the reminder
        execute(job("Timer_CollectionReminder", cycle));
        execute(job("Task_SendCollectionReminder", cycle));
        verify(mail, atLeastOnce()).send(any(SimpleMailMessage.class));
        assertThat(task("Task_SubmitSalesInformation", cycle).getPriority()).isEqualTo(75);
        Task request = task("Task_RequestMissingData", cycle);
        assertThat((String) taskService().getVariable(request.getId(), "missingSummary")).contains("sales");
        taskService().complete(request.getId(), Map.of("hrRequestNote", "请于周五前补齐"));
        assertThat(cycle).hasPassed("EndEvent_ReminderHandled").isWaitingAt("Task_SubmitSalesInformation");
    }

    @Test
    void reminder_and_escalation_mails_reach_the_late_department_hr_and_the_secretary_general() throws Exception {
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost("127.0.0.1");
        smtp.setPort(greenMail.getSmtp().getPort());
        CycleBeans.wire(beans, processEngine, db, "production", figures, results, actions, smtp);
        ProcessInstance cycle = start("2026-10");
        execute(job(cycle));
        BpmnAwareTests.complete(task("Task_SubmitMarketInformation", cycle));

        setClock("2026-11-04T09:01:00+08:00");
        execute(job("Timer_CollectionReminder", cycle));
        execute(job("Task_SendCollectionReminder", cycle));
        setClock("2026-11-05T09:01:00+08:00");
        execute(job("Timer_CollectionEscalation", cycle));
        execute(job("Task_NotifyLateCollection", cycle));

        // GreenMail keeps one copy per recipient: one reminder (late department + HR), one escalation
        var mails = greenMail.getReceivedMessages();
        java.util.Map<String, java.util.Set<String>> recipientsBySubject = new java.util.TreeMap<>();
        for (var mail : mails) {
            for (var to : mail.getAllRecipients()) {
                recipientsBySubject.computeIfAbsent(mail.getSubject(), k -> new java.util.TreeSet<>()).add(to.toString());
            }
        }
        assertThat(recipientsBySubject).hasSize(2);
        assertThat(recipientsBySubject).hasEntrySatisfying("【业绩跟踪】2026-10 数据报送提醒 / Reminder: figures for 2026-10",
                to -> assertThat(to).containsExactlyInAnyOrder("sales.head@test.example", "hr.head@test.example"));
        assertThat(recipientsBySubject).hasEntrySatisfying("【业绩跟踪】2026-10 数据报送逾期 / Overdue: figures for 2026-10",
                to -> assertThat(to).containsExactlyInAnyOrder("sales.head@test.example", "secgen@test.example"));
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mails[mails.length - 1])).contains("sales");
        // the cycle's sender is ptc.mail.from (CycleTestBeans gives the notifier ptc@test.example)
        for (var mail : mails) {
            assertThat(mail.getFrom()[0].toString()).isEqualTo("ptc@test.example");
        }
    }

    @Test
    void overdue_collection_escalates_to_the_secretary_general() {
        ProcessInstance cycle = start("2026-10");
        execute(job(cycle));
        setClock("2026-11-05T09:01:00+08:00"); // the three-day deadline has passed
        execute(job("Timer_CollectionEscalation", cycle));
        execute(job("Task_NotifyLateCollection", cycle));
        Task followUp = task("Task_FollowUpLateCollection", cycle);
        assertThat(followUp).hasCandidateGroup("secretary-general");
        assertThat(task("Task_SubmitSalesInformation", cycle).getPriority()).isEqualTo(90);
        taskService().complete(followUp.getId(), Map.of("escalationNote", "销售部今天下班前提交"));
        assertThat(cycle).hasPassed("EndEvent_EscalationHandled");
    }

    @Test
    void the_secretary_general_moves_a_speaker_and_the_agenda_carries_the_meeting_notes() {
        ProcessInstance cycle = start("2026-10");
        execute(job(cycle));
        completeCollection(cycle);
        execute(job(cycle));
        execute(job(cycle));
        Task confirm = task("Task_ConfirmAgenda", cycle);
        assertThat(taskService().getVariable(confirm.getId(), "speakerOrder"))
                .isEqualTo("sales, marketing, production, quality, finance");
        assertThat((String) taskService().getVariable(confirm.getId(), "meetingNotesText"))
                .isEqualTo("- 与会人员必须严格控制发言时间 / keep strictly to your speaking time\n"
                        + "- 开会时请将手机调到震动，不得发出响声 / phones on vibrate, no ringing");
        Map<String, Object> values = agendaValues(120);
        values.put("speakerOrder", "production, sales, quality, finance");
        assertThatThrownBy(() -> taskService().complete(confirm.getId(), values))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("发言顺序须列出本次汇报的每个部门各一次");
        values.put("speakerOrder", "production，sales, marketing quality,finance");
        taskService().complete(confirm.getId(), values);
        assertThat(cycle).variables().containsEntry("reportingDepartments",
                List.of("production", "sales", "marketing", "quality", "finance"));
        assertThat(db.jdbc().sql("select department from agenda_item where kind = 'DEPARTMENT_REPORT' order by position")
                .query(String.class).list()).containsExactly("production", "sales", "marketing", "quality", "finance");
        assertThat(db.jdbc().sql("select meeting_notes from agenda").query(String.class).single())
                .startsWith("与会人员必须严格控制发言时间").contains("\n开会时请将手机调到震动");
        assertThat((String) runtimeService().getVariable(cycle.getId(), "agendaText"))
                .contains("1. 09:30 生产部汇报").contains("2. 09:42 销售部汇报").contains("备注 Notes:");
    }

    @Test
    void an_agenda_that_does_not_fit_the_meeting_is_refused() {
        ProcessInstance cycle = start("2026-10");
        execute(job(cycle));
        completeCollection(cycle);
        execute(job(cycle));
        execute(job(cycle));
        Task confirm = task("Task_ConfirmAgenda", cycle);
        assertThatThrownBy(() -> taskService().complete(confirm.getId(), agendaValues(60)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("超出会议时长").hasMessageContaining("60");
        confirmAgenda(cycle, 120);
        assertThat(cycle).isWaitingAt("Task_RecordDepartmentReport");
    }

    @Test
    void a_report_without_quantified_impact_or_responsible_department_is_refused() {
        ProcessInstance cycle = start("2026-10");
        execute(job(cycle));
        completeCollection(cycle);
        execute(job(cycle));
        execute(job(cycle));
        confirmAgenda(cycle, 120);
        Task report = taskService().createTaskQuery().taskDefinitionKey("Task_RecordDepartmentReport").list().get(0);
        Map<String, Object> bad = new HashMap<>(salesReport());
        bad.put("cause1Impact", "影响很大");
        bad.put("cause1ResponsibleDepartments", "sales, logistics");
        assertThatThrownBy(() -> taskService().complete(report.getId(), bad))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("影响必须量化").hasMessageContaining("logistics");
    }

    @Test
    void report_pickers_offer_the_company_s_choices_and_a_department_without_kpi_results_says_so() {
        db.jdbc().sql("insert into org_unit (code, unit_type, name, parent_code, company_code, user_id, role, updated_at) values "
                + "('ACME-SALES', 'department', '销售部', 'ACME', 'ACME', 'sales.head', 'sales', current_timestamp), "
                + "('ACME-MKT', 'department', '市场部', 'ACME', 'ACME', null, 'marketing', current_timestamp), "
                + "('ACME-P1', 'person', '马芳', 'ACME-SALES', 'ACME', 'sales1', 'employee', current_timestamp)").update();
        var user = processEngine.getIdentityService().createUserQuery().userId("sales1").singleResult();
        user.setFirstName("芳");
        user.setLastName("马");
        processEngine.getIdentityService().saveUser(user);
        // sales has KPI results this period (two of its KPIs, one a percentage); production has none
        when(results.results("2026-10", "company", "ACME")).thenReturn(List.of(
                new com.perftrack.kpi.KpiResultView("2026-10", "company", "ACME", "SALES_AMOUNT", bd("2000000"),
                        bd("1750000"), bd("-250000"), bd("-0.125"), bd("0.875"), null, null, "red", null),
                new com.perftrack.kpi.KpiResultView("2026-10", "company", "ACME", "ORDER_CONVERSION", bd("0.25"),
                        bd("0.2"), bd("-0.05"), bd("-0.2"), bd("0.8"), null, null, "red", null)));
        ProcessInstance cycle = start("2026-10");
        execute(job(cycle));
        completeCollection(cycle);
        execute(job(cycle));
        execute(job(cycle));
        confirmAgenda(cycle, 120);
        Task sales = report("sales");
        Task production = report("production");

        assertThat((String) taskService().getVariable(sales.getId(), "deviation")).isEqualTo(
                "销售额 SALES_AMOUNT：目标 2000000，实际 1750000，偏差 -250000（-12.5%），红 red\n"
                        + "订单转化率 ORDER_CONVERSION：目标 25.0%，实际 20.0%，偏差 -5.0 个百分点（-20.0%），红 red");
        assertThat(taskService().getVariable(production.getId(), "deviation"))
                .isEqualTo("本期无 KPI 结果 / no KPI results this period");
        assertThat(json(sales, "departmentOptions")).isEqualTo(
                "[{\"label\":\"销售部 sales\",\"value\":\"sales\"},{\"label\":\"市场部 marketing\",\"value\":\"marketing\"}]");
        assertThat(json(sales, "personOptions")).isEqualTo(
                "[{\"label\":\"sales.head（销售部经理）\",\"value\":\"sales.head\"},{\"label\":\"马芳（销售部）\",\"value\":\"sales1\"}]");
        assertThat(json(sales, "kpiOptions")).contains("\"销售额 SALES_AMOUNT\"").contains("FUNNEL_LOST")
                .doesNotContain("COMPLAINTS").doesNotContain("CUSTOMER_SATISFACTION");
        assertThat(json(production, "kpiOptions")).contains("COMPLAINTS").contains("SALES_AMOUNT"); // reports none: all

        // the pickers send lists (Tasklist: Json variables); a department the company lacks is refused, nothing saved
        Map<String, Object> picked = new HashMap<>(salesReport());
        picked.put("cause1RelatedDepartments", org.camunda.spin.Spin.JSON("[\"marketing\"]"));
        picked.put("cause1ResponsibleDepartments", org.camunda.spin.Spin.JSON("[\"sales\", \"quality\"]"));
        assertThatThrownBy(() -> taskService().complete(sales.getId(), picked))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("本公司没有该部门").hasMessageContaining("quality");
        picked.put("cause1ResponsibleDepartments", org.camunda.spin.Spin.JSON("[\"sales\", \"marketing\"]"));
        taskService().complete(sales.getId(), picked);
        // without KPI results the deviation in words is accepted
        taskService().complete(production.getId(), Map.of("deviation", "本期无 KPI 结果 / no KPI results this period",
                "noFinding", true));
        var finding = db.jdbc().sql("select meeting_number, responsible_departments, related_departments from finding")
                .query((rs, n) -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3)).list();
        assertThat(finding).containsExactly("1 sales,marketing marketing");
    }

    private Task report(String department) {
        return taskService().createTaskQuery().taskDefinitionKey("Task_RecordDepartmentReport").list().stream()
                .filter(t -> department.equals(taskService().getVariable(t.getId(), "reportDepartment"))).findFirst()
                .orElseThrow();
    }

    private static String json(Task task, String variable) {
        return taskService().getVariable(task.getId(), variable).toString();
    }

    private static java.math.BigDecimal bd(String value) {
        return new java.math.BigDecimal(value);
    }

    @Test
    void texts_longer_than_their_room_are_refused_by_name_before_the_database() {
        ProcessInstance cycle = start("2026-10");
        execute(job(cycle));
        Task sales = task("Task_SubmitSalesInformation", cycle);
        assertThatThrownBy(() -> taskService().complete(sales.getId(), Map.of("sales_salesSummary", "达".repeat(4001))))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("文字说明最多 4000 个字符").hasMessageContaining("sales_salesSummary（4001）");
        completeCollection(cycle);
        execute(job(cycle));
        execute(job(cycle));
        Map<String, Object> agenda = agendaValues(120);
        agenda.put("agendaPurpose", "审".repeat(1001));
        Task confirm = task("Task_ConfirmAgenda", cycle);
        assertThatThrownBy(() -> taskService().complete(confirm.getId(), agenda))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("会议目的最多 1000 个字符，现为 1001");
        agenda.put("agendaPurpose", "审".repeat(1000));
        taskService().complete(confirm.getId(), agenda);
        assertThat(cycle).isWaitingAt("Task_RecordAttendance");
    }

    @Test
    void distribution_company_collects_from_procurement() {
        CycleBeans.wire(beans, processEngine, db, "distribution", figures, results, actions, mail);
        ProcessInstance cycle = start("2026-10");
        execute(job(cycle));
        assertThat(cycle).isWaitingAt("Task_SubmitSalesInformation", "Task_SubmitMarketInformation",
                "Task_SubmitProcurementInformation", "Task_SubmitFinanceInformation");
        completeCollection(cycle);
        assertThat(cycle).isWaitingAt("Task_CalculateKpiResults");
    }

    @Test
    void project_company_collects_from_project_management_and_contract_planning() {
        CycleBeans.wire(beans, processEngine, db, "project-management", figures, results, actions, mail);
        ProcessInstance cycle = start("2026-10");
        execute(job(cycle));
        assertThat(cycle).isWaitingAt("Task_SubmitSalesInformation", "Task_SubmitMarketInformation",
                "Task_SubmitProjectInformation", "Task_SubmitFinanceInformation", "Task_SubmitContractInformation");
        completeCollection(cycle);
        assertThat(cycle).isWaitingAt("Task_CalculateKpiResults");
    }

    @Test
    void the_period_is_the_business_key_and_a_second_start_is_refused() {
        ProcessInstance first = start("2026-09");
        assertThat(first).hasBusinessKey("2026-09");
        assertThatThrownBy(() -> start("2026-09"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("2026-09").hasMessageContaining("已存在").hasMessageContaining("already exists");
    }

    @Test
    void a_cancelled_cycle_frees_its_period() {
        ProcessInstance first = start("2026-08");
        runtimeService().deleteProcessInstance(first.getId(), "started by mistake");
        assertThat(start("2026-08")).isActive();
    }

    @Test
    void a_malformed_or_future_period_is_refused() {
        assertThatThrownBy(() -> start("2026-13")).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("2026-13");
        assertThatThrownBy(() -> start("26-11")).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("YYYY-MM");
        assertThatThrownBy(() -> start("2026-12")).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("future");
    }

    /** Stands in for improvement-action, which has its own process test: it waits for its outcome. */
    private void deployActionDouble() {
        var repository = processEngine.getRepositoryService();
        if (repository.createProcessDefinitionQuery().processDefinitionKey("improvement-action").count() == 0) {
            BpmnModelInstance model = Bpmn.createExecutableProcess("improvement-action")
                    .camundaHistoryTimeToLive(1)
                    .startEvent().receiveTask("Task_WaitForOutcome").message("ActionOutcome").endEvent().done();
            repository.createDeployment().addModelInstance("improvement-action-double.bpmn", model).deploy();
        }
    }

    private ProcessInstance start(String period) {
        return runtimeService().startProcessInstanceByKey("monthly-tracking-cycle", Map.of("period", period));
    }

    private void completeCollection(ProcessInstance cycle) {
        for (Task t : taskService().createTaskQuery().processInstanceId(cycle.getId()).list()) {
            if (CollectionTasks.DEPARTMENT_OF_TASK.containsKey(t.getTaskDefinitionKey())) {
                taskService().complete(t.getId(), Map.of("note", "本月说明"));
            }
        }
    }

    private void confirmAgenda(ProcessInstance cycle, int length) {
        taskService().complete(task("Task_ConfirmAgenda", cycle).getId(), agendaValues(length));
        recordAttendance(cycle, "gm", "secgen");
    }

    private void recordAttendance(ProcessInstance cycle, String... attendees) {
        taskService().complete(task("Task_RecordAttendance", cycle).getId(), Map.of("attendees",
                org.camunda.spin.Spin.JSON(List.of(attendees))));
    }

    private static com.perftrack.action.ActionView judged(com.perftrack.action.ActionView a, String outcome, String note) {
        return new com.perftrack.action.ActionView(a.actionId(), a.findingId(), a.companyCode(), a.period(), a.item(),
                a.responsibleDepartment(), false, "sales1", a.ownerGroup(), null, null, a.deadline(), null, null,
                "DONE", 1, a.openedOn(), null, null, outcome, note, "2026-10", null, a.processInstanceId());
    }

    private static Map<String, Object> agendaValues(int length) {
        Map<String, Object> values = new HashMap<>();
        values.put("agendaPurpose", "审议 2026-10 业绩");
        values.put("meetingDate", "2026-11-06");
        values.put("meetingTime", "09:30");
        values.put("meetingLengthMinutes", length);
        values.put("salesMinutes", 20);
        values.put("departmentMinutes", 12);
        values.put("followUpMinutesPerAction", 3);
        values.put("freeDiscussionMinutes", 15);
        values.put("bufferMinutes", 10);
        return values;
    }

    private static Map<String, Object> salesReport() {
        Map<String, Object> v = new HashMap<>();
        v.put("deviation", "销售额 目标 120 万，实际 105 万，偏差 -15 万（-12.5%）");
        v.put("noFinding", false);
        v.put("cause1", "华东区拜访量下降 35%");
        v.put("cause1Type", "internal");
        v.put("cause1Impact", "销售额少 15 万元");
        v.put("cause1Proposal", "恢复周拜访计划，每人每周 12 次");
        v.put("cause1RelatedDepartments", "marketing");
        v.put("cause1ResponsibleDepartments", "sales, marketing");
        v.put("cause1Solution", "销售部恢复拜访计划；市场部提供华东区线索 50 条");
        v.put("cause1KpiCode", "SALES_AMOUNT");
        v.put("cause1ResponsibleUser", "sales1");
        v.put("hasCause2", false);
        return v;
    }

    /** The sales report plus an external cause whose resources are asked from the general manager. */
    private static Map<String, Object> salesReportWithRequest() {
        Map<String, Object> v = salesReport();
        v.put("hasCause2", true);
        v.put("cause2", "竞品在华东区降价 8%");
        v.put("cause2Type", "external");
        v.put("cause2Impact", "订单少 12 单");
        v.put("cause2Proposal", "市场部增派 2 人支援华东区促销");
        v.put("cause2RequestAmount", "2 人，3 个月");
        v.put("cause2RequestFrom", "committee-chair");
        v.put("cause2ResponsibleDepartments", "sales");
        v.put("cause2Solution", "华东区促销 3 个月");
        v.put("cause2ResponsibleUser", "sales1");
        return v;
    }

    private static Map<String, Object> noFinding() {
        return Map.of("deviation", "各项指标达成 100%", "noFinding", true);
    }

    private long findingId() {
        return db.jdbc().sql("select min(id) from finding").query(Long.class).single();
    }

    private static void setClock(String isoDateTime) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse(isoDateTime).toInstant()));
    }

}
