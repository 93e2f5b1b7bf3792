package com.perftrack.sales;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TasklistBrowser;
import com.perftrack.support.TestCompanies;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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

/**
 * The weekly sales plan in a Chinese Tasklist: company WSB, sales person 马丽 WSB-P1 (wsb.p1) under the sales
 * department of sales.head. The sales head opens this week from Tasklist's start dialog; the sales person
 * opens the plan form, is refused a visit outside the week with the sentence, then files targets and two
 * visits; the sales head opens the weekly sales meeting, sees the filed plan in the table and records it.
 *
 * <p>Runs in Debian's chromium (ChromeDriver, Chinese locale) through TasklistBrowser.</p>
 */
@IntegrationTest
class WeeklySalesPlanBrowserIT {

    static final String ADMIN = "admin:it-admin-secret";

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    BusinessCalendar calendar;
    TasklistBrowser tasklist;

    @BeforeEach
    void setUp() {
        Api api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, "WSB");
        var org = api.postFile("/api/imports/organisation", ADMIN, "wsb.csv", ("unit_type,code,name,parent_code,user_id,email,role\n"
                + "company,WSB,周计划演练公司,,gm,,production\n"
                + "department,WSB-SALES,销售部,WSB,sales.head,,sales\n"
                + "person,WSB-P1,马丽,WSB-SALES,wsb.p1,,employee\n").getBytes(StandardCharsets.UTF_8));
        assertThat(org.status()).as(org.body()).isEqualTo(200);
        TestCompanies.demoPasswords(identity, "wsb.p1");
        tasklist = new TasklistBrowser(port, 1280, 1000);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (tasklist != null) {
            tasklist.screenshot("weekly-sales-plan-last");
            tasklist.close();
        }
    }

    @Test
    void a_sales_person_files_the_plan_in_chinese_tasklist_and_the_sales_head_opens_the_meeting() throws Exception {
        SalesWeek week = SalesWeek.of(calendar.today());
        LocalDate monday = week.monday();

        tasklist.login("tasklist", "sales.head", "demo");
        tasklist.openStartForm("销售周计划", "周");
        String start = tasklist.checkStartForm(repositoryService, "weekly-sales-plan", "weekly-sales-plan-start");
        assertThat(start).contains("开启销售周计划", "每周销售会议");
        tasklist.type("input", "周", week.toString());
        tasklist.type("input", "公司代码", "WSB");
        tasklist.clickButton("发起");
        String instance = tasklist.until(d -> runtimeService.createProcessInstanceQuery().processDefinitionKey("weekly-sales-plan")
                .processInstanceBusinessKey(week.toString()).tenantIdIn("WSB").list().stream().findFirst()
                .map(p -> p.getId()).orElse(null));
        Task plan = tasklist.until(d -> taskService.createTaskQuery().processInstanceId(instance).taskAssignee("wsb.p1")
                .list().stream().findFirst().orElse(null));

        tasklist.login("tasklist", "wsb.p1", "demo");
        tasklist.openTask(plan.getId(), "客户拜访计划");
        String form = tasklist.checkTaskForm(taskService, plan.getId(), "weekly-sales-plan-file");
        assertThat(form).contains("周工作计划", "马丽 WSB-P1", week.toString(), monday + " 至 " + week.sunday(),
                "本周销售额目标", "本周新客户数目标");
        tasklist.type("input", "本周销售额目标", "58000");
        tasklist.type("input", "本周新客户数目标", "2");
        tasklist.type("textarea", "客户拜访计划", monday.plusDays(7) + "，华东机电，新品演示");
        tasklist.clickButton("完成");
        tasklist.until(d -> d.getPageSource().contains("不在本周"));
        tasklist.screenshot("weekly-sales-plan-refused");
        tasklist.type("textarea", "客户拜访计划", monday.plusDays(1) + "，华东机电，新品演示\n" + monday.plusDays(3) + "，江南重工，回款");
        tasklist.screenshot("form-weekly-sales-plan-file-filled");
        tasklist.clickButton("完成");
        tasklist.until(d -> taskService.createTaskQuery().taskId(plan.getId()).count() == 0);

        Task meeting = tasklist.until(d -> taskService.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey("Task_HoldWeeklySalesMeeting").list().stream().findFirst().orElse(null));
        tasklist.login("tasklist", "sales.head", "demo");
        tasklist.openTask(meeting.getId(), "决定/措施");
        String table = tasklist.checkTaskForm(taskService, meeting.getId(), "weekly-sales-plan-meeting");
        assertThat(table).contains("每周销售会议", week.previous().toString(), "上周计划与完成", "本周计划", "马丽 WSB-P1",
                "已提交", "58000", "华东机电", "江南重工");
        tasklist.type("textarea", "决定/措施", "马丽本周重点跟进江南重工回款");
        tasklist.clickButton("完成");
        tasklist.until(d -> runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() == 0);
        var recorded = new Api(port).get("/api/weekly-plans?week=" + week + "&companyCode=WSB", "sales.head").json();
        assertThat(recorded.get("meetingDecisions").asText()).isEqualTo("马丽本周重点跟进江南重工回款");
        assertThat(recorded.get("meetingRecordedBy").asText()).isEqualTo("sales.head");
    }
}
