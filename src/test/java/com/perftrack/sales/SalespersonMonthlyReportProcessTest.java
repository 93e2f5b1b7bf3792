package com.perftrack.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.organisation.OrganisationService;
import com.perftrack.support.ProcessTestEngine;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Salespersons' monthly reports (issue 16) on the engine alone: company SPR, sales department SPR-SALES with
 * region SPR-EAST holding SPR-P1 (u1) and SPR-P2 (u2), and SPR-P3 without a user (not asked). Opening the
 * month starts one report each for P1 and P2, once; each files sales, analysis, activities, market feedback.
 */
@Deployment(resources = {"bpmn/salesperson-monthly-report.bpmn", "forms/salesperson-monthly-report-file.form"})
class SalespersonMonthlyReportProcessTest {

    static final ProcessTestEngine db = new ProcessTestEngine();
    static final Map<Object, Object> beans = new HashMap<>();

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
            .builder(db.configuration(beans)).assertClassCoverageAtLeast(1.0).build();

    ProcessEngine processEngine;
    JdbcClient jdbc = db.jdbc();
    SalespersonReportService service;

    @BeforeEach
    void wire() {
        BpmnAwareTests.init(processEngine);
        var persons = new SalesPersons(new OrganisationService(jdbc));
        service = new SalespersonReportService(new SalespersonReportRepository(jdbc), persons,
                new SalespersonReportSettings(List.of("SPR")), new BusinessCalendar("Asia/Shanghai"),
                processEngine.getRuntimeService(), processEngine.getIdentityService());
        beans.put("salespersonReportListener", new SalespersonReportListener(service,
                new SalesCollectionReports(service, processEngine.getTaskService())));
        unit("SPR", "company", null, "gm");
        unit("SPR-SALES", "department", "SPR", "sales.head");
        unit("SPR-EAST", "region", "SPR-SALES", "sales.head");
        unit("SPR-P1", "person", "SPR-EAST", "u1");
        unit("SPR-P2", "person", "SPR-EAST", "u2");
        unit("SPR-P3", "person", "SPR-EAST", null);
    }

    @AfterEach
    void clear() {
        processEngine.getIdentityService().clearAuthentication();
        processEngine.getRuntimeService().createProcessInstanceQuery().list()
                .forEach(p -> processEngine.getRuntimeService().deleteProcessInstance(p.getId(), "test over"));
        jdbc.sql("delete from salesperson_report").update();
        jdbc.sql("delete from org_unit").update();
    }

    @Test
    void every_sales_person_with_a_user_files_once_and_bad_reports_are_refused_by_name() {
        assertThat(service.required("SPR", "2026-02")).isTrue();
        assertThat(service.required("SPR", "2026-Q1")).as("months only").isFalse();
        assertThat(service.required("OTHER", "2026-02")).as("not a listed company").isFalse();
        assertThat(service.open("SPR", "2026-02")).isEqualTo(2);
        assertThat(service.open("SPR", "2026-02")).as("once per person and month").isZero();
        assertThat(service.notFiled("SPR", "2026-02")).containsExactly("SPR-P1 SPR-P1", "SPR-P2 SPR-P2");
        assertThat(service.status("SPR", "2026-02")).contains("0 / 2 已提交", "SPR-P1", "SPR-P2");

        ProcessInstance p1 = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey("2026-02:SPR-P1").singleResult();
        assertThat(p1).isWaitingAt("Task_FileSalespersonReport");
        Task task = processEngine.getTaskService().createTaskQuery().processInstanceId(p1.getId()).singleResult();
        assertThat(task.getAssignee()).isEqualTo("u1");
        assertThat(task.getName()).isEqualTo("销售人员月度报告 SPR-P1 SPR-P1 2026-02 Monthly report");

        processEngine.getIdentityService().setAuthenticatedUserId("u2");
        assertThatThrownBy(() -> processEngine.getTaskService().complete(task.getId(), report(120000.5)))
                .hasMessageContaining("只能由 SPR-P1 SPR-P1 本人填写此报告");
        processEngine.getIdentityService().setAuthenticatedUserId("u1");
        assertThatThrownBy(() -> processEngine.getTaskService().complete(task.getId(),
                Map.of("reportSalesAmount", -1, "analysisComment", "x".repeat(2001))))
                .hasMessageContaining("本月销售额须为不小于 0 的金额").hasMessageContaining("分析 analysis最多 2000 字")
                .hasMessageContaining("请填写活动 activities").hasMessageContaining("请填写市场反馈 market feedback");
        processEngine.getTaskService().complete(task.getId(), report(120000.5));
        assertThat(p1).isEnded().hasPassed("EndEvent_ReportFiled");

        SalespersonReport filed = service.reports("SPR", "2026-02").get(0);
        assertThat(filed.filed()).isTrue();
        assertThat(filed.salesAmount()).isEqualByComparingTo("120000.50");
        assertThat(filed.customerQuotes()).isEqualTo("“交货再快一点就好了”");
        assertThat(filed.filedBy()).isEqualTo("u1");
        assertThat(service.notFiled("SPR", "2026-02")).containsExactly("SPR-P2 SPR-P2");
        assertThat(service.table("SPR", "2026-02")).extracting(r -> r.get("sales")).containsExactly("120000.5", "未提交");
    }

    private static Map<String, Object> report(double sales) {
        return Map.of("reportSalesAmount", sales, "analysisComment", "两家大客户提前下单", "activitiesComment", "拜访 12 家，参加展会一次",
                "marketFeedbackComment", "竞品降价 5%", "customerQuotesComment", "“交货再快一点就好了”");
    }

    private void unit(String code, String type, String parent, String userId) {
        jdbc.sql("insert into org_unit (code, unit_type, name, parent_code, company_code, user_id, role, updated_at) "
                        + "values (?, ?, ?, ?, 'SPR', ?, ?, ?)")
                .params(code, type, code, parent, userId, "department".equals(type) ? "sales" : "employee",
                        Timestamp.from(Instant.now())).update();
    }
}
