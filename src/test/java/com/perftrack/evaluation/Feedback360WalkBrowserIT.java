package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TasklistBrowser;
import com.perftrack.support.TestCompanies;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 17 in the browser: a 360° feedback round opened and rated in a Chinese Tasklist (headless
 * Chromium, zh-CN, 1280 px) by the users who get each step: HR (hr.head) opens the round of 2011-Q3
 * for 林杰 (F36W-P1) in the 发起流程 dialog; his peer 陈洁 (f36w.p2) opens her rating task, sees whom
 * she rates and as what, scores the four dimensions and completes it. Every form: Chinese chrome, no
 * raw template text, nothing wider than the form. Screenshots in target/screenshots/.
 *
 * <p>Runs in Debian's chromium (ChromeDriver, Chinese locale) through {@link com.perftrack.support.TasklistBrowser}.</p>
 */
@IntegrationTest
class Feedback360WalkBrowserIT {

    static final String COMPANY = "F36W";
    static final String ADMIN = "admin:it-admin-secret";
    static final String ORGANISATION = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,F36W,反馈演练公司,,gm,,production\n"
            + "department,F36W-SALES,销售部,F36W,f36w.head,,sales\n"
            + "person,F36W-P1,林杰,F36W-SALES,f36w.p1,,employee\n"
            + "person,F36W-P2,陈洁,F36W-SALES,f36w.p2,,employee\n"
            + "person,F36W-P3,许诺,F36W-SALES,f36w.p3,,employee\n";

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;
    TasklistBrowser tasklist;
    String round;

    @BeforeEach
    void setUp() {
        Api api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, COMPANY);
        var imported = api.postFile("/api/imports/organisation", ADMIN, "f36w.csv",
                ORGANISATION.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        var peer = identity.createUserQuery().userId("f36w.p2").singleResult();
        peer.setPassword("demo");
        identity.saveUser(peer);
        tasklist = new TasklistBrowser(port, 1280, 1000);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (tasklist != null) {
            tasklist.screenshot("feedback-360-walk-last");
            tasklist.close();
        }
        if (round != null && runtimeService.createProcessInstanceQuery().processInstanceId(round).count() > 0) {
            runtimeService.deleteProcessInstance(round, "walk ends");
        }
    }

    @Test
    void hr_opens_the_round_and_a_peer_rates_the_person_in_tasklist() throws Exception {
        tasklist.login("tasklist", "hr.head", "demo");
        tasklist.openStartForm("360度反馈", "季度");
        String start = tasklist.checkStartForm(repositoryService, "feedback-360", "feedback-360-start");
        assertThat(start).contains("开启360度反馈", "被评价人员编码", "截止日期");
        tasklist.type("input", "季度", "2011-Q3");
        tasklist.type("input", "公司代码", COMPANY);
        tasklist.type("textarea", "被评价人员编码", "F36W-P1");
        tasklist.screenshot("form-feedback-360-start-filled");
        tasklist.clickButton("发起");
        round = tasklist.until(d -> runtimeService.createProcessInstanceQuery().processDefinitionKey("feedback-360")
                .processInstanceBusinessKey(COMPANY + ":2011-Q3").list().stream().findFirst().map(p -> p.getId())
                .orElse(null));

        Task task = task("f36w.p2");
        tasklist.login("tasklist", "f36w.p2", "demo");
        tasklist.openTask(task.getId(), "工作职责");
        tasklist.until(d -> !d.findElements(org.openqa.selenium.By.cssSelector(".fjs-container .fjs-form-field")).isEmpty());
        String visible = tasklist.checkTaskForm(taskService, task.getId(), "feedback-360-rate");
        assertThat(visible).contains("完成", "林杰 F36W-P1", "同事 peer", "2011-Q3", "目标完成", "团队协作", "对公司贡献")
                .doesNotContain("null");
        tasklist.type("input", "工作职责", "4");
        tasklist.type("input", "目标完成", "5");
        tasklist.type("input", "团队协作", "3");
        tasklist.type("input", "对公司贡献", "4");
        tasklist.type("textarea", "评语", "客户跟进及时，团队分享可以更多");
        tasklist.screenshot("form-feedback-360-rate-filled");
        tasklist.clickButton("完成");
        tasklist.until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);

        Map<String, Object> stored = jdbc.sql("select score_duty, score_goals, score_teamwork, score_contribution, comment "
                + "from feedback_rating where rater_user_id = 'f36w.p2' and person_code = 'F36W-P1'").query().singleRow();
        assertThat(List.of(stored.get("score_duty"), stored.get("score_goals"), stored.get("score_teamwork"),
                stored.get("score_contribution"))).containsExactly(4, 5, 3, 4);
        assertThat(stored.get("comment")).isEqualTo("客户跟进及时，团队分享可以更多");
        assertThat(taskService.createTaskQuery().processInstanceId(round).count()).as("self, manager, other peer").isEqualTo(3);
    }

    private Task task(String assignee) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            List<Task> tasks = taskService.createTaskQuery().processInstanceId(round).taskAssignee(assignee).list();
            if (!tasks.isEmpty()) {
                return tasks.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no 360° task for " + assignee);
    }
}
