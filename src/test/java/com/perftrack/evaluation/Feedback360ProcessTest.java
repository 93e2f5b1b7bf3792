package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.perftrack.archive.ArchiveService;
import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.calendar.Quarter;
import com.perftrack.notification.Notifier;
import com.perftrack.organisation.OrganisationService;
import com.perftrack.support.ProcessTestEngine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * 360° feedback (issue 17). Company PTCO (gm) → sales department (sales.head) → P1 (u1), P2 (u2);
 * P3 (u3) directly under the company. Raters: P1 = u1 self, sales.head manager, u2 peer; P2 = u2,
 * sales.head, u1; P3 = u3 self, gm manager (no peers: nobody else sits directly under the company).
 * The figure writer records what would become {@code FEEDBACK_360}.
 */
@Deployment(resources = {"bpmn/feedback-360.bpmn", "forms/feedback-360-start.form", "forms/feedback-360-rate.form"})
class Feedback360ProcessTest {

    static final ProcessTestEngine db = new ProcessTestEngine();
    static final Map<Object, Object> beans = new HashMap<>();
    static final JavaMailSender mail = mock(JavaMailSender.class);
    /** period → person → mean, as the figure writer received them. */
    static final Map<String, Map<String, BigDecimal>> recorded = new LinkedHashMap<>();

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
            .builder(db.configuration(beans)).assertClassCoverageAtLeast(1.0).build();

    ProcessEngine processEngine;
    EvaluationFixture fixture;
    Feedback360Service feedback;

    @BeforeEach
    void wire() {
        BpmnAwareTests.init(processEngine);
        fixture = new EvaluationFixture(db.jdbc(), processEngine);
        var calendar = new BusinessCalendar("Asia/Shanghai");
        feedback = new Feedback360Service(new Feedback360Repository(db.jdbc()), new OrganisationService(db.jdbc()),
                new ArchiveService(db.jdbc(), calendar), calendar, (period, means, source) ->
                        recorded.computeIfAbsent(period, p -> new LinkedHashMap<>()).putAll(means),
                processEngine.getRuntimeService());
        var notifier = new Notifier(mail, processEngine.getIdentityService(), "ptc@test.example");
        beans.put("openFeedbackRoundListener", new OpenFeedbackRoundListener(feedback));
        beans.put("openFeedbackRoundDelegate", new OpenFeedbackRoundDelegate(feedback));
        beans.put("feedbackRatingListener", new FeedbackRatingListener(feedback));
        beans.put("feedbackRaterListener", new FeedbackRaterListener(feedback));
        beans.put("remindRaterDelegate", new RemindRaterDelegate(feedback, notifier, "ptc@test.example"));
        beans.put("closeFeedbackRoundDelegate", new CloseFeedbackRoundDelegate(feedback));
        beans.put("improvementPlanSchedule", new ImprovementPlanSchedule(calendar));
        fixture.unit("PTCO", "company", null, "gm", "production");
        fixture.unit("PTCO-SALES", "department", "PTCO", "sales.head", "sales");
        fixture.unit("P1", "person", "PTCO-SALES", "u1", "employee");
        fixture.unit("P2", "person", "PTCO-SALES", "u2", "employee");
        fixture.unit("P3", "person", "PTCO", "u3", "employee");
        for (String user : new String[] {"u1", "u2", "u3", "sales.head", "gm"}) {
            var u = processEngine.getIdentityService().newUser(user);
            u.setEmail(user + "@ptco.example");
            processEngine.getIdentityService().saveUser(u);
        }
        recorded.clear();
        EvaluationFixture.setClock("2026-07-01T10:00:00+08:00");
    }

    @AfterEach
    void clear() {
        processEngine.getIdentityService().clearAuthentication();
        runtimeService().createProcessInstanceQuery().list()
                .forEach(p -> runtimeService().deleteProcessInstance(p.getId(), "test over"));
        for (String table : new String[] {"feedback_result", "feedback_rating", "feedback_round"}) {
            db.jdbc().sql("delete from " + table).update();
        }
        processEngine.getIdentityService().createUserQuery().list()
                .forEach(u -> processEngine.getIdentityService().deleteUser(u.getId()));
        fixture.clear();
    }

