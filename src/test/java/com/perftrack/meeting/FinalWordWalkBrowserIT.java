package com.perftrack.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.agenda.AgendaService;
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
import org.camunda.bpm.engine.IdentityService;
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
 * The secretary-general's final word in a Chinese Tasklist, each form as the user who gets it:
 * confirm-findings (send a record back, add a missed finding, confirm all) as secgen, the sent-back
 * record (record-department-report in Task_CorrectDepartmentReport) as the standing office,
 * related-department-notice-add-part as the related department's head, and confirm-agenda with a
 * moved speaker and the meeting notes. Screenshots under target/screenshots/final-word-*.png.
 *
 * <p>Runs in Debian's chromium (ChromeDriver, Chinese locale) through {@link com.perftrack.support.TasklistBrowser}.</p>
 */
@IntegrationTest
class FinalWordWalkBrowserIT {

    static final String COMPANY = "FWW";
    static final String ORGANISATION = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,FWW,终审走查公司,,gm,,production\n"
            + "department,FWW-SALES,销售部,FWW,sales.head,,sales\n"
            + "department,FWW-MKT,市场部,FWW,marketing.head,,marketing\n"
            + "department,FWW-PROD,生产部,FWW,production.head,,production\n"
            + "department,FWW-QUAL,质量部,FWW,quality.head,,quality\n"
            + "department,FWW-FIN,财务部,FWW,finance.head,,finance\n"
            + "person,FWW-P1,马芳,FWW-SALES,sales1,,employee\n";

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    FindingService findings;
    @Autowired
    AgendaService agendas;

    TasklistBrowser tasklist;

