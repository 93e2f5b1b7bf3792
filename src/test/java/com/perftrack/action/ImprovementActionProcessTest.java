package com.perftrack.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.perftrack.archive.ArchiveService;
import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.kpi.KpiCatalog;
import com.perftrack.meeting.ChairStandInListener;
import com.perftrack.meeting.Finding;
import com.perftrack.meeting.FindingService;
import com.perftrack.meeting.MeetingRecordService;
import com.perftrack.notification.Notifier;
import com.perftrack.organisation.OrganisationService;
import com.perftrack.support.ProcessTestEngine;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Walks every path of {@code improvement-action} with the engine clock moved from February to
 * April 2028: send-back by the pre-check and by the SMART review, ten-day reports on time and late
 * (reminder after a day, escalation after three, both mailed to GreenMail), the deadline passing
 * without an outcome, and the outcome message ending the action into the archive.
 */
@Deployment(resources = {"bpmn/improvement-action.bpmn", "forms/improvement-action-write.form",
        "forms/improvement-action-review.form", "forms/improvement-action-report.form",
        "forms/improvement-action-follow-up-report.form", "forms/improvement-action-follow-up-action.form",
        "forms/improvement-action-repeated-failure.form"})
class ImprovementActionProcessTest {

    static final ProcessTestEngine db = new ProcessTestEngine();
    static final BusinessCalendar calendar = new BusinessCalendar("Asia/Shanghai");
    static final ActionSettings settings = ActionSettings.defaults();
    static final Map<Object, Object> beans = new HashMap<>();
    static final String PROCESS = "improvement-action";

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
            .builder(configuration()).assertClassCoverageAtLeast(1.0).build();

