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
        return Map.of(
                "draftAgendaDelegate", new DraftAgendaDelegate(agendas, actions, settings, calendar,
                        new com.perftrack.meeting.ResourceRequestService(jdbc, calendar)),
                "confirmAgendaListener", new ConfirmAgendaListener(agendas, settings, calendar));
    }
}
