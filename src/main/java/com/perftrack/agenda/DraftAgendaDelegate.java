package com.perftrack.agenda;

import com.perftrack.meeting.ResourceRequest;
import com.perftrack.meeting.ResourceRequestService;
import com.perftrack.action.ActionService;
import com.perftrack.action.ActionView;
import com.perftrack.agenda.AgendaPlanner.FollowUp;
import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.calendar.ReportingPeriod;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DraftAgenda}: drafts the meeting agenda (SPEC.md section 2, step 4) and stores it.
 * Sets {@code reportingDepartments} (speaking order: sales first; HR collects rather than reports)
 * and {@code followUpActionIds} (last cycles' actions due or reported since, step 8) for the
 * meeting's multi-instance tasks, and {@code agendaWarnings} (a monthly cycle's early warnings,
 * {@link WarningLines}). A draft that cannot fit is not stored; the secretary-general
 * gets the reason in the confirmation form instead.
 */
@Component
class DraftAgendaDelegate implements JavaDelegate {

    static final int MAX_TEXT = 3900; // process variables stay under 4,000 characters

    private final AgendaService agendas;
    private final ActionService actions;
    private final AgendaSettings settings;
    private final BusinessCalendar calendar;
    private final ResourceRequestService requests;
    private final PeriodResultLines periodResults;
    private final WarningLines warnings;

    DraftAgendaDelegate(AgendaService agendas, ActionService actions, AgendaSettings settings,
            BusinessCalendar calendar, ResourceRequestService requests, PeriodResultLines periodResults,
            WarningLines warnings) {
        this.warnings = warnings;
        this.periodResults = periodResults;
        this.requests = requests;
        this.agendas = agendas;
        this.actions = actions;
        this.settings = settings;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String company = (String) execution.getVariable("companyCode");
        String period = (String) execution.getVariable("period");
        @SuppressWarnings("unchecked")
        Collection<String> committee = (Collection<String>) execution.getVariable("committeeDepartments");
        List<String> reporting = AgendaPlanner.speakingOrder(committee.stream().filter(d -> !"hr".equals(d)).toList());

        List<FollowUp> followUps = new ArrayList<>();
        List<Long> followUpIds = new ArrayList<>();
        for (ActionView action : actions.actionsForAgenda(company, period)) {
            followUps.add(new FollowUp(action.actionId(), action.agendaTitle(), action.responsibleDepartment()));
            followUpIds.add(action.actionId());
        }
        execution.setVariable("reportingDepartments", new ArrayList<>(reporting));
        execution.setVariable("followUpActionIds", followUpIds);
        // a month's early warnings: to discuss before the quarter closes
        execution.setVariable("agendaWarnings", clip(warnings.text(company, period)));

        LocalDateTime start = calendar.today().plusDays(settings.meetingDayOffset())
                .atTime(LocalTime.parse(settings.meetingTime()));
        String purpose = purpose(period);
        try {
            Agenda draft = AgendaPlanner.draft(company, period, purpose, start, reporting, followUps, settings)
                    .withNotes(settings.meetingNotes());
            long id = agendas.save(draft, null, null);
            execution.setVariable("agendaId", id);
            execution.setVariable("agendaText", clip(draft.asText() + periodResults.text(company, period)
                    + resourceRequests(company, period)));
            execution.setVariable("agendaProblem", "");
        } catch (AgendaDoesNotFitException e) {
            execution.setVariable("agendaText", "（未生成草稿 / no draft）");
            execution.setVariable("agendaProblem", "⚠ " + e.getMessage());
        }
    }

    /** A quarter's or half year's review names its length (季度、半年度); a month's purpose stays as it was. */
    static String purpose(String period) {
        ReportingPeriod p = ReportingPeriod.parse(period);
        String zh = p.monthly() ? "" : p.length().nameZh();
        String en = p.monthly() ? "" : " (" + p.length().nameEn() + ")";
        return "审议 " + period + " " + zh + "各部门业绩与偏差，明确问题责任与改进行动，跟进上期行动结果。"
                + " / Review " + period + en + ": deviations, responsibilities, improvement actions, last cycle's results.";
    }

    /** The resource requests of earlier meetings still open or decided since the last one (issue 13). */
    private String resourceRequests(String company, String period) {
        List<ResourceRequest> heard = requests.forAgenda(company, period);
        if (heard.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("\n\n资源需求（上期以来）Resource requests since the last meeting：");
        for (ResourceRequest r : heard) {
            text.append("\n- #").append(r.id()).append(" ").append(r.department()).append("：").append(r.request())
                    .append(" → ").append(r.providerLabel()).append("：").append(r.statusLabel())
                    .append(r.reason() == null ? "" : "（" + r.reason() + "）");
        }
        return text.toString();
    }

    static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
