package com.perftrack.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.notification.Notifier;
import com.perftrack.organisation.OrganisationService;
import com.perftrack.support.ProcessTestEngine;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The weekly sales plan (issue 16) on the engine alone. Company WSP: sales department WSP-SALES (head
 * sales.head) with WSP-P1 (user u1) and WSP-P2 (user u2); WSP-P3 (u3) sits in production and plans nothing.
 * Defaults: due Tuesday 12:00, escalation Wednesday 12:00 (Beijing time). Week 2026-W09 runs Monday
 * 2026-02-23 to Sunday 03-01; week 2026-W10 Monday 03-02 to Sunday 03-08.
 */
@Deployment(resources = {"bpmn/weekly-sales-plan.bpmn", "bpmn/weekly-sales-plan-scheduler.bpmn",
        "forms/weekly-sales-plan-start.form", "forms/weekly-sales-plan-file.form", "forms/weekly-sales-plan-meeting.form"})
class WeeklySalesPlanProcessTest {

    static final ProcessTestEngine db = new ProcessTestEngine();
    static final Map<Object, Object> beans = new HashMap<>();

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
            .builder(db.configuration(beans)).assertClassCoverageAtLeast(1.0).build();

    ProcessEngine processEngine;
    JdbcClient jdbc = db.jdbc();
    final List<SimpleMailMessage> mails = new ArrayList<>();
    /** The daily figures the kpi feature would aggregate: person → KPI → week's achieved. */
    final Map<String, Map<String, BigDecimal>> achieved = new HashMap<>();
    WeeklySalesPlanService service;

    @BeforeEach
    void wire() {
        BpmnAwareTests.init(processEngine);
        var calendar = new BusinessCalendar("Asia/Shanghai");
        var organisation = new OrganisationService(jdbc);
        // the week asked must be the one the meeting reviews: a wrong range would find nothing
        DailyActuals daily = (unit, from, to) -> from.equals(LocalDate.of(2026, 2, 23)) && to.equals(LocalDate.of(2026, 3, 1))
                ? achieved.getOrDefault(unit, Map.of()) : Map.of();
        service = new WeeklySalesPlanService(new SalesPlanRepository(jdbc), new SalesPersons(organisation), daily, calendar,
                processEngine.getHistoryService());
        var schedule = new WeeklySalesSchedule(WeeklySalesSettings.defaults());
        var mailSender = new JavaMailSenderImpl() {
            @Override
            public void send(SimpleMailMessage... messages) {
                mails.addAll(List.of(messages));
            }
        };
        var notifier = new Notifier(mailSender, processEngine.getIdentityService(), "ptc@test.example");
        beans.put("weeklySalesSchedule", schedule);
        beans.put("registerWeeklyPlanListener", new RegisterWeeklyPlanListener(service, schedule, calendar));
        beans.put("openWeeklyPlansDelegate", new OpenWeeklyPlansDelegate(service));
        beans.put("weeklyPlanPersonListener", new WeeklyPlanPersonListener(service));
        beans.put("fileWeeklyPlanListener", new FileWeeklyPlanListener(service));
        beans.put("remindSalesPersonDelegate", new RemindSalesPersonDelegate(notifier));
        beans.put("escalateMissingPlanDelegate", new EscalateMissingPlanDelegate(notifier));
        beans.put("weeklySalesMeetingListener", new WeeklySalesMeetingListener(service));
        beans.put("openWeeklySalesPlansDelegate", new OpenWeeklySalesPlansDelegate(service,
                processEngine.getRuntimeService(), calendar));
        unit("WSP", "company", null, "gm", "production");
        unit("WSP-SALES", "department", "WSP", "sales.head", "sales");
        unit("WSP-PROD", "department", "WSP", "production.head", "production");
        unit("WSP-P1", "person", "WSP-SALES", "u1", "employee");
        unit("WSP-P2", "person", "WSP-SALES", "u2", "employee");
        unit("WSP-P3", "person", "WSP-PROD", "u3", "employee");
        for (String user : new String[] {"u1", "u2", "sales.head"}) {
            var u = processEngine.getIdentityService().newUser(user);
            u.setEmail(user + "@test.example");
            processEngine.getIdentityService().saveUser(u);
        }
    }

