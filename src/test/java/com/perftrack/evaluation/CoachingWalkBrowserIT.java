package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TasklistBrowser;
import com.perftrack.support.TestCompanies;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
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
 * Coaching talks (面谈反馈, issue 17) through the public interfaces and a Chinese Tasklist: company CWK,
 * 2014-03, sales person CWK-P1 (user cwk.p1) at 80% of target and CWK-P2 at 110%. HR opens the month's
 * talks: one, for CWK-P1, to the sales head. The head opens the form in Tasklist, sees the month's score,
 * records the talk; the person reads it through the API and in the archive, and another person of
 * the company does not.
 *
 * <p>Runs in Debian's chromium (ChromeDriver, Chinese locale) through {@link TasklistBrowser}.</p>
 */
@IntegrationTest
class CoachingWalkBrowserIT {

    static final String ADMIN = "admin:it-admin-secret";

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identity;
    @Autowired
    BusinessCalendar calendar;
    Api api;
    TasklistBrowser tasklist;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, "CWK");
        var org = api.postFile("/api/imports/organisation", ADMIN, "cwk.csv", ("unit_type,code,name,parent_code,user_id,email,role\n"
                + "company,CWK,面谈演练公司,,gm,,production\n"
                + "department,CWK-SALES,销售部,CWK,sales.head,,sales\n"
                + "person,CWK-P1,林晓,CWK-SALES,cwk.p1,,employee\n"
                + "person,CWK-P2,周航,CWK-SALES,cwk.p2,,employee\n").getBytes(StandardCharsets.UTF_8));
        assertThat(org.status()).as(org.body()).isEqualTo(200);
        for (String id : new String[] {"cwk.p1", "cwk.p2"}) {
            var user = identity.createUserQuery().userId(id).singleResult();
            user.setPassword("demo");
            identity.saveUser(user);
        }
        var figures = api.postFile("/api/imports/figures", ADMIN, "cwk.csv", ("period,unit_type,unit_code,kpi_code,target,actual\n"
                + "2014-03,person,CWK-P1,SALES_AMOUNT,100,80\n"
                + "2014-03,person,CWK-P2,SALES_AMOUNT,100,110\n").getBytes(StandardCharsets.UTF_8));
        assertThat(figures.status()).as(figures.body()).isEqualTo(200);
        tasklist = new TasklistBrowser(port, 1280, 1000);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (tasklist != null) {
            tasklist.screenshot("coaching-walk-last");
            tasklist.close();
        }
    }

    @Test
    void hr_opens_the_month_the_head_records_the_talk_in_tasklist_and_the_person_reads_it() throws Exception {
        assertThat(api.postJson("/api/coaching-talks/open?period=2014-03&companyCode=CWK", "sales.head", null).status())
                .as("only HR opens a company's talks").isEqualTo(403);
        var opened = api.postJson("/api/coaching-talks/open?period=2014-03&companyCode=CWK", "hr.head", null);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.json()).hasSize(1);
        assertThat(opened.json().get(0).get("personCode").asText()).isEqualTo("CWK-P1");
        assertThat(opened.json().get(0).get("managerUserId").asText()).isEqualTo("sales.head");
        assertThat(api.postJson("/api/coaching-talks/open?period=2014-03&companyCode=CWK", "hr.head", null).json())
                .as("opening the month again opens nothing").isEmpty();

        Task task = taskService.createTaskQuery().processInstanceBusinessKey("2014-03:CWK-P1").singleResult();
        assertThat(task.getAssignee()).isEqualTo("sales.head");
        String nextCheck = calendar.today().plusDays(14).toString();

        tasklist.login("tasklist", "sales.head", "demo");
        tasklist.openTask(task.getId(), "优点");
        tasklist.until(d -> !d.findElements(By.cssSelector(".fjs-container .fjs-form-field")).isEmpty());
        String visible = tasklist.checkTaskForm(taskService, task.getId(), "coaching-talk-record");
        assertThat(visible).contains("面谈反馈", "林晓 CWK-P1", "2014-03", "80%", "SALES_AMOUNT 80%", "完成")
                .doesNotContain("null");
        tasklist.type("textarea", "优点", "客户关系维护得好，回款及时");
        tasklist.type("textarea", "差距", "新客户开发不足，三月只有一家");
        tasklist.type("textarea", "商定的支持", "每周陪同拜访两家潜在客户");
        tasklist.date("下次跟进日期", nextCheck);
        tasklist.screenshot("form-coaching-talk-record-filled");
        tasklist.clickButton("完成");
        tasklist.until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);

        JsonNode own = api.get("/api/coaching-talks?personCode=CWK-P1", "cwk.p1").json();
        assertThat(own).hasSize(1);
        assertThat(own.get(0).get("state").asText()).isEqualTo("recorded");
        assertThat(own.get(0).get("gaps").asText()).isEqualTo("新客户开发不足，三月只有一家");
        assertThat(own.get(0).get("nextCheckDate").asText()).isEqualTo(nextCheck);
        assertThat(own.get(0).get("recordedBy").asText()).isEqualTo("sales.head");
        assertThat(api.get("/api/coaching-talks?personCode=CWK-P1", "cwk.p2").status())
                .as("another person's talk").isEqualTo(403);
        JsonNode archive = api.get("/api/archive/CWK-P1", "cwk.p1").json();
        assertThat(archive.toString()).contains("COACHING", "面谈反馈 Coaching talk 2014-03", "每周陪同拜访两家潜在客户");
        JsonNode month = api.get("/api/coaching-talks?period=2014-03&companyCode=CWK", "hr.head").json();
        assertThat(month.findValuesAsText("personCode")).containsExactly("CWK-P1");
    }
}
