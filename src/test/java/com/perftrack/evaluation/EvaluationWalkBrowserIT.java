package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.calendar.Quarter;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TasklistBrowser;
import com.perftrack.support.TestCompanies;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The quarterly evaluation and an appeal walked in a Chinese Tasklist (headless Chromium, zh-CN,
 * 1280 px) as the users who get each step: every form shows names beside codes, outcomes in Chinese
 * and scores as percentages, no raw template text, nothing wider than the form; people are picked
 * from lists. Company EWK (its own, so other ITs are undisturbed), one sales department (head
 * sales.head) with three people, SALES_AMOUNT target 100 a month in 2024:
 * <ul>
 * <li>EWK-P1 林晓 120 every month: 120%, rank 1 of 3, the one bonus (⌈10% × 3⌉ = 1);</li>
 * <li>EWK-P2 周航 90 every month: below target since Q1 → Q3 fine (confirmed before the walk); the
 *     improvement plan after the Q2 warning failed (what a termination review needs, issue 17); Q4 the
 *     fourth quarter → demotion/transfer review;</li>
 * <li>EWK-P3 吴静 100, in Q4 97, 99, 100 = 296 / 300 = 98.67%, rank 2: below once, no outcome; HR gives a
 *     written warning anyway (with a reason) and 吴静 appeals it.</li>
 * </ul>
 * Screenshots: target/screenshots/form-&lt;formId&gt;(-filled).png.
 *
 * <p>Runs in Debian's chromium (ChromeDriver, Chinese locale) through {@link com.perftrack.support.TasklistBrowser}.</p>
 */
@IntegrationTest
class EvaluationWalkBrowserIT {

    static final String ADMIN = "admin:it-admin-secret";
    static final String COMPANY = "EWK";
    static final String QUARTER = "2024-Q4";
    static final String APPELLANT = "ewk.p3";

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
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;
    @Autowired
    EvaluationService evaluations;
    @Autowired
    ImprovementPlanService plans;
    @Autowired
    com.perftrack.calendar.BusinessCalendar calendar;

    Api api;
    TasklistBrowser tasklist;

