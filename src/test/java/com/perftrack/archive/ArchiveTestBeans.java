package com.perftrack.archive;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.kpi.KpiResultService;
import com.perftrack.meeting.FindingService;
import com.perftrack.organisation.OrganisationService;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The archive package's beans for engine-only process tests. */
public final class ArchiveTestBeans {

    private ArchiveTestBeans() {
    }

    public static Map<Object, Object> archiveBeans(JdbcClient jdbc, KpiResultService results) {
        BusinessCalendar calendar = new BusinessCalendar("Asia/Shanghai");
        return Map.of("archiveCycleResultsDelegate", new ArchiveCycleResultsDelegate(new ArchiveService(jdbc, calendar),
                new OrganisationService(jdbc), results, new FindingService(jdbc, calendar)));
    }
}
