package com.perftrack.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.Mockito.mock;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.kpi.KpiResultService;
import com.perftrack.support.CycleBeans;
import com.perftrack.support.ProcessTestEngine;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** related-department-notice: the related department is mailed, gets the task, and its part lands on the finding. */
@Deployment(resources = "bpmn/related-department-notice.bpmn")
class RelatedDepartmentNoticeProcessTest {

    static final ProcessTestEngine db = new ProcessTestEngine();
    static final Map<Object, Object> beans = new HashMap<>();

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
            .builder(db.configuration(beans)).assertClassCoverageAtLeast(1.0).build();

    ProcessEngine processEngine;
    FindingService findings;

    @BeforeEach
    void wire() {
        BpmnAwareTests.init(processEngine);
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost("127.0.0.1");
        smtp.setPort(greenMail.getSmtp().getPort());
        beans.putAll(MeetingTestBeans.meetingBeans(processEngine, db.jdbc(), mock(KpiResultService.class), smtp));
        CycleBeans.users(processEngine, "quality.head:quality", "quality.clerk:quality", "sales.head:sales");
        findings = new FindingService(db.jdbc(), new BusinessCalendar("Asia/Shanghai"));
    }

    @AfterEach
    void cleanUp() {
        db.jdbc().sql("delete from finding_change").update();
        db.jdbc().sql("delete from finding_related_part").update();
        db.jdbc().sql("delete from finding").update();
    }

    @Test
    void the_related_department_is_mailed_and_its_part_is_kept_on_the_finding() throws Exception {
        long id = finding("quality");
        ProcessInstance notice = start(id, "quality");
        // the task is there at once; the mail is a job of its own (retried if the mail server is down)
        assertThat(notice).isWaitingAt("Task_MailRelatedDepartment", "Task_AddRelatedPart");
        execute(job(notice));
        var mails = greenMail.getReceivedMessages();
        assertThat(mails).hasSize(2); // one copy per member of quality
        assertThat(mails[0].getSubject()).isEqualTo("【业绩跟踪】2026-10 知会：问题 #1 / Notice: finding #1");
        assertThat(new String(java.util.Base64.getMimeDecoder().decode(GreenMailUtil.getBody(mails[0])),
                java.nio.charset.StandardCharsets.UTF_8)).contains("华东区退货率上升");
        assertThat(runtimeService().getVariable(notice.getId(), "relatedNoticeMailedTo").toString())
                .contains("quality.head@test.example").contains("quality.clerk@test.example");

        var part = task("Task_AddRelatedPart", notice);
        assertThat(part).hasCandidateGroup("quality");
        assertThat(taskService().getVariable(part.getId(), "relatedFindingText").toString())
                .contains("#1 华东区退货率上升").contains("方案 Solution：销售部复核退货原因");
        assertThatThrownBy(() -> as("quality.head", () -> taskService().complete(part.getId(),
                Map.of("relatedPart", "检".repeat(4001))))).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("配合措施最多 4000 个字符");
        as("quality.head", () -> taskService().complete(part.getId(), Map.of("relatedPart", "质量部每周抽检退货 20 件并反馈原因")));
        assertThat(notice).isEnded().hasPassed("EndEvent_Noticed");
        // sales, responsible, hears of the part (one more mail, to sales.head)
        var partMail = greenMail.getReceivedMessages()[2];
        assertThat(partMail.getAllRecipients()[0].toString()).isEqualTo("sales.head@test.example");
        assertThat(partMail.getSubject()).isEqualTo("【业绩跟踪】2026-10 问题 #1 相关部门配合措施 / Related department's part, finding #1");
        assertThat(findings.relatedParts(id)).singleElement().satisfies(p -> {
            assertThat(p.department()).isEqualTo("quality");
            assertThat(p.part()).isEqualTo("质量部每周抽检退货 20 件并反馈原因");
            assertThat(p.addedBy()).isEqualTo("quality.head");
        });
        assertThat(findings.changes("ACME", "2026-10")).extracting(FindingChange::changeType)
                .containsExactly("recorded", "related_part");
    }

    @Test
    void a_department_that_adds_nothing_is_recorded_as_having_read_it() {
        long id = finding("quality");
        ProcessInstance notice = start(id, "quality");
        as("quality.clerk", () -> taskService().complete(task("Task_AddRelatedPart", notice).getId(), Map.of()));
        assertThat(notice).isWaitingAt("Task_MailRelatedDepartment");
        execute(job(notice));
        assertThat(notice).isEnded().hasPassed("EndEvent_Mailed", "EndEvent_Noticed");
        assertThat(findings.relatedParts(id)).isEmpty();
        assertThat(findings.changes("ACME", "2026-10")).extracting(c -> c.changeType() + ":" + c.changedBy())
                .containsExactly("recorded:sales.head", "acknowledged:quality.clerk");
    }

    private long finding(String related) {
        return findings.create(new Finding(null, "ACME", "2026-10", "sales", "SALES_AMOUNT", "华东区退货率上升",
                "退货率 5%", "华东区退货率上升", "internal", "少收 8 万元", "复核退货", related, "sales",
                "销售部复核退货原因", "sales.head", "sales.head", null));
    }

    private ProcessInstance start(long findingId, String department) {
        return runtimeService().startProcessInstanceByKey("related-department-notice", "R" + findingId + "-" + department,
                Map.of("findingId", findingId, "relatedDepartment", department, "companyCode", "ACME", "period", "2026-10"));
    }

    private void as(String user, Runnable work) {
        processEngine.getIdentityService().setAuthenticatedUserId(user);
        try {
            work.run();
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }
}