    @BeforeEach
    void company() {
        api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, COMPANY);
        var organisation = api.postFile("/api/imports/organisation", ADMIN, "ewk.csv", bytes(
                "unit_type,code,name,parent_code,user_id,email,role\n"
                        + "company,EWK,考核演练公司,,gm,,production\n"
                        + "department,EWK-SALES,销售部,EWK,sales.head,,sales\n"
                        + "person,EWK-P1,林晓,EWK-SALES,ewk.p1,,employee\n"
                        + "person,EWK-P2,周航,EWK-SALES,ewk.p2,,employee\n"
                        + "person,EWK-P3,吴静,EWK-SALES,ewk.p3,,employee\n"));
        assertThat(organisation.status()).as(organisation.body()).isEqualTo(200);
        StringBuilder figures = new StringBuilder("period,unit_type,unit_code,kpi_code,target,actual\n");
        int[] p3q4 = {97, 99, 100};
        for (int month = 1; month <= 12; month++) {
            String period = String.format("2024-%02d", month);
            figures.append(period).append(",person,EWK-P1,SALES_AMOUNT,100,120\n");
            figures.append(period).append(",person,EWK-P2,SALES_AMOUNT,100,90\n");
            figures.append(period).append(",person,EWK-P3,SALES_AMOUNT,100,")
                    .append(month >= 10 ? p3q4[month - 10] : 100).append('\n');
        }
        var imported = api.postFile("/api/imports/figures", ADMIN, "ewk-2024.csv", bytes(figures.toString()));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        // the person users the import created have no password; the appellant signs in to Tasklist
        var appellant = identityService.createUserQuery().userId(APPELLANT).singleResult();
        appellant.setPassword("demo");
        identityService.saveUser(appellant);
        // Q3 was published before; 周航's improvement plan after the 2024-Q2 warning failed: what a
        // termination review needs (issue 17), and what HR and the general manager see before deciding
        Quarter q3 = Quarter.parse("2024-Q3");
        if (!evaluations.isOpenOrDone(q3, COMPANY)) {
            evaluations.registerRun(q3, COMPANY, "published-before-the-walk");
            evaluations.evaluate(q3, COMPANY);
            evaluations.publish(q3, COMPANY, "hr.head", "gm");
        }
        if (!plans.hasFailedPlan("EWK-P2")) {
            long plan = plans.open(Quarter.parse("2024-Q2"), "EWK-P2", COMPANY).planId();
            plans.agree(plan, "月销售额达到 100 万元", "月销售额（万元）", new java.math.BigDecimal("100"), "每周陪访",
                    calendar.today().plusDays(30).toString(), "sales.head");
            plans.close(plan, "failed", "三个月均未达到 100 万元", "sales.head");
        }
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (tasklist != null) {
            tasklist.screenshot("form-last-evaluation-walk");
            tasklist.close();
        }
    }

    @Test
    void a_quarter_is_evaluated_confirmed_approved_published_and_appealed_in_tasklist() throws Exception {
        tasklist = new TasklistBrowser(port, 1280, 1000);

        // HR opens the quarter in the 发起流程 dialog
        tasklist.login("tasklist", "hr.head", "demo");
        tasklist.openStartForm("季度业绩考核", "季度");
        tasklist.checkStartForm(repositoryService, "quarterly-evaluation", "quarterly-evaluation-start");
        tasklist.type("input", "季度", QUARTER);
        tasklist.type("input", "公司代码", COMPANY);
        tasklist.screenshot("form-evaluation-start-filled");
        tasklist.clickButton("发起");
        String evaluation = tasklist.until(d -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("quarterly-evaluation").processInstanceBusinessKey(QUARTER).tenantIdIn(COMPANY)
                .list().stream().findFirst().map(p -> p.getId()).orElse(null));

        // HR: the table reads, one proposal changed through the person picker
        String table = open(task(evaluation, "Task_ConfirmProposals"), "hr.head", "quarterly-evaluation-confirm-proposals", "决定");
        assertThat(table).contains("林晓 EWK-P1", "考核演练公司 EWK", "120%", "1 / 3", "奖金", "98.67%", "降职/调岗评审")
                .doesNotContain("DEMOTION_OR_TRANSFER_REVIEW").doesNotContain("1.2000");
        tasklist.radio("修改一条建议");
        assertThat(tasklist.select("人员", "吴静 EWK-P3")).containsExactly("林晓 EWK-P1", "周航 EWK-P2", "吴静 EWK-P3");
        tasklist.select("改为", "书面警告 Written warning");
        tasklist.type("textarea", "修改理由", "第四季度 98.67%，连续走低，部门建议书面提醒");
        String changeRound = taskOf(evaluation, "Task_ConfirmProposals").getId();
        complete(changeRound, "evaluation-confirm-proposals-change");
        assertThat(evaluations.rows(Quarter.parse(QUARTER), COMPANY)).filteredOn(e -> e.personCode().equals("EWK-P3"))
                .singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo(Outcomes.WARNING));

        // HR again: confirms all and raises 周航's termination review from the picker of eligible people
        table = open(task(evaluation, "Task_ConfirmProposals"), "hr.head", "quarterly-evaluation-confirm-proposals", "决定");
        assertThat(table).contains("修改理由：第四季度 98.67%");
        tasklist.radio("全部确认");
        assertThat(table).as("the plan of the person with a demotion/transfer review").contains("改进计划 Plan（2024-Q2 警告）",
                "三个月均未达到 100 万元");
        assertThat(tasklist.select("提出解除劳动关系评审", "周航 EWK-P2（改进计划未达成 failed plan）"))
                .as("the failed plan first, the others only with HR's override").containsExactly(
                        "周航 EWK-P2（改进计划未达成 failed plan）", "林晓 EWK-P1（须特批 override only）",
                        "吴静 EWK-P3（须特批 override only）");
        complete(taskOf(evaluation, "Task_ConfirmProposals").getId(), "quarterly-evaluation-confirm-proposals");

        // the general manager approves the demotion/transfer review and the written warning
        table = open(task(evaluation, "Task_ApproveDisciplinary"), "gm", "quarterly-evaluation-approve-disciplinary", "决定");
        assertThat(table).contains("周航 EWK-P2", "降职/调岗评审", "书面警告", "改进计划 Plan（2024-Q2 警告）", "未达成 failed");
        tasklist.radio("批准");
        complete(taskOf(evaluation, "Task_ApproveDisciplinary").getId(), "quarterly-evaluation-approve-disciplinary");

        // published; the termination review: HR proposes, the general manager keeps the person
        String text = open(task(evaluation, "Task_DecideTerminationHr"), "hr.head", "quarterly-evaluation-decide-termination-hr", "决定");
        assertThat(text).contains("周航 EWK-P2", "改进计划未达成 The improvement plan failed", "三个月均未达到 100 万元");
        tasklist.radio("提议解除");
        tasklist.type("textarea", "理由与改进指导记录", "2024 年二、三季度警告与罚款后仍未改善");
        complete(taskOf(evaluation, "Task_DecideTerminationHr").getId(), "quarterly-evaluation-decide-termination-hr");
        text = open(task(evaluation, "Task_DecideTerminationGm"), "gm", "quarterly-evaluation-decide-termination-gm", "决定");
        assertThat(text).contains("周航 EWK-P2", "仍未改善", "改进计划未达成 The improvement plan failed");
        tasklist.radio("不解除");
        tasklist.type("textarea", "理由", "先按降职/调岗评审处理");
        complete(taskOf(evaluation, "Task_DecideTerminationGm").getId(), "quarterly-evaluation-decide-termination-gm");

        // Q4: annual awards picked by HR from the company's people, approved by the general manager from a table
        Task propose = task(evaluation, "Task_ProposeAnnualAwards");
        text = open(propose, "hr.head", "quarterly-evaluation-propose-annual-awards", "年终奖");
        assertThat(text).contains("林晓 EWK-P1", "120%", "98.67%", "年终奖", "晋升", "额外假期", "特殊贡献奖");
        assertThat((Object) tasklist.until(d -> tasklist.js("var p = Array.from(document.querySelectorAll('.fjs-taglist-input'))"
                + ".map(function (i) { return i.placeholder; }); return p.length === 4 ? p.join(',') : null;")))
                .as("form-js's English placeholder in Chinese (ptc/locale.js)").isEqualTo("搜索,搜索,搜索,搜索");
        // over REST the same lists (Json): a code nobody has, another company's person, a missing reason → 422
        fourEyesCompany(); // EWH-H1 has a 2024 score, in company EWH
        for (var refused : List.of(
                List.of("yearEndBonusPeople", "[\"NOBODY\"]", "「年终奖」中的人员 NOBODY 不是本公司 2024 年有考核得分的人员"),
                List.of("promotionPeople", "[\"EWH-H1\"]", "「晋升」中的人员 EWH-H1 不是本公司 2024 年有考核得分的人员"),
                List.of("extraLeavePeople", "[\"EWK-P1\"]", "请填写「额外假期」的理由。"))) {
            java.util.Map<String, Object> variables = new java.util.HashMap<>();
            variables.put(refused.get(0), java.util.Map.of("value", refused.get(1), "type", "Json"));
            if (!refused.get(0).equals("extraLeavePeople")) {
                variables.put(refused.get(0).replace("People", "Reason"), value("理由"));
            }
            var answer = api.postJson("/engine-rest/task/" + propose.getId() + "/complete", "hr.head",
                    java.util.Map.of("variables", variables));
            assertThat(answer.status()).as(answer.body()).isEqualTo(422);
            assertThat(answer.body()).contains(refused.get(2));
        }
        assertThat(taskOf(evaluation, "Task_ProposeAnnualAwards")).as("nothing changed").isNotNull();
        // best of the year first: 林晓 120% every quarter, 吴静 (100% + 100% + 100% + 98.67%) / 4 = 99.67%, 周航 90%
        assertThat(tasklist.tag("年终奖", "林晓 EWK-P1")).as("the company's people with a 2024 score, best first")
                .containsExactly("林晓 EWK-P1", "吴静 EWK-P3", "周航 EWK-P2");
        tasklist.type("textarea", "年终奖理由", "四个季度均居第一");
        tasklist.tag("特殊贡献奖", "林晓 EWK-P1");
        assertThat(tasklist.tag("特殊贡献奖", "吴静 EWK-P3")).as("林晓 is picked already")
                .containsExactly("吴静 EWK-P3", "周航 EWK-P2");
        tasklist.type("textarea", "特殊贡献奖理由", "带出两家新客户");
        complete(propose.getId(), "quarterly-evaluation-propose-annual-awards");
        text = open(task(evaluation, "Task_ApproveAnnualAwards"), "gm", "quarterly-evaluation-approve-annual-awards", "决定");
        assertThat(text).contains("林晓 EWK-P1", "年终奖", "四个季度均居第一", "吴静 EWK-P3", "特殊贡献奖", "带出两家新客户")
                .doesNotContain("YEAR_END_BONUS").doesNotContain("SPECIAL_CONTRIBUTION").doesNotContain("没有提议");
        tasklist.radio("批准");
        complete(taskOf(evaluation, "Task_ApproveAnnualAwards").getId(), "quarterly-evaluation-approve-annual-awards");
        tasklist.until(d -> runtimeService.createProcessInstanceQuery().processInstanceId(evaluation).count() == 0);
        var archive = api.get("/api/archive/EWK-P3", "hr.head");
        assertThat(archive.status()).isEqualTo(200);
        assertThat(archive.body()).contains("年度奖励：特殊贡献奖（2024 年）；理由：带出两家新客户");

        // 吴静 appeals the written warning in the 发起流程 dialog
        tasklist.login("tasklist", APPELLANT, "demo");
        tasklist.openStartForm("考核结果申诉", "申诉理由");
        tasklist.checkStartForm(repositoryService, "appeal", "appeal-start");
        tasklist.type("input", "季度", QUARTER);
        tasklist.type("textarea", "申诉理由", "第四季度仅一次未达标，按制度不应书面警告");
        tasklist.screenshot("form-appeal-start-filled");
        tasklist.clickButton("发起");
        String appeal = tasklist.until(d -> runtimeService.createProcessInstanceQuery().processDefinitionKey("appeal")
                .processInstanceBusinessKey(QUARTER + ":EWK-P3").list().stream().findFirst().map(p -> p.getId())
                .orElse(null));

        // the department head sees what the appeal is about
        text = open(task(appeal, "Task_DepartmentHeadOpinion"), "sales.head", "appeal-department-head-opinion", "意见");
        assertThat(text).contains("吴静 EWK-P3", "98.67%", "2 / 3", "书面警告", "按制度不应书面警告");
        tasklist.type("textarea", "意见", "属实：仅一个季度略低于目标");
        complete(taskOf(appeal, "Task_DepartmentHeadOpinion").getId(), "appeal-department-head-opinion");

        // HR reviews with the score, rank, outcome, reason and opinion in view, and changes the outcome
        text = open(task(appeal, "Task_ReviewAppeal"), "hr.head", "appeal-review", "结论");
        assertThat(text).contains("吴静 EWK-P3", "98.67%", "2 / 3", "书面警告", "按制度不应书面警告", "仅一个季度略低于目标");
        tasklist.radio("改变");
        tasklist.select("更正结果", "无 None");
        tasklist.type("textarea", "理由", "按 reward-penalty 规则，连续两个季度未达标才书面警告");
        complete(taskOf(appeal, "Task_ReviewAppeal").getId(), "appeal-review");
        tasklist.until(d -> evaluations.rows(Quarter.parse(QUARTER), COMPANY).stream()
                .anyMatch(e -> e.personCode().equals("EWK-P3") && EvaluationView.CHANGED_ON_APPEAL.equals(e.state())
                        && e.outcome() == null));
    }

    /**
     * Four eyes under the real authorizations (no browser): in company EWH the HR head ewh.hrhead is also
     * a tracked person of HR. His own appeal gets its opinion from the general manager (not himself), the
     * review is offered to the general manager as well as HR, and neither he nor the opinion-giver may
     * complete it: another HR member (hr.head) does.
     */
    @Test
    void an_hr_heads_own_appeal_is_judged_by_others_only() throws Exception {
        fourEyesCompany();
        var started = api.postJson("/engine-rest/process-definition/key/appeal/start", "ewh.hrhead", java.util.Map.of(
                "variables", java.util.Map.of("quarter", value("2024-Q3"), "reasons", value("人力资源部不应考核销售额"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String appeal = started.json().get("id").asText();
        Task opinion = task(appeal, "Task_DepartmentHeadOpinion");
        assertThat(opinion.getAssignee()).as("not himself: the general manager").isEqualTo("gm");
        assertThat(api.postJson("/engine-rest/task/" + opinion.getId() + "/complete", "gm", java.util.Map.of("variables",
                java.util.Map.of("departmentHeadOpinion", value("指标设置需复核")))).status()).isEqualTo(204);

        Task review = task(appeal, "Task_ReviewAppeal");
        assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(l -> l.getGroupId())
                .contains("hr", "committee-chair");
        var upheld = java.util.Map.<String, Object>of("variables", java.util.Map.of("appealDecision", value("upheld"),
                "decisionReason", value("指标经年初批准")));
        var byOpinionGiver = api.postJson("/engine-rest/task/" + review.getId() + "/complete", "gm", upheld);
        assertThat(byOpinionGiver.status()).isEqualTo(422);
        assertThat(byOpinionGiver.body()).contains("已出具部门负责人意见的人不能再复核同一申诉");
        var byAppellant = api.postJson("/engine-rest/task/" + review.getId() + "/complete", "ewh.hrhead", upheld);
        assertThat(byAppellant.status()).isEqualTo(422);
        assertThat(byAppellant.body()).contains("申诉人不能复核自己的申诉");
        assertThat(api.postJson("/engine-rest/task/" + review.getId() + "/complete", "hr.head", upheld).status())
                .isEqualTo(204);
    }

    /** Company EWH, its HR head ewh.hrhead also a tracked person (EWH-H1) of HR, 2024-Q3 published. */
    private void fourEyesCompany() {
        TestCompanies.joinDemoCommittee(companies, "EWH");
        var organisation = api.postFile("/api/imports/organisation", ADMIN, "ewh.csv", bytes(
                "unit_type,code,name,parent_code,user_id,email,role\n"
                        + "company,EWH,四眼核对公司,,gm,,production\n"
                        + "department,EWH-HR,人力资源部,EWH,ewh.hrhead,,hr\n"
                        + "person,EWH-H1,郑洁,EWH-HR,ewh.hrhead,,employee\n"));
        assertThat(organisation.status()).as(organisation.body()).isEqualTo(200);
        var figures = api.postFile("/api/imports/figures", ADMIN, "ewh.csv", bytes(
                "period,unit_type,unit_code,kpi_code,target,actual\n"
                        + "2024-07,person,EWH-H1,SALES_AMOUNT,100,95\n2024-08,person,EWH-H1,SALES_AMOUNT,100,95\n"
                        + "2024-09,person,EWH-H1,SALES_AMOUNT,100,95\n"));
        assertThat(figures.status()).as(figures.body()).isEqualTo(200);
        var head = identityService.createUserQuery().userId("ewh.hrhead").singleResult();
        head.setPassword("demo");
        identityService.saveUser(head);
        assertThat(identityService.createUserQuery().userId("ewh.hrhead").memberOfGroup("hr").count()).isOne();
        Quarter q3 = Quarter.parse("2024-Q3");
        if (!evaluations.isOpenOrDone(q3, "EWH")) {
            evaluations.registerRun(q3, "EWH", "published-before-the-four-eyes-check");
            evaluations.evaluate(q3, "EWH");
            evaluations.publish(q3, "EWH", "hr.head", "gm");
        }
    }

    private static java.util.Map<String, Object> value(Object value) {
        return java.util.Map.of("value", value);
    }

    // ---- the walk ----

    /** Signs in as the user, opens the task until its form shows the label, checks it and claims it if unassigned. */
    private String open(Task task, String user, String formId, String label) throws Exception {
        tasklist.login("tasklist", user, "demo");
        tasklist.openTask(task.getId(), label);
        tasklist.until(d -> !d.findElements(By.cssSelector(".fjs-container .fjs-form-field")).isEmpty());
        String visible = tasklist.checkTaskForm(taskService, task.getId(), formId);
        if (task.getAssignee() == null) {
            tasklist.claim();
            tasklist.until(d -> !d.findElements(By.cssSelector(".fjs-container .fjs-form-field")).isEmpty());
        }
        return visible;
    }

    private void complete(String taskId, String screenshot) throws Exception {
        tasklist.screenshot("form-" + screenshot + "-filled");
        tasklist.clickButton("完成");
        tasklist.until(d -> taskService.createTaskQuery().taskId(taskId).count() == 0);
    }

    /** The instance's open task with that key, running the instance's due async jobs while waiting. */
    private Task task(String instance, String key) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            Task task = taskOf(instance, key);
            if (task != null) {
                return task;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no task " + key + " in " + instance + "; incidents: " + runtimeService
                .createIncidentQuery().processInstanceId(instance).list().stream().map(x -> x.getIncidentMessage()).toList());
    }

    private Task taskOf(String instance, String key) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).list();
        return tasks.isEmpty() ? null : tasks.get(0);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