    @Test
    void hr_opens_a_round_everyone_rates_and_the_means_become_feedback_360_of_the_quarter_s_last_month() {
        as("hr.head");
        assertThatThrownBy(() -> start(Map.of("quarter", "2026-5"))).hasMessageContaining("YYYY-Qn");
        assertThatThrownBy(() -> start(Map.of("quarter", "2026-Q2", "personCodes", "P1, NOPE")))
                .hasMessageContaining("公司 PTCO 没有人员 NOPE");
        assertThatThrownBy(() -> start(Map.of("quarter", "2026-Q2", "deadlineDate", "2026-07-01")))
                .hasMessageContaining("截止日期须在明天至 60 天之内（2026-07-02 至 2026-08-30）");
        assertThat(runtimeService().createProcessInstanceQuery().count()).as("a refusal starts nothing").isZero();

        ProcessInstance round = start(Map.of("quarter", "2026-Q2"));
        assertThat(round).hasBusinessKey("PTCO:2026-Q2").isWaitingAt("Task_OpenRound");
        // 14 days: deadline 15 July, reminder 13 July, close 16 July (09:00)
        assertThat(runtimeService().getVariable(round.getId(), "remindDate")).isEqualTo("2026-07-13");
        assertThat(runtimeService().getVariable(round.getId(), "closeDate")).isEqualTo("2026-07-16");
        assertThatThrownBy(() -> start(Map.of("quarter", "2026-Q2"))).as("one round per company and quarter")
                .hasMessageContaining("360° feedback round of 2026-Q2 for PTCO has already been opened");
        runJobs(round);
        assertThat(round).isWaitingAt("Task_Rate");
        assertThat(tasks(round)).extracting(Task::getAssignee)
                .containsExactlyInAnyOrder("u1", "sales.head", "u2", "u2", "sales.head", "u1", "u3", "gm");

        Task p1Self = task(round, "u1", "P1");
        assertThat(p1Self.getName()).isEqualTo("360度反馈评分：P1（本人自评 self）360° feedback");
        assertThat(taskService().getVariableLocal(p1Self.getId(), "raterTypeLabel")).isEqualTo("本人自评 self");
        as("u1");
        assertThatThrownBy(() -> taskService().complete(p1Self.getId(), scores(6, 4, 4, 4)))
                .hasMessageContaining("“工作职责 duty”的评分须为 1 至 5 的整数");
        assertThatThrownBy(() -> taskService().complete(p1Self.getId(), scores(4, 3.5, 4, 4)))
                .hasMessageContaining("goals must be a whole number from 1 to 5");
        assertThatThrownBy(() -> taskService().complete(p1Self.getId(), Map.of("scoreDuty", 4, "scoreGoals", 4,
                "scoreTeamwork", 4))).hasMessageContaining("对公司贡献 contribution");
        as("u2");
        assertThatThrownBy(() -> taskService().complete(p1Self.getId(), scores(1, 1, 1, 1)))
                .hasMessageContaining("only the assigned rater may submit this rating");

        // P1: self 4,4,4,4 (16); manager 3,4,5,4 (16); peer 5,5,4,4 (18): 50 / 12 = 4.1667
        rate(round, "u1", "P1", 4, 4, 4, 4);
        rate(round, "sales.head", "P1", 3, 4, 5, 4);
        rate(round, "u2", "P1", 5, 5, 4, 4);
        // P2: three times 2,3,3,4 (12): 36 / 12 = 3.0
        rate(round, "u2", "P2", 2, 3, 3, 4);
        rate(round, "sales.head", "P2", 2, 3, 3, 4);
        rate(round, "u1", "P2", 2, 3, 3, 4);
        // P3: self 5,5,5,5 (20); manager 3,3,3,3 (12): 32 / 8 = 4.0
        rate(round, "u3", "P3", 5, 5, 5, 5);
        assertThat(round).isWaitingAt("Task_Rate");
        rate(round, "gm", "P3", 3, 3, 3, 3);
        assertThat(round).isWaitingAt("Task_CloseRound");
        runJobs(round);

        assertThat(round).isEnded().hasPassed("Task_CloseRound", "EndEvent_RoundClosed").hasNotPassed("Task_RemindRater");
        assertThat(recorded).containsOnlyKeys("2026-06");
        assertThat(recorded.get("2026-06")).containsOnlyKeys("P1", "P2", "P3");
        assertThat(recorded.get("2026-06").get("P1")).isEqualByComparingTo("4.1667");
        assertThat(recorded.get("2026-06").get("P2")).isEqualByComparingTo("3.0");
        assertThat(recorded.get("2026-06").get("P3")).isEqualByComparingTo("4.0");
        var p1 = feedback.results(Quarter.parse("2026-Q2"), null).stream().filter(r -> r.personCode().equals("P1"))
                .findFirst().orElseThrow();
        assertThat(p1.raters()).isEqualTo(3);
        assertThat(p1.byType()).as("one peer: hidden").containsOnlyKeys("self", "manager");
        assertThat(db.jdbc().sql("select entry_key from archive_entry where entry_type = 'FEEDBACK_360' order by entry_key")
                .query(String.class).list()).hasSize(3).allMatch(k -> k.startsWith("FEEDBACK_360:"));
    }

