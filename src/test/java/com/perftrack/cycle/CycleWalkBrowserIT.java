package com.perftrack.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.kpi.FigureService;
import com.perftrack.meeting.Finding;
import com.perftrack.meeting.FindingService;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TasklistBrowser;
import com.perftrack.support.TestCompanies;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A month of the cycle walked in a Chinese Tasklist (headless Chromium, zh-CN, 1280 px) as the
 * people who get each task (issue 11): the five member departments submit their information, the
 * secretary-general confirms the agenda, the standing office records every department's report —
 * sales with all its KPIs pre-filled and its inquiry outcome picked from lists — and the findings
 * reach the secretary-general's confirmation. Every form: no raw template text, no "undefined" or
 * "NaN", nothing wider than the form. Screenshots: target/screenshots/cycle-*.png.
 *
 * <p>Runs in Debian's chromium (ChromeDriver, Chinese locale) through {@link com.perftrack.support.TasklistBrowser}.</p>
 */
@IntegrationTest
class CycleWalkBrowserIT {

    static final String COMPANY = "WALKC";
    static final String PERIOD = "2020-06";
    static final String ORGANISATION = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,WALKC,走查周期公司,,gm,,production\n"
            + "department,WALKC-SALES,销售部,WALKC,sales.head,,sales\n"
            + "department,WALKC-MKT,市场部,WALKC,marketing.head,,marketing\n"
            + "department,WALKC-PROD,生产部,WALKC,production.head,,production\n"
            + "department,WALKC-QUAL,质量部,WALKC,quality.head,,quality\n"
            + "department,WALKC-FIN,财务部,WALKC,finance.head,,finance\n"
            + "department,WALKC-HR,人力资源部,WALKC,hr.head,,hr\n"
            + "region,WALKC-EAST,华东区,WALKC-SALES,,,\n"
            + "person,WALKC-P1,马芳,WALKC-EAST,sales1,,employee\n"
            + "person,WALKC-P2,朱超,WALKC-EAST,sales2,,employee\n";
    /** The sales department's KPIs (catalogue source department sales): all ten pre-filled in its report. */
    static final List<String> SALES_KPIS = List.of("SALES_AMOUNT", "NEW_CUSTOMERS", "ORDER_CONVERSION",
            "SALES_CYCLE_DAYS", "FUNNEL_LEADS", "FUNNEL_CONTACTS", "FUNNEL_NEEDS", "FUNNEL_PROPOSALS", "FUNNEL_WON",
            "FUNNEL_LOST");

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    @Autowired
    TaskService taskService;
    @Autowired
    FigureService figures;
    @Autowired
    FindingService findings;

    TasklistBrowser tasklist;

    @AfterEach
    void tearDown() throws Exception {
        if (tasklist != null) {
            tasklist.screenshot("cycle-last");
            tasklist.close();
        }
    }

