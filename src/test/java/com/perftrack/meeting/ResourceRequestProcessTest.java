package com.perftrack.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.kpi.KpiResultService;
import com.perftrack.support.CycleBeans;
import com.perftrack.support.ProcessTestEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Walks every path of resource-request: a department head grants, the general manager declines, and
 * the vice chair decides for a general manager marked absent at the meeting (recorded as stand-in).
 */
@Deployment(resources = "bpmn/resource-request.bpmn")
class ResourceRequestProcessTest {

    static final ProcessTestEngine db = new ProcessTestEngine();
    static final Map<Object, Object> beans = new HashMap<>();

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
            .builder(db.configuration(beans)).assertClassCoverageAtLeast(1.0).build();

    static final BusinessCalendar calendar = new BusinessCalendar("Asia/Shanghai");
    final FindingService findings = new FindingService(db.jdbc(), calendar);
    final ResourceRequestService requests = new ResourceRequestService(db.jdbc(), calendar);
    final MeetingRecordService record = new MeetingRecordService(db.jdbc(), calendar);

    ProcessEngine processEngine;

    @BeforeEach
    void wire() {
        BpmnAwareTests.init(processEngine);
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost("127.0.0.1");
        smtp.setPort(greenMail.getSmtp().getPort());
        beans.putAll(MeetingTestBeans.meetingBeans(processEngine, db.jdbc(), Mockito.mock(KpiResultService.class), smtp));
        CycleBeans.users(processEngine, "gm:committee-chair", "vice:committee-vice-chair", "production.head:production",
                "sales.head:sales");
        db.jdbc().sql("insert into org_unit (code, unit_type, name, parent_code, company_code, user_id, role, updated_at) values "
                + "('ACME', 'company', 'Acme', null, 'ACME', 'gm', 'production', current_timestamp), "
                + "('ACME-SALES', 'department', '销售部', 'ACME', 'ACME', 'sales.head', 'sales', current_timestamp), "
                + "('ACME-PROD', 'department', '生产部', 'ACME', 'ACME', 'production.head', 'production', current_timestamp)")
                .update();
    }

    @AfterEach
    void cleanUp() {
        processEngine.getIdentityService().clearAuthentication();
        db.jdbc().sql("delete from chair_stand_in").update();
        db.jdbc().sql("delete from meeting_attendance").update();
        db.jdbc().sql("delete from resource_request").update();
        db.jdbc().sql("delete from finding").update();
        db.jdbc().sql("delete from org_unit").update();
    }

    @Test
    void a_department_head_grants_and_the_requesting_department_is_told() throws Exception {
        ResourceRequest request = request("production", "加开一条夜班生产线", "每月 2000 台");
        ProcessInstance pi = start(request);
        Task decide = task("Task_DecideResourceRequest", pi);
        assertThat(decide).hasCandidateGroup("production");
        assertThat(processEngine.getTaskService().getIdentityLinksForTask(decide.getId()))
                .noneMatch(l -> "committee-vice-chair".equals(l.getGroupId()));
        assertThat((String) taskService().getVariable(decide.getId(), "requestSummary"))
                .contains("资源需求 #" + request.id()).contains("加开一条夜班生产线").contains("每月 2000 台")
                .contains("生产部 Production").contains("竞品降价 8%");

        as("production.head", () -> taskService().complete(decide.getId(), Map.of("resourceDecision", "approve",
                "resourceDecisionComment", "12 月起加开夜班，每月 2000 台")));
        execute(job("Task_RecordResourceDecision", pi));
        assertThat(requests.find(request.id()).orElseThrow().status()).as("recorded before any mail").isEqualTo("granted");
        execute(job("Task_NotifyResourceDecision", pi));
        assertThat(pi).isEnded().hasPassed("EndEvent_Granted").variables()
                .containsEntry("notifiedTo", "sales.head@test.example");
        ResourceRequest granted = requests.find(request.id()).orElseThrow();
        assertThat(granted.status()).isEqualTo("granted");
        assertThat(granted.decidedBy()).isEqualTo("production.head");
        assertThat(granted.reason()).isEqualTo("12 月起加开夜班，每月 2000 台");
        assertThat(granted.standIn()).isFalse();
        var mails = greenMail.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("sales.head@test.example");
        assertThat(mails[0].getSubject()).contains("资源需求 #" + request.id()).contains("已批准 granted");
        assertThat((String) mails[0].getContent()).contains("12 月起加开夜班").contains("已批准 granted");
    }