    @BeforeEach
    void setUp() {
        Api api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, COMPANY);
        assertThat(api.postFile("/api/imports/organisation", "admin:it-admin-secret", "fww.csv",
                ORGANISATION.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        tasklist = new TasklistBrowser(port, 1280, 1000);
    }

    @AfterEach
    void tearDown(TestInfo test) throws Exception {
        if (tasklist != null) {
            tasklist.screenshot("final-word-last-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
            tasklist.close();
        }
    }

    @Test
    void send_back_correct_add_confirm_and_the_related_department_s_part() throws Exception {
        String period = "2020-03";
        String cycle = cycleAt(period, "Task_RecordDepartmentReport#multiInstanceBody", List.of("sales", "production"));
        for (Task report : tasks(cycle, "Task_RecordDepartmentReport", 2)) {
            boolean sales = "sales".equals(taskService.getVariable(report.getId(), "reportDepartment"));
            taskService.complete(report.getId(), sales ? salesReport() : Map.of("deviation", "无重大偏差",
                    "noFinding", true));
        }

        // the secretary-general sends production's record back: "no findings" was ticked by mistake
        walk(task(cycle, "Task_ConfirmFindings"), "secgen", "confirm-findings", "本次决定", () -> {
            assertThat(tasklist.text()).contains("#1 华东区拜访量下降 35%").contains("待确认");
            tasklist.radio("退回某部门记录");
            tasklist.select("退回哪个部门的记录", "生产部 Production");
            textarea("退回原因", "误勾本部门本期无问题：产能不足导致交付延迟");
        });

        // the standing office corrects the record in the same report form
        Task correction = task(cycle, "Task_CorrectDepartmentReport");
        walk(correction, "marketing.head", "record-department-report", "汇报三步曲", () -> {
            assertThat(tasklist.text()).contains("退回更正").contains("产能不足导致交付延迟");
            textarea("原因1（量化）", "产能不足，交付延迟 6 天");
            tasklist.radio("内部原因");
            textfield("原因1的量化影响", "延迟交付 3 单，约 40 万元");
            textarea("改进建议", "增开夜班");
            tasklist.tick("责任部门", "生产部 production");
            textarea("解决方案", "生产部增开夜班两周");
            tasklist.pick("责任人", "杨", "杨磊（生产部经理）");
        });

        // a finding the standing office missed
        walk(task(cycle, "Task_ConfirmFindings"), "secgen", "confirm-findings", "本次决定", () -> {
            assertThat(tasklist.text()).contains("#2 产能不足，交付延迟 6 天").contains("退回");
            tasklist.radio("补充遗漏的问题");
            tasklist.select("提出部门", "质量部 quality");
            textarea("问题与原因", "客户投诉处理超时 8 起");
            tasklist.radio("内部 internal");
            tasklist.tick("责任部门", "质量部 quality");
            tasklist.pick("责任人", "赵", "赵静（质量部经理）");
            textarea("改进措施", "投诉 24 小时内响应");
            textfield("期限", "2099-12-31");
        });
        Finding added = findings.findings(COMPANY, period).stream().filter(f -> f.number() == 3).findFirst().orElseThrow();
        assertThat(added.status()).isEqualTo("accepted");
        assertThat(added.createdBy()).isEqualTo("secgen");

        walk(task(cycle, "Task_ConfirmFindings"), "secgen", "confirm-findings", "本次决定", () -> {
            assertThat(tasklist.text()).contains("#3 客户投诉处理超时 8 起").contains("期限 2099-12-31");
            tasklist.radio("全部确认");
            textarea("秘书长意见", "按此下发");
        });
        assertThat(findings.confirmed(COMPANY, period)).extracting(Finding::number).containsExactly(1, 2, 3);

        // quality is related to #1: its head reads the notice and adds the department's part
        Task notice = noticeOf(findings.findings(COMPANY, period).get(0).id());
        walk(notice, "quality.head", "related-department-notice-add-part", "本部门配合措施", () -> {
            assertThat(tasklist.text()).contains("#1 华东区拜访量下降 35%").contains("贵部门为相关部门");
            textarea("本部门配合措施", "质量部每周抽检退货 20 件并反馈原因");
        });
        assertThat(findings.relatedParts(findings.findings(COMPANY, period).get(0).id()))
                .extracting(RelatedPart::part).containsExactly("质量部每周抽检退货 20 件并反馈原因");
    }

    @Test
    void the_secretary_general_moves_a_speaker_and_sees_the_meeting_notes() throws Exception {
        String period = "2020-04";
        String cycle = cycleAt(period, "Task_ConfirmAgenda", List.of("sales", "production", "quality"));
        walk(task(cycle, "Task_ConfirmAgenda"), "secgen", "confirm-agenda", "会议目的", () -> {
            assertThat(tasklist.text()).contains("与会人员必须严格控制发言时间").contains("开会时请将手机调到震动")
                    .contains("生产部 production");
            assertThat(tasklist.field("发言顺序").findElement(By.cssSelector("input")).getAttribute("value"))
                    .isEqualTo("sales, production, quality");
            textfield("发言顺序", "quality, sales, production");
            textfield("会议日期", "2099-01-15");
        });
        var agenda = agendas.find(COMPANY, period).orElseThrow();
        assertThat(agenda.items().subList(0, 3)).extracting(a -> a.department())
                .containsExactly("quality", "sales", "production");
        assertThat(agenda.notes()).hasSize(2);
        assertThat(runtimeService.getVariable(cycle, "reportingDepartments"))
                .isEqualTo(List.of("quality", "sales", "production"));
    }

    private String cycleAt(String period, String activity, List<String> reporting) {
        identityService.setAuthentication("secgen", List.of("secretary-general"), List.of(COMPANY));
        try {
            return runtimeService.createProcessInstanceByKey("monthly-tracking-cycle").businessKey(period)
                    .setVariable("period", period).setVariable("companyCode", COMPANY)
                    .setVariable("reportingDepartments", new ArrayList<>(reporting))
                    .setVariable("followUpActionIds", new ArrayList<Long>())
                    .startBeforeActivity(activity).execute().getId();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static Map<String, Object> salesReport() {
        Map<String, Object> v = new HashMap<>();
        v.put("deviation", "销售额 目标 200 万，实际 175 万");
        v.put("noFinding", false);
        v.put("cause1", "华东区拜访量下降 35%");
        v.put("cause1Type", "internal");
        v.put("cause1Impact", "销售额少 25 万元");
        v.put("cause1Proposal", "恢复周拜访计划");
        v.put("cause1RelatedDepartments", "quality");
        v.put("cause1ResponsibleDepartments", "sales");
        v.put("cause1Solution", "销售部恢复拜访计划");
        v.put("cause1ResponsibleUser", "sales1");
        v.put("cause1KpiCode", "SALES_AMOUNT");
        v.put("hasCause2", false);
        return v;
    }

    private Task noticeOf(long findingId) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            List<Task> found = taskService.createTaskQuery().taskDefinitionKey("Task_AddRelatedPart")
                    .processInstanceBusinessKey("R" + findingId + "-quality").list();
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no notice for finding " + findingId);
    }

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

    /** Signs in as the user, opens the task, checks its form and user, claims, fills and completes it. */
    private void walk(Task task, String user, String formId, String label, Runnable fill) throws Exception {
        tasklist.login("tasklist", user, "demo");
        tasklist.openTask(task.getId(), label);
        tasklist.until(d -> !d.findElements(By.cssSelector(".fjs-container .fjs-form-field")).isEmpty());
        tasklist.checkTaskForm(taskService, task.getId(), formId);
        tasklist.screenshot("final-word-" + formId + "-" + task.getTaskDefinitionKey());
        tasklist.claim();
        tasklist.until(d -> !d.findElements(By.cssSelector(".fjs-container .fjs-form-field")).isEmpty());
        fill.run();
        tasklist.screenshot("final-word-" + formId + "-" + task.getTaskDefinitionKey() + "-filled");
        tasklist.clickButton("完成");
        tasklist.until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
    }

    private void textarea(String labelStart, String value) {
        tasklist.type("textarea", labelStart, value);
    }

    private void textfield(String labelStart, String value) {
        tasklist.type("input", labelStart, value);
    }
}
