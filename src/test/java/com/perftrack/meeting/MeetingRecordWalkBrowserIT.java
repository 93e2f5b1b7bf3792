package com.perftrack.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TasklistBrowser;
import com.perftrack.support.TestCompanies;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The meeting record of issue 13 walked in a Chinese Tasklist as the people who get each form: the
 * standing office records who came (the general manager is away), records sales' report with an
 * external cause asking the general manager for people, the vice chair — chairing in his place —
 * declines it, and at the next meeting the standing office records its criticism of sales. The
 * cycle starts at the step walked (the steps before it are walked by the cycle's own tests).
 * Screenshots: target/screenshots/meeting-*.png.
 *
 * <p>Runs in Debian's chromium (ChromeDriver, Chinese locale) through {@link com.perftrack.support.TasklistBrowser}.</p>
 */
@IntegrationTest
class MeetingRecordWalkBrowserIT {

    static final String COMPANY = "MRW";
    static final String ADMIN = "admin:it-admin-secret";
    static final String ORGANISATION = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,MRW,会议记录公司,,gm,,production\n"
            + "department,MRW-SALES,销售部,MRW,sales.head,,sales\n"
            + "department,MRW-MKT,市场部,MRW,marketing.head,,marketing\n"
            + "department,MRW-PROD,生产部,MRW,production.head,,production\n"
            + "region,MRW-EAST,华东区,MRW-SALES,,,\n"
            + "person,MRW-P1,马芳,MRW-EAST,sales1,,employee\n";

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup(2525, "127.0.0.1", "smtp"));

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ResourceRequestService requests;
    @Autowired
    MeetingRecordService record;
    @Autowired
    FindingService findings;

    TasklistBrowser tasklist;
    final List<String> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        TestCompanies.joinDemoCommittee(companies, COMPANY);
        var imported = new Api(port).postFile("/api/imports/organisation", ADMIN, "mrw.csv",
                ORGANISATION.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        tasklist = new TasklistBrowser(port, 1280, 1000);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (tasklist != null) {
            tasklist.screenshot("meeting-last");
            tasklist.close();
        }
        for (String instance : started) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
                runtimeService.deleteProcessInstance(instance, "walk ends");
            }
        }
        runtimeService.createProcessInstanceQuery().processDefinitionKey("improvement-action")
                .variableValueEquals("companyCode", COMPANY).list()
                .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "walk ends"));
    }

    @Test
    void attendance_report_with_a_resource_request_the_vice_chairs_decision_and_the_next_meetings_criticism()
            throws Exception {
        // ---- record-attendance: the standing office ticks who came; the general manager is away ----
        String cycle = startAt("2025-11", "Task_RecordAttendance", List.of());
        Task attendance = task(cycle, "Task_RecordAttendance");
        walk(attendance, "marketing.head", "record-attendance", "到会人员", () -> {
            tasklist.tick("到会人员", "王强 vice（副主任 vice chair）");
            tasklist.tick("到会人员", "李娜 secgen（秘书长 secretary-general）");
            tasklist.tick("到会人员", "陈敏 marketing.head（市场部 Marketing 经理）");
            type("textarea", "说明", "总经理出差");
        }, "张伟 gm（主任 chair）", "刘军 sales.head（销售部 Sales 经理）");
        Attendance who = record.attendance(COMPANY, "2025-11").orElseThrow();
        assertThat(who.chair()).isEqualTo("vice");
        assertThat(who.chairAbsent()).isTrue();
        assertThat(who.absentees()).containsExactly("gm", "sales.head");

        // ---- record-department-report: an external cause asks the general manager for people ----
        Task report = task(cycle, "Task_RecordDepartmentReport");
        walk(report, "marketing.head", "record-department-report", "汇报三步曲", () -> {
            type("textarea", "原因1（量化）", "竞品在华东区大规模促销，订单少 12 单");
            assertThat(tasklist.text()).as("the request's fields show for an external cause only")
                    .doesNotContain("向谁提出资源需求");
            tasklist.radio("外部原因");
            tasklist.until(d -> tasklist.text().contains("向谁提出资源需求"));
            type("input", "原因1的量化影响", "销售额少 30 万元");
            type("textarea", "改进建议", "跨部门抽调 3 名促销员支援华东区");
            type("input", "资源需求的数量或金额", "3 人，2 个月");
            tasklist.pick("向谁提出资源需求", "总经理", "总经理 general manager（跨部门的资金或人员 money or people across departments）");
            tasklist.tick("责任部门", "销售部 sales");
            type("textarea", "解决方案", "华东区反促销 2 个月");
            tasklist.pick("责任人", "马芳", "马芳（华东区）");
        }, "原因1（量化）");
        Finding finding = findings.findings(COMPANY, "2025-11").get(0);
        ResourceRequest request = requests.forFinding(finding.id()).orElseThrow();
        assertThat(request.request()).isEqualTo("跨部门抽调 3 名促销员支援华东区（数量 amount：3 人，2 个月）");
        assertThat(request.requestedFrom()).isEqualTo("committee-chair");
        assertThat(finding.responsibleUserId()).isEqualTo("sales1");

        // ---- resource-request-decide: the vice chair decides for the absent general manager ----
        taskService.complete(task(cycle, "Task_ConfirmFindings").getId());
        String decision = waitForInstance("R" + request.id());
        Task decide = task(decision, "Task_DecideResourceRequest");
        walk(decide, "vice", "resource-request-decide", "决定", () -> {
            tasklist.radio("拒绝");
            type("textarea", "理由", "本季度不跨部门抽调，由销售部内部调配");
        }, "跨部门抽调 3 名促销员支援华东区", "总经理 general manager", "竞品在华东区大规模促销");
        ResourceRequest declined = waitForDecision(request.id());
        assertThat(declined.status()).isEqualTo("declined");
        assertThat(declined.decidedBy()).isEqualTo("vice");
        assertThat(declined.standIn()).isTrue();
        assertThat(record.standIns(COMPANY, "2025-11")).extracting(StandIn::userId).containsExactly("vice");

        // ---- record-department-feedback: the next meeting hears sales' action and criticises ----
        long actionId = actionOf(finding.id());
        String next = startAt("2025-12", "Task_RecordDepartmentFeedback#multiInstanceBody", List.of(actionId));
        Task feedback = task(next, "Task_RecordDepartmentFeedback");
        walk(feedback, "marketing.head", "record-department-feedback", "会议结论", () -> {
            tasklist.radio("批评");
            type("textarea", "经验或批评的内容", "华东区订单未回升，销售部下期说明原因");
        }, "#" + actionId);
        assertThat(record.feedback(COMPANY, "2025-12")).singleElement().satisfies(f -> {
            assertThat(f.department()).isEqualTo("sales");
            assertThat(f.kind()).isEqualTo("criticism");
            assertThat(f.feedback()).isEqualTo("华东区订单未回升，销售部下期说明原因");
        });
    }

    // ---- set-up ----

    /**
     * A cycle of the company (so its tenant is the company's), moved from data collection to the
     * step walked with the variables the steps before it would have set.
     */
    private String startAt(String period, String activity, List<Long> followUps) throws InterruptedException {
        String id = runtimeService.startProcessInstanceByKey("monthly-tracking-cycle",
                Map.of("period", period, "companyCode", COMPANY)).getId();
        started.add(id);
        task(id, "Task_SubmitSalesInformation"); // the committee is determined, collection has begun
        runtimeService.createProcessInstanceModification(id).cancelAllForActivity("SubProcess_DataCollection")
                .startBeforeActivity(activity)
                .setVariable("committeeDepartments", new ArrayList<>(List.of("sales", "marketing")))
                .setVariable("reportingDepartments", new ArrayList<>(List.of("sales")))
                .setVariable("followUpActionIds", new ArrayList<>(followUps))
                .execute();
        return id;
    }

    private String waitForInstance(String businessKey) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            var instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
            if (instance != null) {
                started.add(instance.getId());
                return instance.getId();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no process " + businessKey);
    }

    private ResourceRequest waitForDecision(long id) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            ResourceRequest r = requests.find(id).orElseThrow();
            if (!ResourceRequest.OPEN.equals(r.status())) {
                return r;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("request " + id + " never decided");
    }

    /** The improvement action the confirmed finding started (its id once the action is opened). */
    private long actionOf(long findingId) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            var action = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("F" + findingId + "-sales")
                    .singleResult();
            Object id = action == null ? null : runtimeService.getVariable(action.getId(), "actionId");
            if (id != null) {
                return ((Number) id).longValue();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no action of finding " + findingId);
    }

    private Task task(String instance, String key) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).list();
            if (!tasks.isEmpty()) {
                return tasks.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no task " + key + " in " + instance);
    }

    // ---- the browser ----

    /** Signs in as the user, opens and checks the form (it shows the names given), claims, fills, completes. */
    private void walk(Task task, String user, String formId, String label, Runnable fill, String... shows)
            throws Exception {
        tasklist.login("tasklist", user, "demo");
        tasklist.openTask(task.getId(), label);
        tasklist.until(d -> !d.findElements(By.cssSelector(".fjs-container .fjs-form-field")).isEmpty());
        String visible = tasklist.checkTaskForm(taskService, task.getId(), formId);
        tasklist.screenshot("meeting-" + formId);
        assertThat(visible).as(formId + " in a Chinese Tasklist").contains("完成").doesNotContain("Claim")
                .doesNotContain("null").doesNotContain("undefined");
        for (String name : shows) {
            assertThat(visible).as(formId + " shows " + name).contains(name);
        }
        tasklist.claim();
        tasklist.until(d -> !d.findElements(By.cssSelector(".fjs-container .fjs-form-field")).isEmpty());
        fill.run();
        tasklist.screenshot("meeting-" + formId + "-filled");
        tasklist.clickButton("完成");
        tasklist.until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
    }

    private void type(String tag, String labelStart, String value) {
        WebElement input = tasklist.field(labelStart).findElement(By.cssSelector(tag));
        tasklist.js("arguments[0].scrollIntoView({block: 'center'});", input);
        input.clear();
        input.sendKeys(value);
    }
}