    @AfterEach
    void clear() {
        processEngine.getIdentityService().clearAuthentication();
        for (String user : new String[] {"u1", "u2", "sales.head"}) {
            processEngine.getIdentityService().deleteUser(user);
        }
        processEngine.getRuntimeService().createProcessInstanceQuery().list()
                .forEach(p -> processEngine.getRuntimeService().deleteProcessInstance(p.getId(), "test over"));
        for (String table : new String[] {"sales_plan_visit", "sales_plan_target", "sales_plan", "sales_week", "org_unit"}) {
            jdbc.sql("delete from " + table).update();
        }
        ClockUtil.reset();
    }

    @Test
    void the_sales_head_opens_a_week_both_sales_persons_file_and_the_meeting_is_recorded() {
        setClock("2026-02-23T09:00:00+08:00");
        as("sales.head");
        assertThatThrownBy(() -> start("2026-W9")).hasMessageContaining("YYYY-Www");
        assertThatThrownBy(() -> start("2026-W11")).hasMessageContaining("最多可开启下周（2026-W10）");
        ProcessInstance week = start("2026-W09");
        assertThat(week).hasBusinessKey("2026-W09").isWaitingAt("Task_OpenWeeklyPlans");
        assertThatThrownBy(() -> start("2026-W09")).hasMessageContaining("2026-W09 周销售计划已开启，不能重复开启");
        // cancelled in Cockpit, the week may be opened again
        processEngine.getRuntimeService().deleteProcessInstance(week.getId(), "opened by mistake");
        week = start("2026-W09");
        executeJobs(week);

        List<Task> plans = tasks(week, "Task_FileWeeklyPlan");
        assertThat(plans).extracting(Task::getAssignee).containsExactlyInAnyOrder("u1", "u2");
        Task p1 = plans.stream().filter(t -> t.getAssignee().equals("u1")).findFirst().orElseThrow();
        assertThat(p1.getName()).isEqualTo("填写周工作计划 王一 WSP-P1 2026-W09 File the weekly plan");
        assertThat(p1.getDueDate()).as("Tuesday 12:00 Beijing").isEqualTo(date("2026-02-24T12:00:00+08:00"));

        as("u2");
        assertThatThrownBy(() -> complete(p1, "60000", 2, "2026-02-24，华东机电，新品演示"))
                .hasMessageContaining("只能由 王一 WSP-P1 本人填写此计划");
        as("u1");
        assertThatThrownBy(() -> processEngine.getTaskService().complete(p1.getId(),
                Map.of("targetSalesAmount", -5, "targetNewCustomers", 1.5, "visitPlan", "2026-03-02，华东机电，新品演示")))
                .hasMessageContaining("本周销售额目标 sales amount target不能为负数")
                .hasMessageContaining("新客户数目标须为整数")
                .hasMessageContaining("不在本周（2026-02-23 至 2026-03-01）");
        assertThatThrownBy(() -> complete(p1, "60000", 2, " ")).hasMessageContaining("请至少填写一次客户拜访");
        complete(p1, "60000", 2, "2026-02-24，华东机电，新品演示\n2026-02-26，江南重工，回款");
        as("u2");
        complete(task(week, "Task_FileWeeklyPlan"), "40000", 1, "2026-02-25；北方物流；续签合同");

        Task meeting = task(week, "Task_HoldWeeklySalesMeeting");
        assertThat(meeting.getAssignee()).isEqualTo("sales.head");
        assertThat(meeting.getName()).isEqualTo("每周销售会议 2026-W09 Weekly sales meeting");
        SpinJsonNode plansTable = (SpinJsonNode) processEngine.getTaskService().getVariableLocal(meeting.getId(),
                "thisWeekPlansTable");
        assertThat(plansTable.toString()).contains("王一 WSP-P1", "60000", "02-24 华东机电；02-26 江南重工", "赵二 WSP-P2", "40000");
        as("sales.head");
        assertThatThrownBy(() -> processEngine.getTaskService().complete(meeting.getId(), Map.of("decisionsComment", " ")))
                .hasMessageContaining("请填写会议的决定/措施");
        processEngine.getTaskService().complete(meeting.getId(), Map.of("decisionsComment", "重点跟进华东机电"));
        assertThat(week).isEnded().hasPassed("EndEvent_MeetingHeld");
        var view = service.week("WSP", SalesWeek.parse("2026-W09"));
        assertThat(view.meetingDecisions()).isEqualTo("重点跟进华东机电");
        assertThat(view.plans()).extracting(WeeklySalesPlanService.PlanView::personCode).containsExactly("WSP-P1", "WSP-P2");
        assertThat(view.plans().get(0).visits()).hasSize(2);
        assertThat(mails).as("nobody was late").isEmpty();
    }