    @Test
    void the_general_manager_declines_with_a_reason_and_a_decision_without_one_is_refused() {
        ResourceRequest request = request("committee-chair", "跨部门抽调 3 名工程师", "3 人，2 个月");
        ProcessInstance pi = start(request);
        Task decide = task("Task_DecideResourceRequest", pi);
        assertThat(decide).hasCandidateGroup("committee-chair");
        assertThatThrownBy(() -> taskService().complete(decide.getId(), Map.of("resourceDecision", "reject")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("请写明理由");
        assertThatThrownBy(() -> taskService().complete(decide.getId(), Map.of("resourceDecision", "maybe",
                "resourceDecisionComment", "再议"))).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("请选择批准或拒绝");
        assertThatThrownBy(() -> taskService().complete(decide.getId(), Map.of("resourceDecision", "reject",
                "resourceDecisionComment", "本季度不增加人员"))).as("nobody signed in")
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("必须由登录用户完成");
        assertThat(requests.find(request.id()).orElseThrow().status()).isEqualTo("open");

        as("gm", () -> taskService().complete(decide.getId(), Map.of("resourceDecision", "reject",
                "resourceDecisionComment", "本季度不增加人员，由销售部内部调配")));
        execute(job("Task_RecordResourceDecision", pi));
        execute(job("Task_NotifyResourceDecision", pi));
        assertThat(pi).isEnded().hasPassed("EndEvent_Declined");
        ResourceRequest declined = requests.find(request.id()).orElseThrow();
        assertThat(List.of(declined.status(), declined.decidedBy(), declined.reason()))
                .containsExactly("declined", "gm", "本季度不增加人员，由销售部内部调配");
        assertThat(record.standIns("ACME", "2026-10")).isEmpty();
        assertThatThrownBy(() -> requests.decide(request.id(), true, "改主意", "gm", false))
                .hasMessageContaining("已已拒绝 declined".substring(1));
    }

    @Test
    void when_the_chair_is_absent_the_vice_chair_decides_in_his_place_recorded_as_stand_in() {
        record.recordAttendance("ACME", "2026-10", "vice", true, List.of("vice"), List.of("gm"), "总经理出差", "marketing.head");
        ResourceRequest request = request("committee-chair", "跨部门抽调 3 名工程师", "3 人，2 个月");
        ProcessInstance pi = start(request);
        Task decide = task("Task_DecideResourceRequest", pi);
        assertThat(decide).hasCandidateGroup("committee-chair").hasCandidateGroup("committee-vice-chair");

        as("vice", () -> taskService().complete(decide.getId(), Map.of("resourceDecision", "approve",
                "resourceDecisionComment", "同意抽调，12 月 1 日到位")));
        assertThat(pi).variables().containsEntry("completedByStandIn", true);
        execute(job("Task_RecordResourceDecision", pi));
        execute(job("Task_NotifyResourceDecision", pi));
        assertThat(pi).isEnded().hasPassed("EndEvent_Granted");
        ResourceRequest granted = requests.find(request.id()).orElseThrow();
        assertThat(granted.decidedBy()).isEqualTo("vice");
        assertThat(granted.standIn()).isTrue();
        assertThat(record.standIns("ACME", "2026-10")).singleElement().satisfies(s -> {
            assertThat(s.userId()).isEqualTo("vice");
            assertThat(s.taskKey()).isEqualTo("Task_DecideResourceRequest");
            assertThat(s.taskId()).isEqualTo(decide.getId());
        });
    }

    @Test
    void a_department_heads_task_gets_no_vice_chair_even_when_the_chair_is_absent() {
        record.recordAttendance("ACME", "2026-10", "vice", true, List.of("vice"), List.of("gm"), null, "marketing.head");
        ProcessInstance pi = start(request("production", "加开一条夜班生产线", "每月 2000 台"));
        Task decide = task("Task_DecideResourceRequest", pi);
        assertThat(processEngine.getTaskService().getIdentityLinksForTask(decide.getId()))
                .noneMatch(l -> "committee-vice-chair".equals(l.getGroupId()));
    }

    private ResourceRequest request(String from, String what, String amount) {
        long findingId = findings.create(new Finding(null, "ACME", "2026-10", "sales", "SALES_AMOUNT", "竞品降价",
                "销售额 -12.5%", "竞品降价 8%", "external", "订单少 12 单", what, "", "sales", "华东区促销 3 个月",
                "sales.head", "marketing.head", null));
        return requests.request(findings.find(findingId).orElseThrow(), what, amount, from, "marketing.head");
    }

    private ProcessInstance start(ResourceRequest request) {
        return runtimeService().startProcessInstanceByKey("resource-request", "R" + request.id(), Map.of(
                "requestId", request.id(), "companyCode", "ACME", "period", "2026-10",
                "requestedFrom", request.requestedFrom(), "requestingDepartment", request.department()));
    }

    private void as(String user, Runnable action) {
        processEngine.getIdentityService().setAuthenticatedUserId(user);
        try {
            action.run();
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }
}
