package com.perftrack.meeting;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.kpi.KpiCatalog;
import com.perftrack.kpi.KpiResultService;
import com.perftrack.notification.Notifier;
import com.perftrack.organisation.OrganisationService;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

/** The meeting package's beans for engine-only process tests. */
public final class MeetingTestBeans {

    private MeetingTestBeans() {
    }

    public static Map<Object, Object> meetingBeans(ProcessEngine engine, JdbcClient jdbc, KpiResultService results,
            JavaMailSender mail) {
        BusinessCalendar calendar = new BusinessCalendar("Asia/Shanghai");
        FindingService findings = new FindingService(jdbc, calendar);
        ResourceRequestService requests = new ResourceRequestService(jdbc, calendar);
        MeetingRecordService record = new MeetingRecordService(jdbc, calendar);
        OrganisationService organisation = new OrganisationService(jdbc);
        FindingDecisions decisions = new FindingDecisions(findings, organisation, calendar);
        Notifier notifier = new Notifier(mail, engine.getIdentityService(), "ptc@test.example");
        Map<Object, Object> beans = new HashMap<>();
        beans.put("departmentReportListener", new DepartmentReportListener(results, new KpiCatalog(jdbc), findings,
                organisation, requests));
        beans.put("confirmFindingsListener", new ConfirmFindingsListener(decisions, organisation));
        beans.put("sentBackRecordListener", new SentBackRecordListener());
        beans.put("engageRelatedDepartmentsDelegate", new EngageRelatedDepartmentsDelegate(findings,
                engine.getRuntimeService(), engine.getHistoryService()));
        beans.put("mailRelatedDepartmentDelegate", new MailRelatedDepartmentDelegate(findings, notifier));
        beans.put("relatedPartListener", new RelatedPartListener(decisions, notifier));
        beans.put("attendanceListener", new AttendanceListener(organisation, record));
        beans.put("startResourceRequestsDelegate", new StartResourceRequestsDelegate(requests, engine.getRuntimeService()));
        beans.put("resourceDecisionListener", new ResourceDecisionListener(requests, findings));
        beans.put("chairStandInListener", new ChairStandInListener(record));
        beans.put("recordResourceDecisionDelegate", new RecordResourceDecisionDelegate(requests));
        beans.put("notifyResourceDecisionDelegate", new NotifyResourceDecisionDelegate(requests,
                new ResourceRequestNotices(notifier, organisation, "ptc@test.example")));
        return beans;
    }
}