    @Test
    void a_month_from_collection_to_the_findings_in_the_browser() throws Exception {
        Api api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, COMPANY);
        var organisation = api.postFile("/api/imports/organisation", MonthlyCycleIT.ADMIN, "walkc.csv",
                MonthlyCycleIT.bytes(ORGANISATION));
        assertThat(organisation.status()).as(organisation.body()).isEqualTo(200);
        var started = api.postJson("/engine-rest/process-definition/key/monthly-tracking-cycle/start", "secgen",
                Map.of("variables", Map.of("period", MonthlyCycleIT.string(PERIOD),
                        "companyCode", MonthlyCycleIT.string(COMPANY))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String cycle = started.json().get("id").asText();
        importFigures(api);
        tasklist = new TasklistBrowser(port, 1280, 1000);

        // ---- data collection: each member department's head ----
        walk(task(cycle, "Task_SubmitSalesInformation"), "sales.head", "submit-sales-information", "本月销售完成情况说明",
                () -> textarea("本月销售完成情况说明", "销售额完成 87.5%，华东区拜访量下降"));
        walk(task(cycle, "Task_SubmitMarketInformation"), "marketing.head", "submit-market-information", "市场信息收集月报",
                () -> textarea("市场信息收集月报", "客户满意度 86%，竞品降价 5%"));
        walk(task(cycle, "Task_SubmitProductionInformation"), "production.head", "submit-production-information",
                "计划与实际产量", () -> textarea("计划与实际产量", "计划 1200 台，实际 1150 台"));
        walk(task(cycle, "Task_SubmitQualityInformation"), "quality.head", "submit-quality-information", "质量变化",
                () -> textarea("质量变化", "投诉 7 起，较上月多 2 起"));
        walk(task(cycle, "Task_SubmitFinanceInformation"), "finance.head", "submit-finance-information",
                "销售相关财务数据说明", () -> textarea("销售相关财务数据说明", "回款率 92%"));

        // ---- agenda: calculation and draft run as jobs, the secretary-general confirms ----
        walk(task(cycle, "Task_ConfirmAgenda"), "secgen", "confirm-agenda", "会议目的", () -> {
            assertThat(tasklist.text()).contains("销售部汇报").contains("自由讨论")
                    // the month's early warnings, read-only (issue 15)
                    .contains("预警：季度结束前讨论");
            textarea("会议目的", "审议 " + PERIOD + " 业绩，确定改进行动");
        });

        // ---- the review meeting: who came (walked in MeetingRecordWalkBrowserIT), then each department's report ----
        MonthlyCycleIT.recordAttendance(api, cycle, "gm", "secgen", "marketing.head");
        Map<String, Task> reports = new java.util.HashMap<>();
        tasks(cycle, "Task_RecordDepartmentReport", 5).forEach(
                t -> reports.put((String) taskService.getVariable(t.getId(), "reportDepartment"), t));
        assertThat(reports).containsOnlyKeys("sales", "marketing", "production", "quality", "finance");
        Task sales = reports.get("sales");
        // the checklists' shape over REST (a Json list) with a code nobody has: one sentence, 4xx, nothing saved
        Map<String, Object> unknown = new java.util.HashMap<>(MonthlyCycleIT.salesReport());
        unknown.put("cause1ResponsibleDepartments", Map.of("value", "[\"sales\", \"logistics\"]", "type", "Json"));
        var refused = api.postJson("/engine-rest/task/" + sales.getId() + "/complete", "marketing.head",
                Map.of("variables", unknown));
        assertThat(refused.status()).as(refused.body()).isBetween(400, 499);
        assertThat(refused.json().get("message").asText()).contains("未知部门代码").contains("logistics")
                .doesNotContain("ENGINE-").doesNotContain("Exception");
        assertThat(findings.findings(COMPANY, PERIOD)).isEmpty();
        tasklist.login("tasklist", "marketing.head", "demo");
        openAndCheck(sales, "record-department-report", "record-department-report-sales", "汇报三步曲");
        String deviation = fieldValue("与计划的量化偏差");
        assertThat(deviation).as("sales' deviation pre-filled from all its KPIs").contains(SALES_KPIS)
                .contains("订单转化率 ORDER_CONVERSION：目标 25.0%，实际 20.0%");
        tasklist.claim();
        textarea("原因1（量化）", "华东区两名销售离职，拜访量下降 35%");
        tasklist.radio("内部原因");
        textfield("原因1的量化影响", "销售额少 25 万元");
        textarea("改进建议", "恢复周拜访计划，每人每周 12 次");
        tasklist.tick("相关部门", "市场部 marketing");
        tasklist.tick("责任部门", "销售部 sales");
        tasklist.tick("责任部门", "市场部 marketing");
        textarea("解决方案", "销售部恢复拜访计划；市场部提供华东区线索 50 条");
        tasklist.pick("责任人", "马芳", "马芳（华东区）");
        tasklist.pick("相关KPI", "销售额", "销售额 SALES_AMOUNT");
        complete(sales, "record-department-report-sales");
        Finding finding = findings.findings(COMPANY, PERIOD).get(0);
        assertThat(finding.number()).isEqualTo(1);
        assertThat(finding.responsibleDepartments()).isEqualTo("sales,marketing");
        assertThat(finding.relatedDepartments()).isEqualTo("marketing");
        assertThat(finding.responsibleUserId()).isEqualTo("sales1");
        assertThat(finding.kpiCode()).isEqualTo("SALES_AMOUNT");
        assertThat(finding.deviation()).isEqualTo(deviation);

        for (String department : List.of("marketing", "production", "quality", "finance")) {
            Task report = reports.get(department);
            openAndCheck(report, "record-department-report", "record-department-report-" + department, "汇报三步曲");
            String prefilled = fieldValue("与计划的量化偏差");
            switch (department) {
                case "marketing" -> assertThat(prefilled).contains("CUSTOMER_SATISFACTION").contains("%");
                case "quality" -> assertThat(prefilled).contains("COMPLAINTS");
                default -> assertThat(prefilled).as(department + " has no KPI of its own")
                        .isEqualTo("本期无 KPI 结果 / no KPI results this period");
            }
            tasklist.claim();
            checkbox("本部门本期无问题");
            complete(report, "record-department-report-" + department);
        }

        // ---- the secretary-general sees the finding numbered and named ----
        Task confirm = task(cycle, "Task_ConfirmFindings");
        tasklist.login("tasklist", "secgen", "demo");
        openAndCheck(confirm, "confirm-findings", "confirm-findings-walk", "秘书长意见");
        assertThat(tasklist.text()).contains("#1 华东区两名销售离职").contains("销售部 Sales、市场部 Marketing")
                .contains("马芳（sales1）");
        assertThat(findings.findings(COMPANY, PERIOD)).hasSize(1);
    }

    /** The people's SALES_AMOUNT and the company's other KPIs, as MonthlyCycleIT imports them, for this period. */
    private void importFigures(Api api) {
        StringBuilder csv = new StringBuilder("period,unit_type,unit_code,kpi_code,target,actual\n");
        csv.append(PERIOD).append(",person,WALKC-P1,SALES_AMOUNT,1000000,800000\n");
        csv.append(PERIOD).append(",person,WALKC-P2,SALES_AMOUNT,1000000,950000\n");
        for (String kpi : MonthlyCycleIT.COMPANY_KPIS) {
            csv.append(PERIOD).append(",company,WALKC,").append(kpi).append('\n');
        }
        var imported = api.postFile("/api/imports/figures", MonthlyCycleIT.ADMIN, PERIOD + ".csv",
                MonthlyCycleIT.bytes(csv.toString()));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        for (String department : List.of("sales", "marketing", "production", "quality", "finance")) {
            assertThat(figures.missingFigures(COMPANY, PERIOD, department)).as(department).isEmpty();
        }
    }

    // ---- tasks ----

    private Task task(String instance, String key) throws InterruptedException {
        return tasks(instance, key, 1).get(0);
    }

    private List<Task> tasks(String instance, String key, int count) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).list();
            if (tasks.size() >= count) {
                return tasks;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + count + " task(s) " + key + " in " + instance);
    }

    // ---- the browser ----

    /** Signs in as the user, opens the task, checks the form, claims, fills and completes it. */
    private void walk(Task task, String user, String formId, String label, Runnable fill) throws Exception {
        tasklist.login("tasklist", user, "demo");
        openAndCheck(task, formId, formId, label);
        tasklist.claim();
        fields();
        fill.run();
        complete(task, formId);
    }

    /** Opens the task's form (formId) as the signed-in user, who must be who gets it, and checks it. */
    private void openAndCheck(Task task, String formId, String name, String label) throws Exception {
        tasklist.openTask(task.getId(), label);
        fields();
        String visible = tasklist.checkTaskForm(taskService, task.getId(), formId);
        tasklist.screenshot("cycle-" + name);
        assertThat(visible).as(name + ": not claimed yet").contains("认领");
    }

    private void complete(Task task, String name) throws Exception {
        tasklist.screenshot("cycle-" + name + "-filled");
        tasklist.clickButton("完成");
        tasklist.until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
    }

    private void fields() {
        tasklist.until(d -> !d.findElements(By.cssSelector(".fjs-container .fjs-form-field")).isEmpty());
    }

    private String fieldValue(String labelStart) {
        return tasklist.field(labelStart).findElement(By.cssSelector("textarea, input")).getAttribute("value");
    }

    private void textarea(String labelStart, String value) {
        type("textarea", labelStart, value);
    }

    private void textfield(String labelStart, String value) {
        type("input", labelStart, value);
    }

    private void type(String tag, String labelStart, String value) {
        WebElement input = tasklist.field(labelStart).findElement(By.cssSelector(tag));
        input.clear();
        input.sendKeys(value);
    }

    private void checkbox(String labelStart) {
        tasklist.radio(labelStart);
    }
}
