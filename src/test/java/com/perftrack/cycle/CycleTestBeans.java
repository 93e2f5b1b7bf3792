package com.perftrack.cycle;

import com.perftrack.archive.ArchiveService;
import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.kpi.FigureService;
import com.perftrack.kpi.KpiResultService;
import com.perftrack.meeting.FindingService;
import com.perftrack.notification.Notifier;
import com.perftrack.organisation.CompanySettings;
import com.perftrack.organisation.OrganisationService;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

/** The cycle package's beans for engine-only process tests. */
public final class CycleTestBeans {

    private CycleTestBeans() {
    }

    public static Map<Object, Object> cycleBeans(ProcessEngine engine, JdbcClient jdbc, String companyType,
            FigureService figures, KpiResultService results, JavaMailSender mail) {
        BusinessCalendar calendar = new BusinessCalendar("Asia/Shanghai");
        CycleSettings settings = new CycleSettings("0 0 8 1 * ?", 3, 2);
        CollectionTasks tasks = new CollectionTasks(engine.getTaskService());
        Notifier mailer = new Notifier(mail, engine.getIdentityService(), "ptc@test.example");
        Map<Object, Object> beans = new HashMap<>();
        beans.put("cycleSchedule", new CycleSchedule(settings));
        beans.put("registerCycleListener", new RegisterCycleListener(new CycleRegistry(jdbc),
                new CompanySettings("ACME", "Acme", companyType), calendar, engine.getHistoryService(), settings,
                new OrganisationService(jdbc)));
        beans.put("collectionTaskListener", new CollectionTaskListener(figures));
        beans.put("collectionFollowUpListener", new CollectionFollowUpListener(tasks, figures, mailer));
        beans.put("sendCollectionReminderDelegate", new SendCollectionReminderDelegate(tasks, mailer));
        beans.put("notifyLateCollectionDelegate", new NotifyLateCollectionDelegate(tasks, mailer));
        beans.put("calculateKpiResultsDelegate", new CalculateKpiResultsDelegate(results));
        FindingService findings = new FindingService(jdbc, calendar);
        beans.put("startImprovementActionsDelegate", new StartImprovementActionsDelegate(findings,
                engine.getRuntimeService()));
        beans.put("archiveCycleResultsDelegate", new ArchiveCycleResultsDelegate(new ArchiveService(jdbc, calendar),
                new OrganisationService(jdbc), results, findings));
        return beans;
    }

    /** Praise and criticism per department, reading the given action service (a double in process tests). */
    public static Map<Object, Object> feedbackBeans(ProcessEngine engine, JdbcClient jdbc,
            com.perftrack.action.ActionService actions, JavaMailSender mail) {
        BusinessCalendar calendar = new BusinessCalendar("Asia/Shanghai");
        DepartmentFeedbacks feedbacks = new DepartmentFeedbacks(actions,
                new com.perftrack.meeting.MeetingRecordService(jdbc, calendar), new ArchiveService(jdbc, calendar),
                new OrganisationService(jdbc), new Notifier(mail, engine.getIdentityService(), "ptc@test.example"),
                "ptc@test.example");
        return Map.of("departmentFeedbackListener", new DepartmentFeedbackListener(feedbacks));
    }
}