    @Test
    void unanswered_raters_are_reminded_and_the_deadline_closes_the_round_with_the_answers_it_has() {
        as("hr.head");
        // two persons only, deadline 5 July: reminder 3 July, close 6 July
        ProcessInstance round = start(Map.of("quarter", "2026-Q3", "personCodes", "P1，P3", "deadlineDate", "2026-07-05"));
        runJobs(round);
        assertThat(tasks(round)).hasSize(5);
        rate(round, "u1", "P1", 4, 4, 4, 4);

        EvaluationFixture.setClock("2026-07-03T09:00:00+08:00");
        runJobs(round);
        assertThat(round).hasPassed("Task_RemindRater", "EndEvent_RaterReminded").isWaitingAt("Task_Rate");
        var sent = ArgumentCaptor.forClass(SimpleMailMessage.class);
        verify(mail, atLeastOnce()).send(sent.capture());
        List<String> to = new ArrayList<>();
        sent.getAllValues().forEach(m -> to.addAll(List.of(m.getTo())));
        assertThat(to).as("the four who have not answered, not u1").containsExactlyInAnyOrder("sales.head@ptco.example",
                "u2@ptco.example", "u3@ptco.example", "gm@ptco.example");
        assertThat(sent.getAllValues().get(0).getText()).contains("2026-07-06");

        EvaluationFixture.setClock("2026-07-06T09:00:00+08:00");
        runJobs(round);
        assertThat(round).isEnded().hasPassed("Timer_RoundDeadline", "Task_CloseRound", "EndEvent_RoundClosed");
        assertThat(tasks(round)).isEmpty();
        // only u1's answer for P1 (16 / 4 = 4.0); P3 nobody answered: no figure, never a zero
        assertThat(recorded.get("2026-09")).containsOnlyKeys("P1");
        assertThat(recorded.get("2026-09").get("P1")).isEqualByComparingTo("4.0");
        as("u1");
        assertThatThrownBy(() -> feedback.rate(Long.parseLong(db.jdbc().sql("select min(id) from feedback_rating "
                + "where rated_at is null").query(String.class).single()), 3, 3, 3, 3, null, "sales.head"))
                .as("a closed round takes no answers").hasMessageContaining("this 360° feedback round is closed");
    }

    @Test
    void a_round_cancelled_before_it_closed_does_not_block_the_quarter() {
        as("hr.head");
        ProcessInstance first = start(Map.of("quarter", "2026-Q2"));
        runJobs(first);
        // an administrator cancels it in Cockpit (its listeners are skipped there)
        runtimeService().deleteProcessInstance(first.getId(), "started with the wrong people", true);
        as("hr.head");
        ProcessInstance second = start(Map.of("quarter", "2026-Q2"));
        assertThat(second).hasBusinessKey("PTCO:2026-Q2").isWaitingAt("Task_OpenRound");
        assertThat(db.jdbc().sql("select count(*) from feedback_round where quarter = '2026-Q2'").query(Integer.class)
                .single()).isOne();
    }

    private ProcessInstance start(Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put("companyCode", "PTCO");
        return runtimeService().startProcessInstanceByKey("feedback-360", all);
    }

    private void rate(ProcessInstance round, String rater, String person, Object duty, Object goals, Object teamwork,
            Object contribution) {
        Task task = task(round, rater, person);
        as(rater);
        taskService().complete(task.getId(), scores(duty, goals, teamwork, contribution));
    }

    private static Map<String, Object> scores(Object duty, Object goals, Object teamwork, Object contribution) {
        return Map.of("scoreDuty", duty, "scoreGoals", goals, "scoreTeamwork", teamwork, "scoreContribution", contribution,
                "ratingComment", "评语 comment");
    }

    private Task task(ProcessInstance round, String rater, String person) {
        return tasks(round).stream().filter(t -> rater.equals(t.getAssignee()))
                .filter(t -> person.equals(taskService().getVariableLocal(t.getId(), "ratedPersonName")))
                .findFirst().orElseThrow(() -> new AssertionError("no task of " + rater + " for " + person));
    }

    private List<Task> tasks(ProcessInstance round) {
        return taskService().createTaskQuery().processInstanceId(round.getId()).taskDefinitionKey("Task_Rate").list();
    }

    private void runJobs(ProcessInstance instance) {
        for (int round = 0; round < 10; round++) {
            List<Job> due = managementService().createJobQuery().processInstanceId(instance.getId()).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(j -> managementService().executeJob(j.getId()));
        }
    }

    private void as(String userId) {
        processEngine.getIdentityService().setAuthenticatedUserId(userId);
    }
}