    private static ProcessCoverageInMemProcessEngineConfiguration configuration() {
        var configuration = db.configuration(beans);
        // as application.yaml: demo user ids have dots (sales.head)
        configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._-]*|camunda-admin");
        return configuration;
    }

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    ProcessEngine processEngine;
    ActionService actions;
    FindingService findings;
    ArchiveService archive;
    MeetingRecordService meetings;
    final JdbcClient jdbc = db.jdbc();

    @BeforeEach
    void wire() {
        BpmnAwareTests.init(processEngine);
        var repository = new ActionRepository(jdbc, calendar);
        var organisation = new OrganisationService(jdbc);
        findings = new FindingService(jdbc, calendar);
        archive = new ArchiveService(jdbc, calendar);
        var mailSender = new JavaMailSenderImpl();
        mailSender.setHost("localhost");
        mailSender.setPort(ServerSetupTest.SMTP.getPort());
        var notifier = new Notifier(mailSender, processEngine.getIdentityService(), "cycle@test.example");
        var schedule = new TenDayReportSchedule(calendar, settings);
        var pickers = new ActionPickers(processEngine.getIdentityService(), organisation);
        beans.put("openActionDelegate", new OpenActionDelegate(findings, organisation, repository, calendar, pickers));
        beans.put("actionFormListener", new ActionFormListener(pickers));
        beans.put("smartPreCheckDelegate", new SmartPreCheckDelegate(repository, new KpiCatalog(jdbc), calendar, settings));
        beans.put("smartReviewListener", new SmartReviewListener(pickers));
        beans.put("recordSmartReviewDelegate", new RecordSmartReviewDelegate(repository, calendar));
        beans.put("activateActionDelegate", new ActivateActionDelegate(repository, calendar, settings, schedule));
        beans.put("tenDayReportSchedule", schedule);
        beans.put("tenDayReportListener", new TenDayReportListener(repository, calendar));
        // the sales department's days 1–10 February 2028 (the figures themselves are DimensionsIT's)
        var figures = org.mockito.Mockito.mock(com.perftrack.kpi.FigureService.class);
        org.mockito.Mockito.when(figures.dailyActualsRolledUp("ACME-SALES", java.time.LocalDate.of(2028, 2, 1),
                java.time.LocalDate.of(2028, 2, 10))).thenReturn(Map.of("SALES_AMOUNT", new java.math.BigDecimal("35000")));
        beans.put("tenDayFiguresListener", new TenDayFiguresListener(repository, organisation, new KpiCatalog(jdbc), figures));
        beans.put("sendReportReminderDelegate", new SendReportReminderDelegate(notifier, settings));
        beans.put("sendReportEscalationDelegate", new SendReportEscalationDelegate(notifier, settings));
        beans.put("sendDeadlineEscalationDelegate", new SendDeadlineEscalationDelegate(notifier, calendar, settings));
        beans.put("recordOutcomeDelegate", new RecordOutcomeDelegate(repository, archive, organisation, calendar));
        actions = new ActionService(repository, processEngine.getRuntimeService(), calendar);
        beans.put("planNextReportDelegate", new PlanNextReportDelegate());
        beans.put("reissueActionDelegate", new ReissueActionDelegate(actions));
        beans.put("sendRepeatedEscalationDelegate", new SendRepeatedEscalationDelegate(notifier, organisation, settings));
        beans.put("chairInstructionListener", new ChairInstructionListener(actions));
        meetings = new MeetingRecordService(jdbc, calendar);
        beans.put("chairStandInListener", new ChairStandInListener(meetings));

        setClock("2028-02-01T10:00:00+08:00");
        seedOrganisation();
        user("sales.head", "sales", "sales.head@acme.example");
        user("secgen", "secretary-general", "secgen@acme.example");
        user("gm", "committee-chair", "gm@acme.example");
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        for (ProcessInstance pi : runtimeService().createProcessInstanceQuery().list()) {
            runtimeService().deleteProcessInstance(pi.getId(), "test ends");
        }
        for (String table : List.of("archive_entry", "action_report", "smart_review", "meeting_attendance",
                "chair_stand_in", "improvement_action", "finding", "org_unit")) {
            jdbc.sql("delete from " + table).update();
        }
    }

    @Test
    void an_action_is_sent_back_twice_reported_on_every_ten_day_date_escalated_and_closed_by_its_outcome()
            throws Exception {
        long findingId = finding("sales");
        ProcessInstance action = start(findingId, "sales");
        assertThat(action).hasBusinessKey("F" + findingId + "-sales").isWaitingAt("Task_OpenAction");
        runDueJobs(action);
        long actionId = (Long) runtimeService().getVariable(action.getId(), "actionId");

        // single department: its manager writes and owns the action
        assertThat(action).isWaitingAt("Task_WriteActionForm");
        assertThat(task(action)).isAssignedTo("sales.head");
        assertThat(candidateGroups(task(action))).containsExactly("sales");
        assertThat(actions.action(actionId).orElseThrow().ownerUserId()).isEqualTo("sales.head");

        // round 1: no number in the expected result → back to the author with the reason
        complete(action, form("提高客户满意度", "2028-03-31"));
        runDueJobs(action);
        assertThat(action).isWaitingAt("Task_WriteActionForm");
        assertThat((String) runtimeService().getVariable(action.getId(), "smartFeedback"))
                .contains("量化目标").contains("quantified target");

        // round 2: passes the pre-check, the standing office finds it not measurable
        complete(action, form("SALES_AMOUNT 提升 15% 至 115 万", "2028-03-31"));
        runDueJobs(action);
        assertThat(action).isWaitingAt("Task_ReviewSmart");
        assertThat(task(action)).hasCandidateGroup("marketing");
        complete(action, review(false, "基线不清楚 baseline unclear"));
        runDueJobs(action);
        assertThat(action).isWaitingAt("Task_WriteActionForm");
        assertThat((String) runtimeService().getVariable(action.getId(), "smartFeedback"))
                .contains("M 可衡量").contains("基线不清楚");

        // round 3: compliant; the action opens on 5 February 2028
        complete(action, form("SALES_AMOUNT 从 100 万提升 15% 至 115 万", "2028-03-31"));
        runDueJobs(action);
        complete(action, review(true, "符合"));
        setClock("2028-02-05T10:00:00+08:00");
        runDueJobs(action);
        assertThat(actions.action(actionId).orElseThrow()).satisfies(a -> {
            assertThat(a.status()).isEqualTo("OPEN");
            assertThat(a.smartRounds()).isEqualTo(3);
            assertThat(a.openedOn()).isEqualTo(LocalDate.of(2028, 2, 5));
        });
        assertThat(jdbc.sql("select count(*) from smart_review where action_id = ?").param(actionId)
                .query(Integer.class).single()).as("3 pre-checks + 2 reviews").isEqualTo(5);

        // one ten-day date at a time, at 09:00 Beijing time: the next one is planned when this one falls due
        assertThat(reportTimerDates(action)).containsExactly(at("2028-02-10"));

        setClock("2028-02-10T09:00:00+08:00");
        runDueJobs(action);
        assertThat(reportTimerDates(action)).containsExactly(at("2028-02-20"));
        // the responsible person named in the form (a member of sales) files the report, not the manager
        assertThat(reportTask(action, "2028-02-10")).isAssignedTo("sales1");
        // issue 16: the 旬's daily figures beside the action's indicator (SALES_AMOUNT, the finding's KPI)
        assertThat((String) taskService().getVariableLocal(reportTask(action, "2028-02-10").getId(), "tenDayFigures"))
                .contains("2028-02-01 – 2028-02-10", "SALES_AMOUNT", "35000.00");
        completeReport(action, "2028-02-10", 10, "102");

        // the 20 February report is missed: reminder after a day, escalation after three
        setClock("2028-02-20T09:00:00+08:00");
        runDueJobs(action);
        assertThat(reportTask(action, "2028-02-20").getName()).contains("2028-02-20");
        setClock("2028-02-21T09:00:00+08:00");
        runDueJobs(action);
        assertThat(reportTask(action, "2028-02-20").getPriority()).isEqualTo(SendReportReminderDelegate.REMINDED_PRIORITY);
        MimeMessage reminder = lastMail();
        assertThat(reminder.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("sales.head@acme.example");
        assertThat(reminder.getSubject()).contains("催报").contains("2028-02-20");
        // actions keep their own sender (ptc.action.mail-from), not the notifier's default
        assertThat(reminder.getFrom()[0].toString()).isEqualTo(settings.mailFrom());

        setClock("2028-02-23T09:00:00+08:00");
        runDueJobs(action);
        // escalated to the secretary-general, and the manager is told too (sales1 files the reports)
        MimeMessage[] mails = greenMail.getReceivedMessages();
        assertThat(mails).hasSize(3);
        assertThat(Arrays.stream(mails).skip(1).map(this::firstTo))
                .containsExactlyInAnyOrder("secgen@acme.example", "sales.head@acme.example");
        MimeMessage escalation = lastMail();
        assertThat(escalation.getSubject()).contains("升级").contains("2028-02-20");
        assertThat(escalation.getFrom()[0].toString()).isEqualTo(settings.mailFrom());
        Task followUp = taskService().createTaskQuery().processInstanceId(action.getId())
                .taskDefinitionKey("Task_FollowUpOverdueReport").singleResult();
        assertThat(followUp).hasCandidateGroup("secretary-general");
        taskService().complete(followUp.getId(), Map.of("followUpNote", "已电话催办"));
        completeReport(action, "2028-02-20", 25, "104.5");

        Map<String, Integer> progress = Map.of("2028-02-29", 40, "2028-03-10", 60, "2028-03-20", 80, "2028-03-31", 100);
        for (String date : List.of("2028-02-29", "2028-03-10", "2028-03-20", "2028-03-31")) {
            setClock(date + "T09:00:00+08:00");
            runDueJobs(action);
            completeReport(action, date, progress.get(date), "108");
        }
        assertThat(action).hasPassed("EndEvent_ReportsFiled");
        assertThat(actions.reports(actionId)).extracting(TenDayReport::dueDate).containsExactly(
                LocalDate.parse("2028-02-10"), LocalDate.parse("2028-02-20"), LocalDate.parse("2028-02-29"),
                LocalDate.parse("2028-03-10"), LocalDate.parse("2028-03-20"), LocalDate.parse("2028-03-31"));
        assertThat(actions.action(actionId).orElseThrow().lastProgressPct()).isEqualByComparingTo("100");

        // the deadline passes without an outcome: the secretary-general is told, and again later
        setClock("2028-04-01T09:00:00+08:00");
        runDueJobs(action);
        assertThat(lastMail().getSubject()).contains("逾期未评价");
        assertThat(action).isWaitingAt("Task_FollowUpOverdueAction");
        assertThat(task(action)).hasCandidateGroup("secretary-general");
        taskService().complete(taskService().createTaskQuery().processInstanceId(action.getId())
                .taskDefinitionKey("Task_FollowUpOverdueAction").singleResult().getId(),
                Map.of("actionFollowUpNote", "列入 4 月会议议程"));
        assertThat(action).isWaitingAt("Timer_OutcomeOverdue");
        assertThat(actions.actionsForAgenda("ACME", "2028-03")).extracting(ActionView::actionId).contains(actionId);

        // past the deadline the reports go on while the action is open, and it shows as overdue
        setClock("2028-04-10T09:00:00+08:00");
        runDueJobs(action);
        assertThat(reportTask(action, "2028-04-10")).isAssignedTo("sales1");
        assertThat(actions.action(actionId).orElseThrow()).satisfies(a -> {
            assertThat(a.overdue()).isTrue();
            assertThat(a.state()).isEqualTo("overdue");
        });
        assertThat(actions.actions("overdue", null, null, null)).extracting(ActionView::actionId).containsExactly(actionId);

        // the next meeting records the outcome: archive entry, process ends
        actions.recordOutcome(actionId, "IMPROVED", "华东区经验：重点客户周访", "2028-03", "marketing.head");
        runDueJobs(action);
        assertThat(action).isEnded().hasPassed("Task_ArchiveOutcome", "EndEvent_ActionClosed");
        ActionView done = actions.action(actionId).orElseThrow();
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.outcome()).isEqualTo("IMPROVED");
        assertThat(done.state()).isEqualTo("improved");
        assertThat(done.overdue()).isFalse();
        assertThat(taskService().createTaskQuery().processInstanceId(action.getId()).count())
                .as("the open report ends with the action").isZero();
        assertThat(archive.entriesOf("sales.head")).singleElement().satisfies(e -> {
            assertThat(e.entryType()).isEqualTo("ACTION_OUTCOME");
            assertThat(e.summary()).contains("已改进").contains("重点客户周访");
            assertThat(e.cycle()).isEqualTo("2028-03");
        });
        assertThat(archive.entriesOf("P-SALES1")).as("the responsible person's archive").hasSize(1);
        assertThat(actions.actions("done", "2028-01", "sales", "sales.head")).extracting(ActionView::actionId)
                .containsExactly(actionId);
        assertThat(actions.actions("open", null, null, null)).isEmpty();
        // a repeated call from a retried meeting step changes nothing
        actions.recordOutcome(actionId, "NOT_IMPROVED", "again", "2028-03", "marketing.head");
        assertThat(actions.action(actionId).orElseThrow().outcome()).isEqualTo("IMPROVED");
    }

    @Test
    void a_cross_department_action_is_owned_by_the_general_manager_with_one_part_per_department() {
        long findingId = finding("sales,production");
        ProcessInstance salesPart = start(findingId, "sales");
        ProcessInstance productionPart = start(findingId, "production");
        runDueJobs(salesPart);
        runDueJobs(productionPart);

        long salesAction = (Long) runtimeService().getVariable(salesPart.getId(), "actionId");
        long productionAction = (Long) runtimeService().getVariable(productionPart.getId(), "actionId");
        assertThat(salesAction).isNotEqualTo(productionAction);
        assertThat(actions.action(salesAction).orElseThrow()).satisfies(a -> {
            assertThat(a.crossDepartment()).isTrue();
            assertThat(a.ownerUserId()).isEqualTo("gm");
            assertThat(a.authorUserId()).isEqualTo("sales.head");
        });
        assertThat(task(salesPart)).isAssignedTo("sales.head");
        // production has no manager in the organisation: its group writes the part, and that is recorded
        assertThat(actions.action(productionAction).orElseThrow()).satisfies(a -> {
            assertThat(a.ownerUserId()).isEqualTo("gm");
            assertThat(a.authorUserId()).isNull();
            assertThat(a.ownerNote()).contains("production");
        });
        assertThat(task(productionPart)).hasCandidateGroup("production");
        assertThat(task(productionPart).getAssignee()).isNull();
    }

    @Test
    void an_outcome_before_the_action_opened_still_closes_and_archives_it() {
        ProcessInstance action = start(finding("sales"), "sales");
        runDueJobs(action);
        long actionId = (Long) runtimeService().getVariable(action.getId(), "actionId");
        actions.recordOutcome(actionId, "NOT_IMPROVED", "措施未落实，提出批评", "2028-01", "secgen");
        runDueJobs(action);
        assertThat(action).isEnded().hasPassed("Task_ReissueAction");
        assertThat(archive.entriesOf("sales.head")).singleElement()
                .satisfies(e -> assertThat(e.summary()).contains("未改进").contains("批评"));
    }

    @Test
    void an_unknown_outcome_or_an_impossible_progress_is_refused() {
        ProcessInstance action = start(finding("sales"), "sales");
        runDueJobs(action);
        long actionId = (Long) runtimeService().getVariable(action.getId(), "actionId");
        assertThatThrownBy(() -> actions.recordOutcome(actionId, "MAYBE", "", "2028-01", "secgen"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IMPROVED");

        complete(action, form("SALES_AMOUNT 提升 15% 至 115 万", "2028-02-15"));
        runDueJobs(action);
        complete(action, review(true, ""));
        runDueJobs(action);
        setClock("2028-02-10T09:00:00+08:00");
        runDueJobs(action);
        Task report = reportTask(action, "2028-02-10");
        assertThatThrownBy(() -> taskService().complete(report.getId(),
                Map.of("progressPct", 150, "indicatorValue", 1))).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("0 到 100");
        assertThat(reportsOf(actionId)).isZero();
    }

    @Test
    void marketings_own_action_is_reviewed_by_the_secretary_general_never_by_marketing() {
        user("marketing.head", "marketing", "marketing.head@acme.example");
        ProcessInstance action = start(finding("marketing"), "marketing");
        runDueJobs(action);
        assertThat(task(action)).isAssignedTo("marketing.head");
        complete(action, form("SALES_AMOUNT 从 100 万提升 15% 至 115 万", "2028-03-31"));
        runDueJobs(action);

        assertThat(action).isWaitingAt("Task_ReviewSmart");
        assertThat(candidateGroups(task(action))).containsExactly("secretary-general");
        // even handed the task by hand, marketing's head may not pass its own department's action
        Task review = task(action);
        processEngine.getIdentityService().setAuthentication("marketing.head", List.of("marketing"));
        try {
            assertThatThrownBy(() -> taskService().complete(review.getId(), review(true, "自己审核")))
                    .hasMessageContaining("不能审核本部门的改进行动");
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
        assertThat(action).isWaitingAt("Task_ReviewSmart");

        processEngine.getIdentityService().setAuthentication("secgen", List.of("secretary-general"));
        try {
            taskService().complete(review.getId(), review(true, "符合"));
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
        runDueJobs(action);
        long actionId = (Long) runtimeService().getVariable(action.getId(), "actionId");
        assertThat(jdbc.sql("select reviewer from smart_review where action_id = ? and kind = 'REVIEW'").param(actionId)
                .query(String.class).single()).isEqualTo("secgen");
        assertThat(actions.action(actionId).orElseThrow().status()).isEqualTo("OPEN");
    }

    @Test
    void an_action_written_by_a_secretary_general_is_followed_up_by_the_general_manager() throws Exception {
        // the VP of sales is the secretary-general and heads the sales department
        user("vp", "sales", "vp@acme.example");
        if (processEngine.getIdentityService().createUserQuery().userId("vp").memberOfGroup("secretary-general").count() == 0) {
            processEngine.getIdentityService().createMembership("vp", "secretary-general");
        }
        jdbc.sql("update org_unit set user_id = 'vp' where code = 'ACME-SALES'").update();
        ProcessInstance action = start(finding("sales"), "sales");
        runDueJobs(action);
        assertThat(task(action)).isAssignedTo("vp");
        complete(action, form("SALES_AMOUNT 从 100 万提升 15% 至 115 万", "2028-02-15"));
        runDueJobs(action);
        assertThat(candidateGroups(task(action))).as("the standing office reviews sales").containsExactly("marketing");
        complete(action, review(true, "符合"));
        runDueJobs(action);

        // the 10 February report is three days late: not the secretary-general (who wrote it) but the general manager follows up
        setClock("2028-02-10T09:00:00+08:00");
        runDueJobs(action);
        setClock("2028-02-13T09:00:00+08:00");
        runDueJobs(action);
        Task followUp = taskService().createTaskQuery().processInstanceId(action.getId())
                .taskDefinitionKey("Task_FollowUpOverdueReport").singleResult();
        assertThat(candidateGroups(followUp)).containsExactly("committee-chair");
        assertThat(Arrays.stream(greenMail.getReceivedMessages()).map(this::firstTo))
                .contains("gm@acme.example", "vp@acme.example");
    }

    @Test
    void the_responsible_person_is_chosen_from_the_companys_users_and_a_stranger_is_refused() {
        ProcessInstance action = start(finding("sales"), "sales");
        runDueJobs(action);
        Task write = task(action);
        // the choices the form's selects read, put into the task by the server
        String people = taskService().getVariableLocalTyped(write.getId(), ActionFormListener.PEOPLE).getValue().toString();
        assertThat(people).contains("\"value\":\"sales1\"").contains("\"value\":\"sales.head\"")
                .contains("\"value\":\"gm\"");
        String departments = taskService().getVariableLocalTyped(write.getId(), ActionFormListener.DEPARTMENTS).getValue()
                .toString();
        assertThat(departments).contains("\"label\":\"ACME-SALES\",\"value\":\"sales\"");

        Map<String, Object> stranger = new HashMap<>(form("SALES_AMOUNT 提升 15% 至 115 万", "2028-03-31"));
        stranger.put("responsiblePerson", "someone.else");
        assertThatThrownBy(() -> taskService().complete(write.getId(), stranger))
                .hasMessageContaining("不是本公司的用户").hasMessageContaining("someone.else");
        assertThat(action).isWaitingAt("Task_WriteActionForm");
        assertThat(runtimeService().getVariable(action.getId(), "smartRound")).isEqualTo(0);
    }

    @Test
    void ten_day_reports_go_on_past_the_deadline_until_the_result_is_heard() {
        // issue 13 must-show 3 in the engine: opened 5 Feb 2028, deadline 15 Feb, result on 25 March
        ProcessInstance action = openAction("2028-02-15");
        long actionId = (Long) runtimeService().getVariable(action.getId(), "actionId");
        List<String> due = new java.util.ArrayList<>();
        for (String date : List.of("2028-02-10", "2028-02-15", "2028-02-20", "2028-02-29", "2028-03-10", "2028-03-20")) {
            setClock(date + "T09:00:00+08:00");
            runDueJobs(action);
            due.add(date);
            assertThat(openReportDates(action)).as("report tasks on " + date).containsExactly(date);
            completeReport(action, date, 50, "105");
        }
        assertThat(actions.action(actionId).orElseThrow().state()).isEqualTo("overdue");
        assertThat(reportTimerDates(action)).containsExactly(at("2028-03-31"));
        setClock("2028-03-25T15:00:00+08:00");
        actions.recordOutcome(actionId, "IMPROVED", "补拜访后回升", "2028-03", "marketing.head");
        runDueJobs(action);
        setClock("2028-03-31T09:00:00+08:00");
        runDueJobs(action);
        assertThat(action).isEnded();
        assertThat(actions.reports(actionId)).extracting(r -> r.dueDate().toString()).containsExactlyElementsOf(due);
    }

    @Test
    void not_improved_reissues_the_problem_as_the_next_round_with_the_new_deadline() {
        ProcessInstance first = openAction("2028-02-15");
        long firstId = (Long) runtimeService().getVariable(first.getId(), "actionId");
        setClock("2028-03-05T15:00:00+08:00");
        actions.recordOutcome(firstId, "NOT_IMPROVED", "拜访未落实，客户流失", "2028-02", "marketing.head",
                ActionView.REISSUE, LocalDate.parse("2028-04-30"), null);
        runDueJobs(first);
        assertThat(first).isEnded().hasPassed("Task_ReissueAction", "EndEvent_NotImproved")
                .hasNotPassed("Task_SendRepeatedEscalation", "EndEvent_ActionClosed");
        assertThat(actions.action(firstId).orElseThrow()).satisfies(a -> {
            assertThat(a.state()).isEqualTo("reissued");
            assertThat(a.outcomeDecision()).isEqualTo("REISSUE");
        });
        assertThat(archive.entriesOf("sales.head")).singleElement()
                .satisfies(e -> assertThat(e.summary()).contains("未改进").contains("再次下发"));

        ProcessInstance second = runtimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(first.getBusinessKey() + "-R2").singleResult();
        assertThat(second).isNotNull();
        runDueJobs(second);
        long secondId = (Long) runtimeService().getVariable(second.getId(), "actionId");
        assertThat(actions.action(secondId).orElseThrow()).satisfies(a -> {
            assertThat(a.round()).isEqualTo(2);
            assertThat(a.reissuedFrom()).isEqualTo(firstId);
            assertThat(a.findingId()).isEqualTo(actions.action(firstId).orElseThrow().findingId());
            assertThat(a.period()).as("the meeting that reissued it").isEqualTo("2028-02");
            assertThat(a.state()).isEqualTo("draft");
            assertThat(a.measures()).isEqualTo("每周拜访重点客户 3 家");
        });
        // the manager revises the last round's form, opened with the committee's deadline and why
        assertThat(second).isWaitingAt("Task_WriteActionForm");
        assertThat(task(second)).isAssignedTo("sales.head");
        assertThat(runtimeService().getVariable(second.getId(), "deadline")).isEqualTo("2028-04-30");
        assertThat((String) runtimeService().getVariable(second.getId(), "smartFeedback"))
                .contains("再次下发").contains("拜访未落实");
        // the next agenda lists it, marked as reissued; the first round is no longer open
        assertThat(actions.actionsForAgenda("ACME", "2028-03")).filteredOn(ActionView::reissued)
                .extracting(ActionView::actionId).containsExactly(secondId);
        assertThat(actions.actions("open", null, null, null)).extracting(ActionView::actionId).containsExactly(secondId);
        assertThat(actions.actions("reissued", null, null, null)).extracting(ActionView::actionId).containsExactly(firstId);
        // a retried reissue starts nothing twice
        assertThat(actions.reissue(firstId, "2028-04-30")).isEqualTo(first.getBusinessKey() + "-R2");
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isEqualTo(1);
    }

    @Test
    void a_second_not_improved_in_a_row_goes_to_the_general_manager_who_instructs() throws Exception {
        ProcessInstance first = openAction("2028-02-15");
        long firstId = (Long) runtimeService().getVariable(first.getId(), "actionId");
        setClock("2028-03-05T15:00:00+08:00");
        actions.recordOutcome(firstId, "NOT_IMPROVED", "拜访未落实", "2028-02", "marketing.head");
        runDueJobs(first);
        ProcessInstance second = runtimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(first.getBusinessKey() + "-R2").singleResult();
        runDueJobs(second);
        long secondId = (Long) runtimeService().getVariable(second.getId(), "actionId");
        complete(second, form("SALES_AMOUNT 从 100 万提升 15% 至 115 万", "2028-03-31"));
        runDueJobs(second);
        complete(second, review(true, "符合"));
        runDueJobs(second);
        assertThat(actions.action(secondId).orElseThrow().state()).isEqualTo("open");
        int mailsBefore = greenMail.getReceivedMessages().length;

        // the April meeting: still not improved; the committee closes it with a reason, the GM is told
        setClock("2028-04-03T15:00:00+08:00");
        actions.recordOutcome(secondId, "NOT_IMPROVED", "市场萎缩，拜访无效", "2028-03", "marketing.head",
                ActionView.CLOSE, null, "外部市场原因，转入年度战略议题");
        runDueJobs(second);
        assertThat(second).hasPassed("Gateway_NotImprovedJoin", "Task_SendRepeatedEscalation")
                .hasNotPassed("Task_ReissueAction").isWaitingAt("Task_ChairReviewRepeated");
        assertThat(task(second)).isAssignedTo("gm");
        assertThat(candidateGroups(task(second))).containsExactly("committee-chair");
        assertThat((String) runtimeService().getVariable(second.getId(), "repeatedSummary"))
                .contains("连续第 2 次未改善").contains("外部市场原因");
        assertThat(greenMail.getReceivedMessages()).hasSize(mailsBefore + 1);
        assertThat(lastMail().getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("gm@acme.example");
        assertThat(lastMail().getSubject()).contains("连续未改善");
        assertThat(actions.action(secondId).orElseThrow()).satisfies(a -> {
            assertThat(a.state()).isEqualTo("closed");
            assertThat(a.closeReason()).isEqualTo("外部市场原因，转入年度战略议题");
        });
        assertThat(actions.notImprovedInARow(secondId)).isEqualTo(2);

        Task instruct = task(second);
        assertThatThrownBy(() -> taskService().complete(instruct.getId(), Map.of("chairInstruction", " ")))
                .hasMessageContaining("请写下总经理的批示");
        processEngine.getIdentityService().setAuthentication("gm", List.of("committee-chair"));
        try {
            taskService().complete(instruct.getId(), Map.of("chairInstruction", "由销售副总牵头制定区域调整方案"));
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
        assertThat(second).isEnded().hasPassed("EndEvent_Escalated");
        assertThat(actions.action(secondId).orElseThrow().chairInstruction()).isEqualTo("由销售副总牵头制定区域调整方案");
        assertThat(jdbc.sql("select chair_by from improvement_action where id = ?").param(secondId).query(String.class)
                .single()).isEqualTo("gm");
    }

    @Test
    void with_the_general_manager_absent_at_that_meeting_the_vice_chair_takes_the_repeated_failure_as_stand_in() {
        ProcessInstance first = openAction("2028-02-15");
        long firstId = (Long) runtimeService().getVariable(first.getId(), "actionId");
        setClock("2028-03-05T15:00:00+08:00");
        actions.recordOutcome(firstId, "NOT_IMPROVED", "拜访未落实", "2028-02", "marketing.head");
        runDueJobs(first);
        ProcessInstance second = runtimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(first.getBusinessKey() + "-R2").singleResult();
        runDueJobs(second);
        long secondId = (Long) runtimeService().getVariable(second.getId(), "actionId");
        complete(second, form("SALES_AMOUNT 从 100 万提升 15% 至 115 万", "2028-03-31"));
        runDueJobs(second);
        complete(second, review(true, "符合"));
        runDueJobs(second);

        // the April meeting hears the second "not improved" with the general manager away
        user("vice", "committee-vice-chair", "vice@acme.example");
        meetings.recordAttendance("ACME", "2028-04", "vice", true, List.of("vice", "secgen"), List.of("gm"), "出差",
                "marketing.head");
        setClock("2028-04-03T15:00:00+08:00");
        actions.recordOutcome(secondId, "NOT_IMPROVED", "市场萎缩", "2028-04", "marketing.head");
        runDueJobs(second);
        Task instruct = task(second);
        assertThat(instruct.getTaskDefinitionKey()).isEqualTo("Task_ChairReviewRepeated");
        assertThat(instruct.getAssignee()).as("handed to the group, not left with the absent chair").isNull();
        assertThat(candidateGroups(instruct)).containsExactlyInAnyOrder("committee-chair", "committee-vice-chair");
        processEngine.getIdentityService().setAuthentication("vice", List.of("committee-vice-chair"));
        try {
            taskService().complete(instruct.getId(), Map.of("chairInstruction", "副主任代行：区域重组方案下月提交"));
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
        assertThat(second).isEnded();
        assertThat(jdbc.sql("select user_id from chair_stand_in where task_key = 'Task_ChairReviewRepeated'")
                .query(String.class).single()).isEqualTo("vice");
    }

    @Test
    void a_not_improved_decision_without_a_reason_or_a_future_deadline_is_refused_and_changes_nothing() {
        ProcessInstance action = openAction("2028-02-15");
        long actionId = (Long) runtimeService().getVariable(action.getId(), "actionId");
        setClock("2028-03-05T15:00:00+08:00");
        assertThatThrownBy(() -> actions.recordOutcome(actionId, "NOT_IMPROVED", "未落实", "2028-02", "secgen",
                ActionView.CLOSE, null, " ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("理由");
        assertThatThrownBy(() -> actions.recordOutcome(actionId, "NOT_IMPROVED", "未落实", "2028-02", "secgen",
                ActionView.REISSUE, LocalDate.parse("2028-03-05"), null)).hasMessageContaining("新期限");
        assertThatThrownBy(() -> actions.recordOutcome(actionId, "NOT_IMPROVED", "未落实", "2028-02", "secgen",
                "FORGET", null, null)).hasMessageContaining("再次下发或关闭");
        assertThat(actions.action(actionId).orElseThrow().outcome()).isNull();
        assertThat(action).isNotEnded();
    }

    // --- helpers ---

    /** A sales action written, reviewed and opened on 5 February 2028 with the given deadline. */
    private ProcessInstance openAction(String deadline) {
        ProcessInstance action = start(finding("sales"), "sales");
        runDueJobs(action);
        complete(action, form("SALES_AMOUNT 从 100 万提升 15% 至 115 万", deadline));
        runDueJobs(action);
        complete(action, review(true, "符合"));
        setClock("2028-02-05T10:00:00+08:00");
        runDueJobs(action);
        return action;
    }

    private List<String> openReportDates(ProcessInstance pi) {
        return taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_SubmitTenDayReport")
                .list().stream().map(t -> (String) taskService().getVariable(t.getId(), "reportDate")).toList();
    }

    private void seedOrganisation() {
        insertUnit("ACME", "company", null, "gm", "production");
        insertUnit("ACME-SALES", "department", "ACME", "sales.head", "sales");
        insertUnit("ACME-MKT", "department", "ACME", "marketing.head", "marketing");
        insertUnit("ACME-PROD", "department", "ACME", null, "production");
        insertUnit("P-SALES1", "person", "ACME-SALES", "sales1", "employee");
    }

    private void insertUnit(String code, String type, String parent, String userId, String role) {
        jdbc.sql("insert into org_unit (code, unit_type, name, parent_code, company_code, user_id, email, role, updated_at) "
                        + "values (?, ?, ?, ?, 'ACME', ?, null, ?, current_timestamp)")
                .params(code, type, code, parent, userId, role).update();
    }

    private void user(String id, String group, String email) {
        var identity = processEngine.getIdentityService();
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setEmail(email);
            identity.saveUser(user);
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                identity.saveGroup(identity.newGroup(group));
            }
            identity.createMembership(id, group);
        }
    }

    private long finding(String departments) {
        return findings.create(new Finding(null, "ACME", "2028-01", "sales", "SALES_AMOUNT", "华东区销售额低于计划 12%",
                "-12%", "重点客户拜访不足", "internal", "-120 万", "加强拜访", null, departments, "每周拜访重点客户",
                "sales1", "secgen", null));
    }

    private ProcessInstance start(long findingId, String department) {
        return runtimeService().startProcessInstanceByKey(PROCESS, "F" + findingId + "-" + department,
                Map.of("findingId", findingId, "responsibleDepartment", department, "companyCode", "ACME",
                        "period", "2028-01"));
    }

    private static Map<String, Object> form(String expected, String deadline) {
        return Map.of("item", "华东区销售额回升", "deadline", deadline, "responsiblePerson", "sales1",
                "expectedResult", expected, "measures", "每周拜访重点客户 3 家");
    }

    private static Map<String, Object> review(boolean measurable, String comment) {
        return Map.of("smartSpecific", true, "smartMeasurable", measurable, "smartAchievable", true,
                "smartRelevant", true, "smartTimeBound", true, "reviewComment", comment);
    }

    private void complete(ProcessInstance pi, Map<String, Object> variables) {
        taskService().complete(task(pi).getId(), variables);
    }

    private Task reportTask(ProcessInstance pi, String date) {
        return taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_SubmitTenDayReport")
                .list().stream().filter(t -> date.equals(taskService().getVariable(t.getId(), "reportDate")))
                .findFirst().orElseThrow(() -> new AssertionError("no report task for " + date));
    }

    private void completeReport(ProcessInstance pi, String date, int progress, String indicator) {
        taskService().complete(reportTask(pi, date).getId(),
                Map.of("progressPct", progress, "indicatorValue", Double.valueOf(indicator), "reportComment", "进展正常"));
    }

    private int reportsOf(long actionId) {
        return jdbc.sql("select count(*) from action_report where action_id = ?").param(actionId).query(Integer.class).single();
    }

    private List<Date> reportTimerDates(ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).timers().activityId("Timer_NextReportDue")
                .orderByJobDuedate().asc().list().stream().map(Job::getDuedate).toList();
    }

    /** Runs every job that is due at the engine's current time, including those that this creates. */
    private void runDueJobs(ProcessInstance pi) {
        for (int i = 0; i < 100; i++) {
            List<Job> due = managementService().createJobQuery().processInstanceId(pi.getId()).executable()
                    .orderByJobDuedate().asc().list();
            if (due.isEmpty()) {
                return;
            }
            managementService().executeJob(due.get(0).getId());
        }
        throw new AssertionError("jobs keep coming");
    }

    private static List<String> candidateGroups(Task task) {
        return taskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).map(l -> l.getGroupId()).toList();
    }

    private String firstTo(MimeMessage mail) {
        try {
            return mail.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private MimeMessage lastMail() {
        MimeMessage[] all = greenMail.getReceivedMessages();
        assertThat(all).as("mails received").isNotEmpty();
        return all[all.length - 1];
    }

    private static Date at(String date) {
        return Date.from(ZonedDateTime.parse(date + "T09:00:00+08:00").toInstant());
    }

    private static void setClock(String isoDateTime) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse(isoDateTime).toInstant()));
    }
}
