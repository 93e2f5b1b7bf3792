package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.calendar.Period;
import com.perftrack.notification.Notifier;
import com.perftrack.support.ProcessTestEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Coaching talks (面谈反馈, issue 17). The fixture's January 2026: P1 120 (above target), P2 90 (below;
 * sales department, head sales.head, user u2), P3 80 (below; directly under the company: the general
 * manager gm). On 10 February the monthly timer opens one talk each for P2 and P3, never twice.
 */
@Deployment(resources = {"bpmn/coaching-talk.bpmn", "bpmn/coaching-scheduler.bpmn", "bpmn/reward-penalty.dmn",
        "forms/coaching-talk-record.form"})
class CoachingTalkProcessTest {

    static final ProcessTestEngine db = new ProcessTestEngine();
    static final Map<Object, Object> beans = new HashMap<>();

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
            .builder(db.configuration(beans)).assertClassCoverageAtLeast(1.0).build();

    ProcessEngine processEngine;
    EvaluationFixture fixture;
    final List<SimpleMailMessage> mails = new ArrayList<>();

    @BeforeEach
    void wire() {
        BpmnAwareTests.init(processEngine);
        fixture = new EvaluationFixture(db.jdbc(), processEngine);
        fixture.beans(beans);
        fixture.company();
        var mailSender = new JavaMailSenderImpl() {
            @Override
            public void send(SimpleMailMessage... messages) {
                mails.addAll(List.of(messages));
            }
        };
        beans.put("remindCoachDelegate", new RemindCoachDelegate(
                new Notifier(mailSender, processEngine.getIdentityService(), "ptc@test.example")));
        var gm = processEngine.getIdentityService().newUser("gm");
        gm.setEmail("gm@test.example");
        processEngine.getIdentityService().saveUser(gm);
        EvaluationFixture.setClock("2026-02-10T08:00:00+08:00");
    }

    @AfterEach
    void clear() {
        processEngine.getIdentityService().clearAuthentication();
        processEngine.getIdentityService().deleteUser("gm");
        runtimeService().createProcessInstanceQuery().list()
                .forEach(p -> runtimeService().deleteProcessInstance(p.getId(), "test over"));
        fixture.clear();
    }

    @Test
    void the_monthly_timer_opens_one_talk_per_person_below_target_and_the_manager_records_it() {
        runSchedulerTimer();
        List<ProcessInstance> talks = runtimeService().createProcessInstanceQuery().processDefinitionKey("coaching-talk")
                .orderByBusinessKey().asc().list();
        assertThat(talks).extracting(ProcessInstance::getBusinessKey).containsExactly("2026-01:P2", "2026-01:P3");
        // the next run (or HR opening the month by hand) opens nothing twice
        assertThat(fixture.coaching.open(Period.parse("2026-01"), null)).isEmpty();
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("coaching-talk").count()).isEqualTo(2);

        ProcessInstance p2 = talks.get(0);
        Task talk = taskService().createTaskQuery().processInstanceId(p2.getId()).singleResult();
        assertThat(talk.getAssignee()).as("the head of P2's department").isEqualTo("sales.head");
        assertThat(talk.getName()).isEqualTo("面谈反馈 P2 2026-01 Coaching talk");
        assertThat(runtimeService().getVariable(p2.getId(), "scoreText")).isEqualTo("90%");
        assertThat(runtimeService().getVariable(p2.getId(), "attainmentsText")).isEqualTo("SALES_AMOUNT 90%");
        assertThat(talk.getDueDate()).as("ten days on, 09:00 Beijing").isEqualTo(java.util.Date.from(
                java.time.ZonedDateTime.parse("2026-02-20T09:00:00+08:00").toInstant()));

        as("u2");
        assertThatThrownBy(() -> taskService().complete(talk.getId(), record("2026-03-01")))
                .hasMessageContaining("cannot record your own coaching talk");
        as("sales.head");
        assertThatThrownBy(() -> taskService().complete(talk.getId(), Map.of("coachingStrengths", "客户关系好",
                "nextCheckDate", "2026-02-09")))
                .hasMessageContaining("请填写差距 gaps").hasMessageContaining("请填写商定的支持 agreed support")
                .hasMessageContaining("下次跟进日期须在明天至 2026-05-13 之间");
        assertThatThrownBy(() -> taskService().complete(talk.getId(), record("1.3.2026")))
                .hasMessageContaining("YYYY-MM-DD");
        taskService().complete(talk.getId(), record("2026-03-01"));
        assertThat(p2).isEnded().hasPassed("EndEvent_TalkRecorded");
        var stored = fixture.coaching.ofPerson("P2");
        assertThat(stored).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo("recorded");
            assertThat(t.recordedBy()).isEqualTo("sales.head");
            assertThat(t.nextCheckDate()).hasToString("2026-03-01");
        });
        String archived = fixture.jdbc.sql("select summary from archive_entry where person_code = 'P2' and entry_type = 'COACHING'")
                .query(String.class).single();
        assertThat(archived).contains("面谈反馈 Coaching talk 2026-01", "90%", "客户关系好", "每周陪同拜访两家客户", "2026-03-01");
    }

    @Test
    void a_talk_not_recorded_by_its_due_date_reminds_the_manager_once_and_stays_open() {
        runSchedulerTimer();
        ProcessInstance p3 = runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("2026-01:P3")
                .singleResult();
        Task talk = taskService().createTaskQuery().processInstanceId(p3.getId()).singleResult();
        assertThat(talk.getAssignee()).as("P3 has no department: the general manager").isEqualTo("gm");

        EvaluationFixture.setClock("2026-02-20T09:00:01+08:00");
        var due = managementService().createJobQuery().processInstanceId(p3.getId()).executable().list();
        assertThat(due).hasSize(1);
        managementService().executeJob(due.get(0).getId());
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.getTo()).containsExactly("gm@test.example");
            assertThat(m.getSubject()).contains("请记录面谈反馈", "P3");
        });
        assertThat(p3).isWaitingAt("Task_RecordCoachingTalk").hasPassed("EndEvent_Reminded");

        as("gm");
        taskService().complete(talk.getId(), record("2026-03-15"));
        assertThat(p3).isEnded();
    }

    private void runSchedulerTimer() {
        var timer = managementService().createJobQuery().processDefinitionKey("coaching-scheduler").singleResult();
        managementService().executeJob(timer.getId());
    }

    private static Map<String, Object> record(String nextCheck) {
        return Map.of("coachingStrengths", "客户关系好", "coachingGaps", "新客户开发不足",
                "coachingSupport", "每周陪同拜访两家客户", "nextCheckDate", nextCheck);
    }

    private void as(String user) {
        processEngine.getIdentityService().setAuthenticatedUserId(user);
    }
}
