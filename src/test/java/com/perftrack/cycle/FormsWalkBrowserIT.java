package com.perftrack.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.kpi.FigureService;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TasklistBrowser;
import com.perftrack.support.TestCompanies;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Walks the human steps' forms in a Chinese Tasklist (headless Chromium, zh-CN, 1280 px wide) as the
 * user who gets the task: the form shows no raw template text, no "undefined" or "NaN", no field wider
 * than the form, and a person can claim and complete it. Leaves target/screenshots/form-&lt;formId&gt;.png.
 *
 * <p>Runs in Debian's chromium (ChromeDriver, Chinese locale) through {@link com.perftrack.support.TasklistBrowser}.</p>
 */
@IntegrationTest
class FormsWalkBrowserIT {

    static final String COMPANY = "CYC";

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    org.camunda.bpm.engine.RepositoryService repositoryService;
    @Autowired
    FigureService figures;
    @Autowired
    IdentityService identityService;
    @Autowired
    ManagementService managementService;

    Api api;
    TasklistBrowser tasklist;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, COMPANY);
        assertThat(api.postFile("/api/imports/organisation", MonthlyCycleIT.ADMIN, "cyc.csv",
                MonthlyCycleIT.bytes(MonthlyCycleIT.ORGANISATION)).status()).isEqualTo(200);
        tasklist = new TasklistBrowser(port, 1280, 1000);
    }

    @AfterEach
    void tearDown(TestInfo test) throws Exception {
        if (tasklist != null) {
            tasklist.screenshot("form-last-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
            tasklist.close();
        }
    }

    // ---- special-contribution-award ----

    private String startSpecialAward() {
        // as the secretary-general; the REST start takes only the start form's fields, its company is the nominee's
        identityService.setAuthentication("secgen", List.of("secretary-general"), List.of(COMPANY));
        try {
            return runtimeService.createProcessInstanceByKey("special-contribution-award")
                    .setVariables(Map.of("awardPersonCode", "CYC-P1", "awardContribution", "攻下华东区最大客户，年合同额 800 万",
                            "awardProposal", "奖金 5000 元"))
                    .execute().getId();
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void special_award_hr_review() throws Exception {
        Task task = task(startSpecialAward(), "Task_ReviewSpecialAward");
        walk(task, "hr.head", "special-contribution-award-review", "人力资源部审核", () -> {
            tasklist.radio("同意，报总经理");
            textarea("理由", "贡献突出，材料齐全");
        });
    }

    @Test
    void special_award_gm_decision() throws Exception {
        String instance = startSpecialAward();
        Task review = task(instance, "Task_ReviewSpecialAward");
        identityService.setAuthentication("hr.head", List.of("hr"), List.of(COMPANY));
        try {
            taskService.claim(review.getId(), "hr.head");
            taskService.complete(review.getId(), Map.of("hrDecision", "support", "hrDecisionReason", "贡献突出，材料齐全"));
        } finally {
            identityService.clearAuthentication();
        }
        Task task = task(instance, "Task_DecideSpecialAward");
        walk(task, "gm", "special-contribution-award-decide", "总经理决定", () -> {
            tasklist.radio("批准");
            textarea("理由", "同意人力资源部意见");
        });
    }

    @Test
    void special_award_start_in_the_start_process_dialog() throws Exception {
        // secgen belongs to several companies: the instance goes to the default company, DEMO, whose person FW-DEMO-P1 is
        assertThat(api.postFile("/api/imports/organisation", MonthlyCycleIT.ADMIN, "demo.csv", MonthlyCycleIT.bytes(
                "unit_type,code,name,parent_code,user_id,email,role\n"
                        + "company,DEMO,演示公司,,gm,,production\n"
                        + "department,FW-DEMO-SALES,演示销售部,DEMO,sales.head,,sales\n"
                        + "person,FW-DEMO-P1,马芳,FW-DEMO-SALES,sales1,,employee\n")).status()).isEqualTo(200);
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("special-contribution-award")
                .processInstanceBusinessKey("FW-DEMO-P1").count();
        walkStart("secgen", "特殊贡献奖", "special-contribution-award", "special-contribution-award-start", "员工编码", () -> {
            textfield("员工编码", "FW-DEMO-P1");
            textarea("突出贡献", "攻下华东区最大客户，年合同额 800 万");
            textfield("建议奖励", "奖金 5000 元");
        });
        tasklist.until(d -> runtimeService.createProcessInstanceQuery().processDefinitionKey("special-contribution-award")
                .processInstanceBusinessKey("FW-DEMO-P1").count() > before);
    }

    @Test
    void start_monthly_cycle_in_the_start_process_dialog() throws Exception {
        walkStart("secgen", "月度业绩跟踪周期", "monthly-tracking-cycle", "start-monthly-cycle", "期间", () -> {
            // the form's own check speaks Chinese too (form-js writes "Field must match pattern ^…$")
            textfield("期间", "2022-5");
            tasklist.settle();
            tasklist.until(d -> tasklist.text().contains("格式不符"));
            assertThat(tasklist.text()).doesNotContain("Field must").doesNotContain("Field is required");
            try {
                tasklist.screenshot("form-start-monthly-cycle-pattern");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            textfield("期间", "2022-05"); // the field is cleared first
            textfield("公司代码", COMPANY);
        });
        tasklist.until(d -> runtimeService.createProcessInstanceQuery().processDefinitionKey("monthly-tracking-cycle")
                .processInstanceBusinessKey("2022-05").tenantIdIn(COMPANY).count() == 1);
    }

    // ---- the cycle's follow-ups of a late collection ----

    private String startCycle(String company, String period) {
        var started = api.postJson("/engine-rest/process-definition/key/monthly-tracking-cycle/start", "secgen",
                Map.of("variables", Map.of("period", MonthlyCycleIT.string(period),
                        "companyCode", MonthlyCycleIT.string(company))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return started.json().get("id").asText();
    }

    @Test
    void request_missing_data() throws Exception {
        String instance = startCycle(COMPANY, "2022-01");
        task(instance, "Task_SubmitSalesInformation");
        // the reminder timer fires and its async step mails the departments; the IT has no SMTP server
        // (that job would fail), so the instance is moved to the HR task the reminder leads to
        runJob(instance, "Timer_CollectionReminder");
        runtimeService.createProcessInstanceModification(instance).startBeforeActivity("Task_RequestMissingData")
                .execute();
        Task task = task(instance, "Task_RequestMissingData");
        walk(task, "hr.head", "request-missing-data", "给各部门的催收说明",
                () -> textarea("给各部门的催收说明", "请各部门于本周五前补齐数据"));
    }

    @Test
    void follow_up_late_collection() throws Exception {
        String instance = startCycle(COMPANY, "2022-02");
        task(instance, "Task_SubmitSalesInformation");
        // as above: the overdue timer fires, its mail step is skipped (no SMTP server in the IT)
        runJob(instance, "Timer_CollectionEscalation");
        runtimeService.createProcessInstanceModification(instance).startBeforeActivity("Task_FollowUpLateCollection")
                .execute();
        Task task = task(instance, "Task_FollowUpLateCollection");
        walk(task, "secgen", "follow-up-late-collection", "秘书长催办意见",
                () -> textarea("秘书长催办意见", "已电话催办销售部"));
    }

    @Test
    void confirm_findings() throws Exception {
        // the meeting of a fresh cycle recorded no finding: the instance is moved straight to the confirmation
        String instance = startCycle(COMPANY, "2022-03");
        task(instance, "Task_SubmitSalesInformation");
        runtimeService.createProcessInstanceModification(instance).startBeforeActivity("Task_ConfirmFindings").execute();
        Task task = task(instance, "Task_ConfirmFindings");
        walk(task, "secgen", "confirm-findings", "秘书长意见", () -> {
            tasklist.radio("全部确认");
            textarea("秘书长意见", "本期无问题");
        });
    }

    private void runJob(String instance, String activityId) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            var jobs = managementService.createJobQuery().processInstanceId(instance).activityId(activityId).list();
            if (!jobs.isEmpty()) {
                managementService.executeJob(jobs.get(0).getId());
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no job at " + activityId + " in " + instance);
    }

    // ---- improvement-action ----

    @Test
    void improvement_action_follow_up_action() throws Exception {
        // an action past its deadline without an outcome: the instance starts at the secretary-general's
        // follow-up with the variables the opening and the overdue timer would have left
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("companyCode", COMPANY);
        variables.put("actionId", 9001L);
        variables.put("item", "华东区重点客户回访");
        variables.put("responsibleDepartment", "sales");
        variables.put("departmentName", "销售部");
        variables.put("followUpGroup", "secretary-general"); // four eyes: set when the action opens
        variables.put("actionDeadline", "2022-06-30");
        variables.put("outcomeOverdueAt", "2099-01-01T00:00:00");
        String instance = runtimeService.createProcessInstanceByKey("improvement-action")
                .startBeforeActivity("Task_FollowUpOverdueAction").setVariables(variables).execute().getId();
        Task task = task(instance, "Task_FollowUpOverdueAction");
        walk(task, "secgen", "improvement-action-follow-up-action", "跟进记录",
                () -> textarea("跟进记录", "已列入下次质询会议议程"));
    }

    // ---- the cycle's collection tasks of departments only some company types have (committee-membership.dmn) ----

    static final String TYPED_COMPANIES = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,FWP,表单项目公司,,gm,,project-management\n"
            + "department,FWP-PM,项目管理部,FWP,pm.head,,project-management\n"
            + "department,FWP-CON,合同计划部,FWP,contract.head,,contract-planning\n"
            + "company,FWD,表单分销公司,,gm,,distribution\n"
            + "department,FWD-PUR,采购部,FWD,procurement.head,,procurement\n";

    @Test
    void submit_project_information() throws Exception {
        walkCollection("FWP", "2023-01", "Task_SubmitProjectInformation", "project-management", "pm.head",
                "submit-project-information", "项目计划与实际", () -> textarea("项目计划与实际", "计划 10 项，完成 9 项"));
    }

    @Test
    void submit_contract_information() throws Exception {
        walkCollection("FWP", "2023-02", "Task_SubmitContractInformation", "contract-planning", "contract.head",
                "submit-contract-information", "合同数据说明", () -> textarea("合同数据说明", "新签合同 3 份"));
    }

    @Test
    void submit_procurement_information() throws Exception {
        walkCollection("FWD", "2023-03", "Task_SubmitProcurementInformation", "procurement", "procurement.head",
                "submit-procurement-information", "采购计划与实际", () -> textarea("采购计划与实际", "计划 100 万，实际 95 万"));
    }

    private void walkCollection(String company, String period, String taskKey, String department, String user,
            String formId, String label, Runnable fill) throws Exception {
        TestCompanies.joinDemoCommittee(companies, company);
        assertThat(api.postFile("/api/imports/organisation", MonthlyCycleIT.ADMIN, "typed.csv",
                MonthlyCycleIT.bytes(TYPED_COMPANIES)).status()).isEqualTo(200);
        var started = api.postJson("/engine-rest/process-definition/key/monthly-tracking-cycle/start", "secgen",
                Map.of("variables", Map.of("period", MonthlyCycleIT.string(period),
                        "companyCode", MonthlyCycleIT.string(company))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        Task task = task(started.json().get("id").asText(), taskKey);
        // the department's figures arrive by import (the listener refuses completion while any is missing)
        StringBuilder csv = new StringBuilder("period,unit_type,unit_code,kpi_code,target,actual\n");
        for (String missing : figures.missingFigures(company, period, department)) {
            csv.append(period).append(",company,").append(company).append(',')
                    .append(missing.substring(0, missing.indexOf(' '))).append(",100,90\n");
        }
        if (csv.indexOf("\n") < csv.length() - 1) {
            var imported = api.postFile("/api/imports/figures", MonthlyCycleIT.ADMIN, period + ".csv",
                    MonthlyCycleIT.bytes(csv.toString()));
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        }
        assertThat(figures.missingFigures(company, period, department)).isEmpty();
        walk(task, user, formId, label, fill);
    }

    // ---- the walk ----

    /** Starts a process in Tasklist's 发起流程 dialog as the user, checking its start form like a task form. */
    private void walkStart(String user, String processName, String processKey, String formId, String label,
            Runnable fill) throws Exception {
        tasklist.login("tasklist", user, "demo");
        tasklist.openStartForm(processName, label);
        tasklist.checkStartForm(repositoryService, processKey, formId);
        fill.run();
        tasklist.screenshot("form-" + formId + "-filled");
        tasklist.clickButton("发起");
    }

    private Task task(String instance, String key) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).list();
            if (!tasks.isEmpty()) {
                return tasks.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no task " + key + " in " + instance);
    }

    /** Opens the task as the user, checks the form, claims it, fills it and completes it in the browser. */
    private void walk(Task task, String user, String formId, String label, Runnable fill) throws Exception {
        tasklist.login("tasklist", user, "demo");
        tasklist.openTask(task.getId(), label);
        tasklist.until(d -> !d.findElements(By.cssSelector(".fjs-container .fjs-form-field")).isEmpty());
        tasklist.checkTaskForm(taskService, task.getId(), formId);
        tasklist.claim();
        tasklist.until(d -> !d.findElements(By.cssSelector(".fjs-container .fjs-form-field")).isEmpty());
        fill.run();
        tasklist.screenshot("form-" + formId + "-filled");
        tasklist.clickButton("完成");
        tasklist.until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as(formId + " completed").isZero();
    }

    private void textarea(String labelStart, String value) {
        type("textarea", labelStart, value);
    }

    private void textfield(String labelStart, String value) {
        type("input", labelStart, value);
    }

    /** Types into the form field whose label starts with the text. */
    private void type(String tag, String labelStart, String value) {
        tasklist.until(d -> {
            for (WebElement field : d.findElements(By.cssSelector(".fjs-container .fjs-form-field"))) {
                List<WebElement> labels = field.findElements(By.cssSelector("label"));
                List<WebElement> inputs = field.findElements(By.cssSelector(tag));
                if (!labels.isEmpty() && !inputs.isEmpty() && labels.get(0).getText().trim().startsWith(labelStart)
                        && inputs.get(0).isDisplayed()) {
                    inputs.get(0).clear();
                    inputs.get(0).sendKeys(value);
                    return true;
                }
            }
            return false;
        });
    }
}
