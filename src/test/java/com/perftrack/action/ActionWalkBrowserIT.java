package com.perftrack.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.meeting.Finding;
import com.perftrack.meeting.FindingService;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TasklistBrowser;
import com.perftrack.support.TestCompanies;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 11 in the browser: an improvement action of the standing office (marketing) walked in a
 * Chinese Tasklist (headless Chromium, zh-CN, 1280 px) by the users who get each step. The author
 * picks the responsible person from the company's people, the secretary-general (four eyes: not
 * marketing) reviews it, the author files a ten-day report (timer executed by hand), the
 * secretary-general follows up a report three days late (its escalation mail reaches a GreenMail on
 * the IT profile's SMTP port), and the next meeting records an action's result. Issue 13: the report
 * is filed by the responsible person (an employee); a result "not improved" is reissued with a new
 * deadline, the next round closed by the committee with a reason, and the general manager gives an
 * instruction on the repeated failure (improvement-action-repeated-failure). Every form: Chinese
 * chrome, no raw template text, nothing wider than the form. Screenshots in target/screenshots/.
 *
 * <p>Runs in Debian's chromium (ChromeDriver, Chinese locale) through {@link com.perftrack.support.TasklistBrowser}.</p>
 */
@IntegrationTest
class ActionWalkBrowserIT {

    static final String COMPANY = "AWK";
    static final String ADMIN = "admin:it-admin-secret";
    static final String ORGANISATION = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,AWK,行动演练公司,,gm,,production\n"
            + "department,AWK-SALES,销售部,AWK,sales.head,,sales\n"
            + "department,AWK-MKT,市场部,AWK,marketing.head,,marketing\n"
            + "person,AWK-P1,马芳,AWK-SALES,sales1,,employee\n";

    /** The IT profile's spring.mail (localhost:2525): the escalation of a late report is mailed. */
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup(2525, "127.0.0.1", "smtp"));

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    @Autowired
    FindingService findings;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    BusinessCalendar calendar;

    Api api;
    TasklistBrowser tasklist;
    final List<String> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, COMPANY);
        var imported = api.postFile("/api/imports/organisation", ADMIN, "awk.csv",
                ORGANISATION.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        tasklist = new TasklistBrowser(port, 1280, 1000);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (tasklist != null) {
            tasklist.screenshot("action-walk-last");
            tasklist.close();
        }
        // nothing of this walk keeps timers running for the other ITs
        for (String instance : started) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
                runtimeService.deleteProcessInstance(instance, "walk ends");
            }
        }
    }

    @Test
    void marketings_own_action_is_written_with_pickers_reviewed_by_the_secretary_general_reported_and_followed_up()
            throws Exception {
        String deadline = calendar.today().plusDays(25).toString();
        String action = startAction(finding("客户满意度低于目标 5 个百分点", "marketing"), "marketing");

        // improvement-action-write: a hand-made completion naming a stranger is refused with one sentence
        Task write = task(action, "Task_WriteActionForm");
        assertThat(write.getAssignee()).isEqualTo("marketing.head");
        Map<String, Object> stranger = new LinkedHashMap<>();
        stranger.put("item", string("客户满意度回升"));
        stranger.put("deadline", string(deadline));
        stranger.put("responsiblePerson", string("mallory"));
        stranger.put("expectedResult", string("CUSTOMER_SATISFACTION 从 85% 提升至 90%"));
        stranger.put("measures", string("每月回访重点客户"));
        var refused = api.postJson("/engine-rest/task/" + write.getId() + "/complete", "marketing.head",
                Map.of("variables", stranger));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("message").asText()).contains("不是本公司的用户").doesNotContain("ENGINE-");

        walk(write, "marketing.head", "improvement-action-write", "改进措施", () -> {
            assertThat(selectShown("责任部门")).as("the department by name, from the list").isEqualTo("市场部");
            pick("责任人", "马芳");
            date("完成期限", deadline);
            textarea("预期结果", "CUSTOMER_SATISFACTION 从 85% 提升至 90%");
        });
        assertThat(runtimeService.getVariable(action, "responsiblePerson")).isEqualTo("sales1");
        assertThat(runtimeService.getVariable(action, "deadline")).isEqualTo(deadline);

        // improvement-action-review: four eyes give marketing's own action to the secretary-general
        Task review = task(action, "Task_ReviewSmart");
        assertThat(candidateGroups(review)).containsExactly("secretary-general");
        walk(review, "secgen", "improvement-action-review", "S 具体", () -> {
            for (String item : List.of("S 具体", "M 可衡量", "A 可实现", "R 相关", "T 有时限")) {
                checkbox(item);
            }
            textarea("审核意见", "符合 SMART，同意执行");
        }, "陈敏", "马芳");

        // improvement-action-report: the first ten-day date comes (its timer executed now); the report is
        // the responsible person's (马芳, sales1), the manager gets reminders and escalations (issue 13)
        runJob(action, "Timer_NextReportDue");
        Task report = task(action, "Task_SubmitTenDayReport");
        assertThat(report.getAssignee()).isEqualTo("sales1");
        walk(report, "sales1", "improvement-action-report", "完成进度", () -> {
            number("完成进度", "30");
            number("量化指标当前值", "87.5");
            textarea("进展说明", "已回访 12 家重点客户");
        });
        long actionId = ((Number) runtimeService.getVariable(action, "actionId")).longValue();
        JsonNode details = api.get("/api/actions/" + actionId, "secgen").json();
        assertThat(details.get("reports")).hasSize(1);
        assertThat(details.get("reports").get(0).get("progressPct").decimalValue()).isEqualByComparingTo("30");

        // improvement-action-follow-up-report: the next report is three days late; the mail goes out
        runJob(action, "Timer_NextReportDue");
        runJob(action, "Timer_ReportEscalation");
        Task followUp = task(action, "Task_FollowUpOverdueReport");
        assertThat(candidateGroups(followUp)).containsExactly("secretary-general");
        assertThat(mail.getReceivedMessages()).extracting(m -> m.getSubject()).anyMatch(s -> s.contains("旬报逾期三天"));
        walk(followUp, "secgen", "improvement-action-follow-up-report", "跟进记录",
                () -> textarea("跟进记录", "已电话催办市场部，周五前补交"), "市场部", "陈敏");

        // the dashboard lists the action once, by names
        JsonNode rows = api.get("/api/dashboard/actions?status=open&companyCode=" + COMPANY, "secgen").json();
        JsonNode row = rowOf(rows, actionId);
        assertThat(row.get("departmentNames").asText()).isEqualTo("市场部");
        assertThat(row.get("ownerName").asText()).isEqualTo("陈敏");
        assertThat(row.get("responsiblePersonName").asText()).isEqualTo("马芳");
        // an employee sees the actions they are responsible for, nobody else's
        JsonNode own = api.get("/api/dashboard/actions?companyCode=" + COMPANY, "sales1").json();
        assertThat(rowOf(own, actionId).get("ownerName").asText()).isEqualTo("陈敏");
        own.forEach(r -> assertThat(r.get("responsiblePersonName").asText()).isEqualTo("马芳"));
    }

    @Test
    void the_next_meeting_records_an_actions_result_and_the_dashboard_shows_a_cross_department_action_once()
            throws Exception {
        String action = startAction(finding("华东区销售额低于计划 12%", "sales"), "sales");
        long actionId = writtenAndReviewed(action);

        // a cross-department finding: one process per department, one row on the dashboard
        long cross = finding("新客户数低于计划", "sales,marketing");
        String salesPart = startAction(cross, "sales");
        String marketingPart = startAction(cross, "marketing");
        task(salesPart, "Task_WriteActionForm");
        task(marketingPart, "Task_WriteActionForm");
        JsonNode rows = api.get("/api/dashboard/actions?status=open&companyCode=" + COMPANY, "secgen").json();
        long crossSales = ((Number) runtimeService.getVariable(salesPart, "actionId")).longValue();
        JsonNode crossRow = rowOf(rows, crossSales);
        assertThat(crossRow.get("actionIds")).hasSize(2);
        assertThat(crossRow.get("departmentNames").asText()).isEqualTo("销售部、市场部");
        assertThat(crossRow.get("ownerName").asText()).isEqualTo("张伟");
        int crossRows = 0;
        for (JsonNode r : rows) {
            crossRows += r.get("findingId").asLong() == cross ? 1 : 0;
        }
        assertThat(crossRows).as("the parts of a cross-department action make one row").isEqualTo(1);
        assertThat(rowOf(rows, actionId).get("ownerName").asText()).isEqualTo("刘军");
        dashboardShowsOneRowByNames(cross);

        // record-action-result: the next cycle's meeting reaches the action on its agenda; the cycle starts at
        // that step with the agenda's follow-up list (the steps before it are walked by the cycle's own tests)
        Map<String, Object> variables = new HashMap<>();
        variables.put("period", calendar.today().withDayOfMonth(1).minusMonths(1).toString().substring(0, 7));
        variables.put("companyCode", COMPANY);
        variables.put("followUpActionIds", new ArrayList<>(List.of(actionId)));
        String cycle = runtimeService.createProcessInstanceByKey("monthly-tracking-cycle")
                .startBeforeActivity("Task_RecordActionResult#multiInstanceBody").setVariables(variables).execute().getId();
        started.add(cycle);
        Task result = task(cycle, "Task_RecordActionResult");
        walk(result, "marketing.head", "record-action-result", "结果", () -> {
            tasklist.radio("已改善");
            textarea("经验分享", "重点客户周访，华东区销售额回升 8%");
        }, "华东区销售额回升");
        JsonNode done = awaitJson(() -> {
            JsonNode a = api.get("/api/actions/" + actionId, "secgen").json();
            return "DONE".equals(a.get("status").asText()) ? a : null;
        });
        assertThat(done.get("outcome").asText()).isEqualTo("IMPROVED");
        assertThat(done.get("outcomeNote").asText()).contains("重点客户周访");
        awaitJson(() -> runtimeService.createProcessInstanceQuery().processInstanceId(action).count() == 0
                ? api.get("/api/actions/" + actionId, "secgen").json() : null);
    }

    @Test
    void not_improved_twice_is_reissued_then_closed_by_the_committee_and_instructed_by_the_general_manager()
            throws Exception {
        String action = startAction(finding("华东区销售额低于计划 12%", "sales"), "sales");
        long actionId = writtenAndReviewed(action);

        // record-action-result, not improved: why, and the default decision (reissue) with a new deadline
        String newDeadline = calendar.today().plusDays(40).toString();
        String cycle = meetingReaches(actionId);
        walk(task(cycle, "Task_RecordActionResult"), "marketing.head", "record-action-result", "结果", () -> {
            tasklist.radio("未改善");
            assertThat(tasklist.text()).as("reissue is the default").contains("再次下发跟进行动（默认）");
            date("新期限", newDeadline);
            textarea("经验分享", "重点客户拜访未落实，华东区仍低于计划 10%");
        }, "华东区销售额回升");
        JsonNode next = awaitJson(() -> {
            for (JsonNode a : api.get("/api/actions?status=open&department=sales", "secgen").json()) {
                if (a.hasNonNull("reissuedFrom") && a.get("reissuedFrom").asLong() == actionId) {
                    return a;
                }
            }
            return null;
        });
        assertThat(api.get("/api/actions/" + actionId, "secgen").json().get("state").asText()).isEqualTo("reissued");
        assertThat(next.get("round").asInt()).isEqualTo(2);
        String secondRound = next.get("processInstanceId").asText();
        started.add(secondRound);
        assertThat(runtimeService.getVariable(secondRound, "deadline")).isEqualTo(newDeadline);
        long secondId = writtenAndReviewed(secondRound);
        runtimeService.deleteProcessInstance(cycle, "the next month's meeting comes");

        // record-action-result again: not improved, and this time the committee closes it with a reason
        String nextCycle = meetingReaches(secondId);
        walk(task(nextCycle, "Task_RecordActionResult"), "marketing.head", "record-action-result", "结果", () -> {
            tasklist.radio("未改善");
            textarea("经验分享", "市场萎缩，拜访无效");
            tasklist.radio("委员会决定关闭");
            textarea("委员会关闭的理由", "外部市场原因，转入年度战略议题");
        }, "再次下发 reissued");

        // improvement-action-repeated-failure: the second not improved in a row reaches the general manager
        Task instruct = task(secondRound, "Task_ChairReviewRepeated");
        assertThat(instruct.getAssignee()).isEqualTo("gm");
        assertThat(mail.getReceivedMessages()).extracting(m -> m.getSubject()).anyMatch(s -> s.contains("连续未改善"));
        walk(instruct, "gm", "improvement-action-repeated-failure", "总经理批示", () -> textarea("总经理批示",
                "由销售副总牵头制定区域调整方案，下月汇报"), "连续第 2 次未改善", "外部市场原因");
        JsonNode closed = awaitJson(() -> {
            JsonNode a = api.get("/api/actions/" + secondId, "secgen").json();
            return a.hasNonNull("chairInstruction") ? a : null;
        });
        assertThat(closed.get("state").asText()).isEqualTo("closed");
        assertThat(closed.get("closeReason").asText()).isEqualTo("外部市场原因，转入年度战略议题");
        assertThat(closed.get("chairInstruction").asText()).startsWith("由销售副总牵头");
    }

    /** The next cycle's meeting reaches the action on its agenda: the cycle starts at the result step. */
    private String meetingReaches(long actionId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("period", calendar.today().withDayOfMonth(1).minusMonths(1).toString().substring(0, 7));
        variables.put("companyCode", COMPANY);
        variables.put("followUpActionIds", new ArrayList<>(List.of(actionId)));
        String cycle = runtimeService.createProcessInstanceByKey("monthly-tracking-cycle")
                .startBeforeActivity("Task_RecordActionResult#multiInstanceBody").setVariables(variables).execute().getId();
        started.add(cycle);
        return cycle;
    }

    /** The dashboard page (as the secretary-general, company AWK): the cross-department action once, by names. */
    private void dashboardShowsOneRowByNames(long crossFinding) throws Exception {
        var browser = tasklist.browser;
        browser.manage().deleteAllCookies();
        browser.get("http://127.0.0.1:" + port + "/");
        tasklist.until(d -> d.getCurrentUrl().contains("/login"));
        browser.findElement(By.name("username")).sendKeys("secgen");
        browser.findElement(By.name("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        tasklist.until(d -> !d.findElements(By.cssSelector("#company option[value=" + COMPANY + "]")).isEmpty());
        new Select(browser.findElement(By.id("company"))).selectByValue(COMPANY);
        String table = tasklist.until(d -> {
            String text = d.findElement(By.id("actions")).getText();
            return text.contains("销售部、市场部") ? text : null;
        });
        tasklist.js("document.getElementById('actions').scrollIntoView({block: 'center'});");
        tasklist.screenshot("dashboard-actions");
        assertThat(table).contains("张伟").contains("刘军").doesNotContain("sales.head").doesNotContain("gm ");
        long crossRows = browser.findElements(By.cssSelector("#actions tr[data-action]")).stream()
                .filter(r -> r.getText().contains("销售部、市场部")).count();
        assertThat(crossRows).as("finding " + crossFinding + " is one row").isEqualTo(1);
    }

    // ---- set-up ----

    private long finding(String title, String departments) {
        return findings.create(new Finding(null, COMPANY, "2026-10", departments.split(",")[0], "SALES_AMOUNT", title,
                "-12%", "重点客户拜访不足", "internal", "-120 万", "加强拜访", null, departments, "每周拜访重点客户",
                null, "secgen", null));
    }

    private String startAction(long findingId, String department) {
        String id = runtimeService.startProcessInstanceByKey("improvement-action", "F" + findingId + "-" + department,
                Map.of("findingId", findingId, "responsibleDepartment", department, "companyCode", COMPANY,
                        "period", "2026-10")).getId();
        started.add(id);
        return id;
    }

    /** The sales action written by its head and passed by the standing office through the REST API. */
    private long writtenAndReviewed(String action) throws InterruptedException {
        Task write = task(action, "Task_WriteActionForm");
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("item", string("华东区销售额回升"));
        form.put("deadline", string(calendar.today().plusDays(20).toString()));
        form.put("responsiblePerson", string("sales1"));
        form.put("expectedResult", string("SALES_AMOUNT 提升 15% 至 115 万"));
        form.put("measures", string("每周拜访重点客户 3 家"));
        var written = api.postJson("/engine-rest/task/" + write.getId() + "/complete", "sales.head",
                Map.of("variables", form));
        assertThat(written.status()).as(written.body()).isEqualTo(204);
        Task review = task(action, "Task_ReviewSmart");
        assertThat(candidateGroups(review)).containsExactly("marketing");
        var claimed = api.postJson("/engine-rest/task/" + review.getId() + "/claim", "marketing.head",
                Map.of("userId", "marketing.head"));
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
        Map<String, Object> checklist = new LinkedHashMap<>();
        for (String item : List.of("smartSpecific", "smartMeasurable", "smartAchievable", "smartRelevant", "smartTimeBound")) {
            checklist.put(item, Map.of("value", true, "type", "Boolean"));
        }
        var reviewed = api.postJson("/engine-rest/task/" + review.getId() + "/complete", "marketing.head",
                Map.of("variables", checklist));
        assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(204);
        long actionId = ((Number) runtimeService.getVariable(action, "actionId")).longValue();
        awaitJson(() -> {
            JsonNode a = api.get("/api/actions/" + actionId, "secgen").json();
            return "OPEN".equals(a.get("status").asText()) ? a : null;
        });
        return actionId;
    }

    private static Map<String, Object> string(String value) {
        return Map.of("value", value, "type", "String");
    }

    private Task task(String instance, String key) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key)
                    .orderByTaskCreateTime().desc().list();
            if (!tasks.isEmpty()) {
                return tasks.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no task " + key + " in " + instance);
    }

    /** Executes the earliest job of the activity now (a timer whose date has not come, or an async step). */
    private void runJob(String instance, String activityId) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(instance).activityId(activityId)
                    .orderByJobDuedate().asc().list();
            if (!jobs.isEmpty()) {
                managementService.executeJob(jobs.get(0).getId());
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no job at " + activityId + " in " + instance);
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).map(l -> l.getGroupId()).toList();
    }

    private static JsonNode rowOf(JsonNode rows, long actionId) {
        for (JsonNode row : rows) {
            for (JsonNode id : row.get("actionIds")) {
                if (id.asLong() == actionId) {
                    return row;
                }
            }
        }
        throw new AssertionError("action " + actionId + " not in " + rows);
    }

    private static JsonNode awaitJson(java.util.function.Supplier<JsonNode> probe) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            JsonNode value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("condition not reached within 30 s");
    }

    // ---- the walk ----

    /**
     * Opens the task as the user, checks the form (and that it shows the given names), claims it when it
     * is not assigned yet, fills it and completes it in the browser.
     */
    private void walk(Task task, String user, String formId, String label, Runnable fill, String... shows)
            throws Exception {
        tasklist.login("tasklist", user, "demo");
        tasklist.openTask(task.getId(), label);
        tasklist.until(d -> !d.findElements(By.cssSelector(".fjs-container .fjs-form-field")).isEmpty());
        checkForm(task, formId);
        String visible = tasklist.text();
        for (String name : shows) {
            assertThat(visible).as(formId + " shows " + name).contains(name);
        }
        if (task.getAssignee() == null) {
            tasklist.claim();
            tasklist.until(d -> !d.findElements(By.cssSelector(".fjs-container .fjs-form-field")).isEmpty());
        }
        fill.run();
        tasklist.screenshot("form-" + formId + "-filled");
        tasklist.clickButton("完成");
        tasklist.until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
    }

    /** Chinese chrome, no raw template text, nothing wider than the form at 1280 px. */
    private void checkForm(Task task, String formId) throws Exception {
        String visible = tasklist.checkTaskForm(taskService, task.getId(), formId);
        assertThat(visible).as(formId + " in a Chinese Tasklist").contains("完成").doesNotContain("Claim")
                .doesNotContain("Add a comment").doesNotContain("null");
    }

    /** The form field (label starting with the text) of the form. */
    private WebElement field(String labelStart) {
        return tasklist.until(d -> d.findElements(By.cssSelector(".fjs-container .fjs-form-field")).stream()
                .filter(f -> f.isDisplayed() && !f.findElements(By.cssSelector("label")).isEmpty()
                        && f.findElements(By.cssSelector("label")).get(0).getText().trim().startsWith(labelStart))
                .findFirst().orElse(null));
    }

    /** What a select shows (its chosen option's label). */
    private String selectShown(String labelStart) {
        WebElement select = field(labelStart);
        List<WebElement> display = select.findElements(By.cssSelector(".fjs-select-display"));
        if (!display.isEmpty()) {
            return display.get(0).getText().trim();
        }
        return select.findElement(By.cssSelector("input.fjs-input")).getAttribute("value").trim();
    }

    /** Opens a select and clicks the option with this label: a choice from the list, nothing typed as a code. */
    private void pick(String labelStart, String optionLabel) {
        WebElement select = field(labelStart);
        List<WebElement> search = select.findElements(By.cssSelector("input.fjs-input"));
        WebElement opener = search.isEmpty() ? select.findElement(By.cssSelector(".fjs-select-display")) : search.get(0);
        tasklist.js("arguments[0].scrollIntoView({block: 'center'});", opener);
        opener.click();
        if (!search.isEmpty()) {
            search.get(0).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        }
        WebElement option = tasklist.until(d -> select.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                .filter(o -> o.getText().trim().equals(optionLabel)).findFirst().orElse(null));
        option.click();
        tasklist.until(d -> selectShown(labelStart).equals(optionLabel));
    }

    /** Sets a date field through its date picker, as a click in the calendar would. */
    private void date(String labelStart, String isoDate) {
        WebElement input = field(labelStart).findElement(By.cssSelector("input.fjs-input"));
        tasklist.js("var p = arguments[1].split('-');"
                + "arguments[0]._flatpickr.setDate(new Date(+p[0], +p[1] - 1, +p[2]), true);", input, isoDate);
        input.sendKeys(Keys.ESCAPE);
    }

    private void checkbox(String labelStart) {
        WebElement box = field(labelStart).findElement(By.cssSelector("input[type=checkbox]"));
        tasklist.js("arguments[0].scrollIntoView({block: 'center'});", box);
        box.click();
        tasklist.until(d -> box.isSelected());
    }

    private void textarea(String labelStart, String value) {
        type(field(labelStart).findElement(By.cssSelector("textarea")), value);
    }

    private void number(String labelStart, String value) {
        type(field(labelStart).findElement(By.cssSelector("input")), value);
    }

    private void type(WebElement input, String value) {
        tasklist.js("arguments[0].scrollIntoView({block: 'center'});", input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(value);
    }
}