    @Test
    void monday_timer_opens_the_week_a_late_plan_is_reminded_then_escalated_and_the_meeting_reviews_last_week() {
        // last week's plans, filed as in the first test
        setClock("2026-02-23T09:00:00+08:00");
        as("sales.head");
        ProcessInstance lastWeek = start("2026-W09");
        executeJobs(lastWeek);
        as("u1");
        complete(tasks(lastWeek, "Task_FileWeeklyPlan").stream().filter(t -> t.getAssignee().equals("u1")).findFirst()
                .orElseThrow(), "60000", 2, "2026-02-24，华东机电，新品演示");
        as("u2");
        complete(task(lastWeek, "Task_FileWeeklyPlan"), "40000", 1, "2026-02-25，北方物流，续签合同");
        as("sales.head");
        processEngine.getTaskService().complete(task(lastWeek, "Task_HoldWeeklySalesMeeting").getId(),
                Map.of("decisionsComment", "照计划执行"));
        processEngine.getIdentityService().clearAuthentication();
        // what the daily figures of 2026-02-23..03-01 add up to
        achieved.put("WSP-P1", Map.of("SALES_AMOUNT", new BigDecimal("51000"), "NEW_CUSTOMERS", new BigDecimal("3")));
        achieved.put("WSP-P2", Map.of("SALES_AMOUNT", new BigDecimal("30000")));

        // the timer is computed when the scheduler deploys: deploy it again on Sunday (the cron reads the JVM's zone,
        // which the application sets to the installation's)
        ClockUtil.setCurrentTime(Date.from(java.time.LocalDateTime.parse("2026-03-01T12:00").atZone(ZoneId.systemDefault())
                .toInstant()));
        String redeployed = processEngine.getRepositoryService().createDeployment()
                .addClasspathResource("bpmn/weekly-sales-plan-scheduler.bpmn").deploy().getId();
        try {
            Job timer = processEngine.getManagementService().createJobQuery().processDefinitionKey("weekly-sales-plan-scheduler")
                    .singleResult();
            Date monday = Date.from(java.time.LocalDateTime.parse("2026-03-02T08:00").atZone(ZoneId.systemDefault())
                    .toInstant());
            assertThat(timer.getDuedate()).as("Monday 08:00").isEqualTo(monday);
            ClockUtil.setCurrentTime(monday);
            processEngine.getManagementService().executeJob(timer.getId());
            walkTheWeek();
        } finally {
            processEngine.getRuntimeService().createProcessInstanceQuery().list()
                    .forEach(p -> processEngine.getRuntimeService().deleteProcessInstance(p.getId(), "test over"));
            processEngine.getRepositoryService().deleteDeployment(redeployed, true);
        }
    }

    private void walkTheWeek() {
        ProcessInstance week = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("weekly-sales-plan").active().singleResult();
        assertThat(week).hasBusinessKey("2026-W10");
        assertThat(processEngine.getRuntimeService().getVariable(week.getId(), "companyCode")).isEqualTo("WSP");
        // a second firing in the same week (a retried job) opens nothing more
        processEngine.getRuntimeService().startProcessInstanceByKey("weekly-sales-plan-scheduler");
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("weekly-sales-plan")
                .count()).isEqualTo(1);
        executeJobs(week);

        as("u1");
        complete(tasks(week, "Task_FileWeeklyPlan").stream().filter(t -> t.getAssignee().equals("u1")).findFirst()
                .orElseThrow(), "55000", 2, "2026-03-03，华东机电，签约");
        processEngine.getIdentityService().clearAuthentication();

