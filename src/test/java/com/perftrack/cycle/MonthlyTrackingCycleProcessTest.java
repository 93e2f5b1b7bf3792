package com.perftrack.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.support.ProcessTestEngine;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"bpmn/monthly-tracking-cycle.bpmn", "bpmn/committee-membership.dmn",
        "forms/start-monthly-cycle.form"})
class MonthlyTrackingCycleProcessTest {

    static final ProcessTestEngine db = new ProcessTestEngine();
    static final BusinessCalendar calendar = new BusinessCalendar("Asia/Shanghai");
    static final CycleSettings settings = new CycleSettings("0 0 8 1 * ?", 3);
    static final Map<Object, Object> beans = new HashMap<>();

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
            .builder(db.configuration(beans)).assertClassCoverageAtLeast(0.0).build();

    ProcessEngine processEngine;

    void wire(String companyType) {
        BpmnAwareTests.init(processEngine);
        beans.put("registerCycleListener", new RegisterCycleListener(new CycleRegistry(db.jdbc()),
                new CompanySettings("ACME", "Acme", companyType), calendar,
                processEngine.getHistoryService(), settings));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        db.jdbc().sql("delete from tracking_cycle").update();
    }

    @Test
    void production_company_collects_from_sales_marketing_production_quality_and_finance() {
        wire("production");
        ProcessInstance cycle = start("2026-10");
        assertThat(cycle).isWaitingAt("Task_DetermineCommittee");
        execute(job(cycle));
        assertThat(cycle).isWaitingAt("Task_SubmitSalesInformation", "Task_SubmitMarketInformation",
                "Task_SubmitProductionInformation", "Task_SubmitQualityInformation", "Task_SubmitFinanceInformation");
        assertThat(task("Task_SubmitSalesInformation", cycle)).hasCandidateGroup("sales");
        for (String key : new String[] {"Task_SubmitSalesInformation", "Task_SubmitMarketInformation",
                "Task_SubmitProductionInformation", "Task_SubmitQualityInformation", "Task_SubmitFinanceInformation"}) {
            complete(task(key, cycle));
        }
        assertThat(cycle).isEnded().hasPassed("EndEvent_DataCollected");
    }

    @Test
    void distribution_company_collects_from_procurement_instead_of_production_and_quality() {
        wire("distribution");
        ProcessInstance cycle = start("2026-10");
        execute(job(cycle));
        assertThat(cycle).isWaitingAt("Task_SubmitSalesInformation", "Task_SubmitMarketInformation",
                "Task_SubmitProcurementInformation", "Task_SubmitFinanceInformation");
    }

    @Test
    void project_company_collects_from_project_management_and_contract_planning() {
        wire("project-management");
        ProcessInstance cycle = start("2026-10");
        execute(job(cycle));
        assertThat(cycle).isWaitingAt("Task_SubmitSalesInformation", "Task_SubmitMarketInformation",
                "Task_SubmitProjectInformation", "Task_SubmitFinanceInformation", "Task_SubmitContractInformation");
    }

    @Test
    void the_period_is_the_business_key_and_a_second_start_is_refused() {
        wire("production");
        ProcessInstance first = start("2026-09");
        assertThat(first).hasBusinessKey("2026-09");
        assertThatThrownBy(() -> start("2026-09"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("2026-09").hasMessageContaining("已存在").hasMessageContaining("already exists");
    }

    @Test
    void a_cancelled_cycle_frees_its_period() {
        wire("production");
        ProcessInstance first = start("2026-08");
        runtimeService().deleteProcessInstance(first.getId(), "started by mistake");
        assertThat(start("2026-08")).isActive();
    }

    @Test
    void a_malformed_or_future_period_is_refused() {
        wire("production");
        setClock("2026-11-20T10:00:00+08:00");
        assertThatThrownBy(() -> start("2026-13")).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("2026-13");
        assertThatThrownBy(() -> start("26-11")).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("YYYY-MM");
        assertThatThrownBy(() -> start("2026-12")).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("future");
    }

    private ProcessInstance start(String period) {
        return runtimeService().startProcessInstanceByKey("monthly-tracking-cycle", Map.of("period", period));
    }

    private static void setClock(String isoDateTime) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse(isoDateTime).toInstant()));
    }
}
