package com.perftrack.health;

import com.perftrack.action.ActionHealthCounts;
import com.perftrack.action.ActionService;
import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.calendar.Period;
import com.perftrack.cycle.CollectionTasks;
import com.perftrack.health.MethodHealth.Count;
import com.perftrack.health.MethodHealth.DeadlineTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Service;

/**
 * Gathers the facts of the method's health for a company and month (SPEC.md section 7) and hands
 * them to {@link MethodHealth}:
 * <ul>
 * <li>collection tasks: those of the company's {@code monthly-tracking-cycle} for the month (engine
 * history: each task's due date and end), a cancelled cycle's left out;</li>
 * <li>SMART first passes: the actions the month's meeting raised; improvement: the results the
 * month's meeting recorded ({@link ActionService#healthCounts});</li>
 * <li>ten-day reports: the company's {@code Task_SubmitTenDayReport} tasks due in the month;</li>
 * <li>lead time: from the cycle's start to the completion of {@code Task_ConfirmFindings} (the
 * latest).</li>
 * </ul>
 * The history is read as the system: the caller need not hold history permissions on every task.
 */
@Service
public class MethodHealthService {

    static final String CYCLE = "monthly-tracking-cycle";
    static final String ACTION = "improvement-action";
    static final String TEN_DAY_REPORT = "Task_SubmitTenDayReport";
    static final String CONFIRM_FINDINGS = "Task_ConfirmFindings";
    private static final int PAGE = 500;

    private final HistoryService history;
    private final IdentityService identity;
    private final ActionService actions;
    private final BusinessCalendar calendar;

    MethodHealthService(HistoryService history, IdentityService identity, ActionService actions,
            BusinessCalendar calendar) {
        this.history = history;
        this.identity = identity;
        this.actions = actions;
        this.calendar = calendar;
    }

    public MethodHealthView health(String companyCode, String period) {
        Period month = Period.parse(period);
        return asSystem(() -> {
            Instant now = calendar.now();
            Count submissions = MethodHealth.byDeadline(collectionTasks(companyCode, month), now);
            Count reports = MethodHealth.byDueDate(tenDayReports(companyCode, month), now, calendar.zone());
            ActionHealthCounts counts = actions.healthCounts(companyCode, month.toString());
            return new MethodHealthView(companyCode, month.toString(),
                    MethodHealth.rate(submissions.onTime(), submissions.counted()), submissions.onTime(), submissions.counted(),
                    MethodHealth.rate(counts.approvedAtFirstReview(), counts.reviewed()), counts.approvedAtFirstReview(),
                    counts.reviewed(),
                    MethodHealth.rate(reports.onTime(), reports.counted()), reports.onTime(), reports.counted(),
                    MethodHealth.rate(counts.improved(), counts.withResult()), counts.improved(), counts.withResult(),
                    leadTimeDays(companyCode, month));
        });
    }

    /** The twelve months up to and including {@code period}, oldest first (the dashboard's chart). */
    public List<MethodHealthView> trend(String companyCode, String period) {
        Period last = Period.parse(period);
        List<MethodHealthView> months = new ArrayList<>();
        for (int back = 11; back >= 0; back--) {
            months.add(health(companyCode, last.minusMonths(back).toString()));
        }
        return months;
    }

    private List<DeadlineTask> collectionTasks(String companyCode, Period month) {
        List<DeadlineTask> tasks = new ArrayList<>();
        for (HistoricProcessInstance cycle : cycles(companyCode, month)) {
            history.createHistoricTaskInstanceQuery().processInstanceId(cycle.getId())
                    .taskDefinitionKeyIn(CollectionTasks.taskDefinitionKeys().toArray(String[]::new)).list()
                    .forEach(t -> tasks.add(fact(t)));
        }
        return tasks;
    }

    private List<DeadlineTask> tenDayReports(String companyCode, Period month) {
        Date from = Date.from(month.firstDay().atStartOfDay(calendar.zone()).toInstant().minusMillis(1));
        Date to = Date.from(month.next().firstDay().atStartOfDay(calendar.zone()).toInstant());
        List<DeadlineTask> tasks = new ArrayList<>();
        for (int first = 0;; first += PAGE) {
            List<HistoricTaskInstance> page = history.createHistoricTaskInstanceQuery().processDefinitionKey(ACTION)
                    .taskDefinitionKey(TEN_DAY_REPORT).tenantIdIn(companyCode).taskDueAfter(from).taskDueBefore(to)
                    .orderByHistoricActivityInstanceStartTime().asc().listPage(first, PAGE);
            page.forEach(t -> tasks.add(fact(t)));
            if (page.size() < PAGE) {
                return tasks;
            }
        }
    }

    private java.math.BigDecimal leadTimeDays(String companyCode, Period month) {
        Instant start = null;
        Instant confirmed = null;
        for (HistoricProcessInstance cycle : cycles(companyCode, month)) {
            for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(cycle.getId())
                    .taskDefinitionKey(CONFIRM_FINDINGS).finished().list()) {
                if (isCompleted(task) && (confirmed == null || task.getEndTime().toInstant().isAfter(confirmed))) {
                    confirmed = task.getEndTime().toInstant();
                    start = cycle.getStartTime().toInstant();
                }
            }
        }
        return MethodHealth.days(start, confirmed);
    }

    /** The month's cycles of the company but cancelled ones (a cancelled cycle is not the cycle of record). */
    private List<HistoricProcessInstance> cycles(String companyCode, Period month) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(CYCLE)
                .processInstanceBusinessKey(month.toString()).tenantIdIn(companyCode).list().stream()
                .filter(p -> !HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(p.getState())).toList();
    }

    private static DeadlineTask fact(HistoricTaskInstance task) {
        return new DeadlineTask(task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                task.getEndTime() == null ? null : task.getEndTime().toInstant(), task.getEndTime() == null || isCompleted(task));
    }

    private static boolean isCompleted(HistoricTaskInstance task) {
        return "completed".equals(task.getDeleteReason());
    }

    private <T> T asSystem(Supplier<T> read) {
        var caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return read.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
