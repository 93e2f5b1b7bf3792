package com.perftrack.meeting;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.kpi.KpiCatalog;
import com.perftrack.kpi.KpiResultService;
import com.perftrack.organisation.OrganisationService;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The meeting package's beans for engine-only process tests. */
public final class MeetingTestBeans {

    private MeetingTestBeans() {
    }

    public static Map<Object, Object> meetingBeans(JdbcClient jdbc, KpiResultService results) {
        FindingService findings = new FindingService(jdbc, new BusinessCalendar("Asia/Shanghai"));
        return Map.of(
                "departmentReportListener", new DepartmentReportListener(results, new KpiCatalog(jdbc), findings,
                        new OrganisationService(jdbc)),
                "confirmFindingsListener", new ConfirmFindingsListener(findings));
    }
}