        setClock("2026-03-03T12:00:01+08:00"); // Tuesday past noon: u2 has not filed
        executeJobs(week);
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.getTo()).containsExactly("u2@test.example");
            assertThat(m.getSubject()).contains("请填写 2026-W10 周工作计划");
        });
        assertThat(week).hasPassed("EndEvent_Reminded").isWaitingAt("Task_FileWeeklyPlan");
        setClock("2026-03-04T12:00:01+08:00"); // Wednesday past noon: still not filed
        executeJobs(week);
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).getTo()).containsExactly("sales.head@test.example");
        assertThat(mails.get(1).getSubject()).contains("赵二 WSP-P2 未提交 2026-W10 周工作计划");
        assertThat(week).hasPassed("EndEvent_Escalated");

        as("u2");
        complete(task(week, "Task_FileWeeklyPlan"), "35000", 1, "2026-03-05，北方物流，回款");
        Task meeting = task(week, "Task_HoldWeeklySalesMeeting");
        SpinJsonNode review = (SpinJsonNode) processEngine.getTaskService().getVariableLocal(meeting.getId(),
                "lastWeekReviewTable");
        List<SpinJsonNode> rows = review.elements();
        assertThat(rows).hasSize(4);
        // P1 sales: planned 60,000, achieved 51,000: gap −9,000, 51,000 / 60,000 = 85%
        assertThat(row(rows.get(0))).isEqualTo("王一 WSP-P1|SALES_AMOUNT|60000|51000|-9000|85%");
        // P1 new customers: planned 2, achieved 3: gap +1, 3 / 2 = 150%
        assertThat(row(rows.get(1))).isEqualTo("王一 WSP-P1|NEW_CUSTOMERS|2|3|1|150%");
        // P2 sales: planned 40,000, achieved 30,000: gap −10,000, 30,000 / 40,000 = 75%
        assertThat(row(rows.get(2))).isEqualTo("赵二 WSP-P2|SALES_AMOUNT|40000|30000|-10000|75%");
        // P2 new customers: planned 1, no daily figure: nothing to compare
        assertThat(row(rows.get(3))).isEqualTo("赵二 WSP-P2|NEW_CUSTOMERS|1|—|—|—");
        as("sales.head");
        processEngine.getTaskService().complete(meeting.getId(), Map.of("decisionsComment", "赵二本周每日汇报回款"));
        assertThat(week).isEnded();
    }

    private static String row(SpinJsonNode row) {
        return String.join("|", row.prop("person").stringValue(), row.prop("kpi").stringValue(),
                row.prop("planned").stringValue(), row.prop("achieved").stringValue(), row.prop("gap").stringValue(),
                row.prop("attainment").stringValue());
    }

    private ProcessInstance start(String week) {
        return processEngine.getFormService().submitStartForm(processEngine.getRepositoryService()
                        .createProcessDefinitionQuery().processDefinitionKey("weekly-sales-plan").latestVersion().singleResult()
                        .getId(), Map.of("week", week, "companyCode", "WSP"));
    }

    private void complete(Task task, String salesAmount, int newCustomers, String visits) {
        processEngine.getTaskService().complete(task.getId(), Map.of("targetSalesAmount", Double.valueOf(salesAmount),
                "targetNewCustomers", newCustomers, "visitPlan", visits));
    }

    private List<Task> tasks(ProcessInstance instance, String key) {
        return processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(key).list();
    }

    private Task task(ProcessInstance instance, String key) {
        List<Task> tasks = tasks(instance, key);
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    /** Runs the instance's due jobs (async steps, due timers, then what they made due) until none is left. */
    private void executeJobs(ProcessInstance instance) {
        for (int round = 0; round < 10; round++) {
            List<Job> due = processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                    .executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(j -> processEngine.getManagementService().executeJob(j.getId()));
        }
    }

    private void unit(String code, String type, String parent, String userId, String role) {
        String name = switch (code) {
            case "WSP-P1" -> "王一";
            case "WSP-P2" -> "赵二";
            default -> code;
        };
        jdbc.sql("insert into org_unit (code, unit_type, name, parent_code, company_code, user_id, role, updated_at) "
                        + "values (?, ?, ?, ?, 'WSP', ?, ?, ?)")
                .params(code, type, name, parent, userId, role, Timestamp.from(Instant.now())).update();
    }

    private void as(String user) {
        processEngine.getIdentityService().setAuthenticatedUserId(user);
    }

    private static void setClock(String isoDateTime) {
        ClockUtil.setCurrentTime(date(isoDateTime));
    }

    private static Date date(String isoDateTime) {
        return Date.from(ZonedDateTime.parse(isoDateTime).toInstant());
    }
}
