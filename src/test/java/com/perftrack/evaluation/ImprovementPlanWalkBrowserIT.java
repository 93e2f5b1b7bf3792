package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.calendar.Quarter;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TasklistBrowser;
import com.perftrack.support.TestCompanies;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17 in the browser: an improvement plan after a written warning walked in a Chinese Tasklist
 * (headless Chromium, zh-CN, 1280 px) by the users who get each step: the department head
 * (sales.head) agrees the goals, the person (ipw.p1, 马芳) files a ten-day check-in, the head assesses
 * the month and records the result at the plan's date (timers executed by hand). Every form: Chinese
 * chrome, no raw template text, nothing wider than the form. Screenshots in target/screenshots/.
 *
 * <p>Runs in Debian's chromium (ChromeDriver, Chinese locale) through {@link com.perftrack.support.TasklistBrowser}.</p>
 */
@IntegrationTest
class ImprovementPlanWalkBrowserIT {

    static final String COMPANY = "IPW";
    static final String ADMIN = "admin:it-admin-secret";
    static final String ORGANISATION = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,IPW,改进计划演练公司,,gm,,production\n"
            + "department,IPW-SALES,销售部,IPW,sales.head,,sales\n"
            + "person,IPW-P1,马芳,IPW-SALES,ipw.p1,,employee\n";

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    @Autowired
    ImprovementPlanStarter starter;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    BusinessCalendar calendar;
    @Autowired
    ImprovementPlanService plans;
    @Autowired
    org.camunda.bpm.engine.IdentityService identity;
    TasklistBrowser tasklist;
    String plan;

    @BeforeEach
    void setUp() {
        Api api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, COMPANY);
        var imported = api.postFile("/api/imports/organisation", ADMIN, "ipw.csv",
                ORGANISATION.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        // the person user the import created has no password yet (and is nobody else's: other ITs' sales1)
        var person = identity.createUserQuery().userId("ipw.p1").singleResult();
        person.setPassword("demo");
        identity.saveUser(person);
        tasklist = new TasklistBrowser(port, 1280, 1000);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (tasklist != null) {
            tasklist.screenshot("plan-walk-last");
            tasklist.close();
        }
        if (plan != null && runtimeService.createProcessInstanceQuery().processInstanceId(plan).count() > 0) {
            runtimeService.deleteProcessInstance(plan, "walk ends");
        }
    }

    @Test
    void the_head_agrees_the_person_checks_in_and_the_head_assesses_and_records_the_result() throws Exception {
        // the WARNING of 2026-Q3 confirmed: the plan starts as on publication
        starter.on(new WarningConfirmed(Quarter.parse("2026-Q3"), "IPW-P1", COMPANY));
        plan = runtimeService.createProcessInstanceQuery().processDefinitionKey("improvement-plan")
                .processInstanceBusinessKey("2026-Q3:IPW-P1").singleResult().getId();
        // Task_OpenPlan: the job executor's (the clock is not moved here)
        // 40 days hold at least one month end: one monthly assessment at the least
        String end = calendar.today().plusDays(40).toString();

        walk(task("Task_AgreeGoals"), "sales.head", "improvement-plan-agree-goals", "改进目标", () -> {
            tasklist.type("textarea", "改进目标", "月销售额达到 90 万元，新客户 3 家");
            tasklist.type("input", "衡量指标", "月销售额（万元）");
            tasklist.type("input", "目标值", "90");
            tasklist.type("textarea", "提供的支持", "每周陪同拜访一次重点客户");
            tasklist.date("计划结束日期", end);
        }, "马芳 IPW-P1", "2026-Q3");
        assertThat(runtimeService.getVariable(plan, "planEndDate")).isEqualTo(end);

        runJob("Timer_CheckInDue");
        walk(task("Task_CheckIn"), "ipw.p1", "improvement-plan-check-in", "指标当前值", () -> {
            tasklist.type("input", "指标当前值", "35.5");
            tasklist.type("textarea", "本旬进展", "拜访重点客户 6 家，签约 1 家");
        }, "月销售额达到 90 万元", "月销售额（万元）");

        runJob("Timer_AssessmentDue");
        walk(task("Task_AssessMonth"), "sales.head", "improvement-plan-assess-month", "评估结论", () -> {
            tasklist.radio("落后于计划");
            tasklist.type("textarea", "评估意见", "本月 35.5 万元，落后于计划");
        }, "马芳 IPW-P1", "旬报 Check-in", "拜访重点客户 6 家");

        runJob("Timer_PlanEnds");
        walk(task("Task_RecordResult"), "sales.head", "improvement-plan-record-result", "结果", () -> {
            tasklist.radio("未达成");
            tasklist.type("textarea", "依据", "结束时月销售额 60 万元，未达到 90 万元");
        }, "马芳 IPW-P1", "月度评估 Assessment", "本月 35.5 万元，落后于计划");
        tasklist.until(d -> runtimeService.createProcessInstanceQuery().processInstanceId(plan).count() == 0);
        ImprovementPlan stored = plans.plansOf("IPW-P1").get(0);
        assertThat(stored.state()).isEqualTo("failed");
        assertThat(stored.targetValue()).isEqualByComparingTo("90");
        assertThat(stored.entries()).extracting(ImprovementPlan.Entry::kind).containsExactly("check_in", "assessment");
    }

    private void walk(Task task, String user, String formId, String label, Runnable fill, String... shows)
            throws Exception {
        tasklist.login("tasklist", user, "demo");
        tasklist.openTask(task.getId(), label);
        tasklist.until(d -> !d.findElements(By.cssSelector(".fjs-container .fjs-form-field")).isEmpty());
        String visible = tasklist.checkTaskForm(taskService, task.getId(), formId);
        assertThat(visible).as(formId + " in a Chinese Tasklist").contains("完成").doesNotContain("null");
        for (String shown : shows) {
            assertThat(visible).as(formId + " shows " + shown).contains(shown);
        }
        fill.run();
        tasklist.screenshot("form-" + formId + "-filled");
        tasklist.clickButton("完成");
        tasklist.until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
    }

    private Task task(String key) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            List<Task> tasks = taskService.createTaskQuery().processInstanceId(plan).taskDefinitionKey(key).list();
            if (!tasks.isEmpty()) {
                return tasks.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no task " + key);
    }

    /** Executes the earliest job of the activity now (a timer whose date has not come, or the async step). */
    private void runJob(String activityId) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(plan).activityId(activityId)
                    .orderByJobDuedate().asc().list();
            if (!jobs.isEmpty()) {
                managementService.executeJob(jobs.get(0).getId());
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no job at " + activityId);
    }
}
