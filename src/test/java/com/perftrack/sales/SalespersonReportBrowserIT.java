package com.perftrack.sales;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TasklistBrowser;
import com.perftrack.support.TestCompanies;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The salesperson's monthly report (销售人员月度报告, issue 16) filed by the sales person in Chinese Tasklist:
 * company SMR (the IT profile's company with the requirement on; {@link SalespersonReportIT} uses 2016-03,
 * this test 2016-04), 李雷 SMR-P1 (smr.p1). The report opens with the month's sales collection; the filled
 * report completes and the API shows it (the server's refusal of a missing field is {@link SalespersonReportIT}'s).
 * Runs in Debian's chromium (ChromeDriver, Chinese locale) through TasklistBrowser.
 */
@IntegrationTest
class SalespersonReportBrowserIT {

    static final String ADMIN = "admin:it-admin-secret";
    static final String PERIOD = "2016-04";

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtime;

    @Test
    void a_sales_person_files_the_monthly_report_in_chinese_tasklist() throws Exception {
        Api api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, "SMR");
        var org = api.postFile("/api/imports/organisation", ADMIN, "smr.csv",
                SalespersonReportIT.ORGANISATION.getBytes(StandardCharsets.UTF_8));
        assertThat(org.status()).as(org.body()).isEqualTo(200);
        TestCompanies.demoPasswords(identity, "smr.p1");

        var started = api.postJson("/engine-rest/process-definition/key/monthly-tracking-cycle/start", "secgen",
                Map.of("variables", Map.of("period", Map.of("value", PERIOD, "type", "String"),
                        "companyCode", Map.of("value", "SMR", "type", "String"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String cycle = started.json().get("id").asText();
        try (TasklistBrowser tasklist = new TasklistBrowser(port, 1280, 1100)) {
            Task report = tasklist.until(d -> taskService.createTaskQuery().processInstanceBusinessKey(PERIOD + ":SMR-P1")
                    .taskAssignee("smr.p1").list().stream().findFirst().orElse(null));
            tasklist.login("tasklist", "smr.p1", "demo");
            tasklist.openTask(report.getId(), "市场反馈");
            String form = tasklist.checkTaskForm(taskService, report.getId(), "salesperson-monthly-report-file");
            assertThat(form).contains("李雷", PERIOD, "本月销售额", "分析", "活动", "市场反馈", "客户原话");
            tasklist.type("input", "本月销售额", "128000");
            tasklist.type("textarea", "分析", "两家大客户提前下单");
            tasklist.type("textarea", "活动", "拜访 12 家客户，参加一次展会");
            tasklist.type("textarea", "市场反馈", "竞品降价 5%");
            tasklist.type("textarea", "客户原话", "“交货再快一点就好了”");
            tasklist.screenshot("form-salesperson-monthly-report-file-filled");
            tasklist.clickButton("完成");
            tasklist.until(d -> taskService.createTaskQuery().taskId(report.getId()).count() == 0);
        } finally {
            runtime.deleteProcessInstance(cycle, "SalespersonReportBrowserIT over");
        }
        var mine = api.get("/api/salesperson-reports?period=" + PERIOD + "&companyCode=SMR", "smr.p1");
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.json()).hasSize(1);
        assertThat(mine.json().get(0).get("salesAmount").decimalValue()).isEqualByComparingTo("128000");
        assertThat(mine.json().get(0).get("marketFeedback").asText()).isEqualTo("竞品降价 5%");
        assertThat(mine.json().get(0).get("customerQuotes").asText()).isEqualTo("“交货再快一点就好了”");
    }
}
