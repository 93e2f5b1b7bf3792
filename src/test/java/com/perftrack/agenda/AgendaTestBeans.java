package com.perftrack.agenda;

import com.perftrack.action.ActionService;
import com.perftrack.calendar.BusinessCalendar;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The agenda package's beans for engine-only process tests. */
public final class AgendaTestBeans {

    private AgendaTestBeans() {
    }

    public static Map<Object, Object> agendaBeans(JdbcClient jdbc, ActionService actions) {
        BusinessCalendar calendar = new BusinessCalendar("Asia/Shanghai");
        AgendaService agendas = new AgendaService(jdbc);
        AgendaSettings settings = AgendaSettings.defaults();
        // the process tests review months: the aggregated results of a longer period are never read
        PeriodResultLines periodResults = new PeriodResultLines(null, new com.perftrack.kpi.KpiCatalog(jdbc),
                new com.perftrack.organisation.OrganisationService(jdbc));
        return Map.of(
                "draftAgendaDelegate", new DraftAgendaDelegate(agendas, actions, settings, calendar,
                        new com.perftrack.meeting.ResourceRequestService(jdbc, calendar), periodResults,
                        new WarningLines(com.perftrack.kpi.KpiTestBeans.warnings(jdbc),
                                new com.perftrack.organisation.OrganisationService(jdbc))),
                "confirmAgendaListener", new ConfirmAgendaListener(agendas, settings, calendar, periodResults));
    }
}
