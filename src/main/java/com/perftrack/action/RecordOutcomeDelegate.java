package com.perftrack.action;

import com.perftrack.archive.ArchiveEntry;
import com.perftrack.archive.ArchiveService;
import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_ArchiveOutcome} after message {@code ActionOutcome}: makes sure the
 * outcome is stored (also when someone correlated the message directly) and writes it to the
 * tracking archive of the owner and of the responsible person, once each. Sets the way out of the
 * outcome ({@code outcomeRoute}: improved, reissue or close) and whether this is the problem's
 * second "not improved" in a row ({@code repeatedNotImproved}), which goes to the general manager.
 */
@Component
class RecordOutcomeDelegate implements JavaDelegate {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ActionRepository repository;
    private final ArchiveService archive;
    private final OrganisationService organisation;
    private final BusinessCalendar calendar;

    RecordOutcomeDelegate(ActionRepository repository, ArchiveService archive, OrganisationService organisation,
            BusinessCalendar calendar) {
        this.repository = repository;
        this.archive = archive;
        this.organisation = organisation;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long actionId = ((Number) execution.getVariable("actionId")).longValue();
        String outcome = (String) execution.getVariable("outcome");
        String note = (String) execution.getVariable("outcomeNote");
        String meetingPeriod = (String) execution.getVariable("outcomeMeetingPeriod");
        String by = (String) execution.getVariable("outcomeRecordedBy");
        String decision = ActionService.NOT_IMPROVED.equals(outcome) ? decisionOf(execution) : null;
        Object reason = execution.getVariable("closeReason");
        repository.storeOutcome(actionId, outcome, note, meetingPeriod, by, calendar.now(), decision,
                ActionView.CLOSE.equals(decision) && reason != null ? reason.toString() : null);
        ActionView action = repository.find(actionId).orElseThrow();
        Set<String> people = new LinkedHashSet<>();
        for (String user : new String[] {action.ownerUserId(), action.responsiblePerson()}) {
            if (user != null && !user.isBlank()) {
                List<OrgUnit> persons = organisation.personsOfUser(user);
                people.add(persons.isEmpty() ? user : persons.get(0).code());
            }
        }
        if (people.isEmpty()) {
            people.add(action.ownerGroup());
        }
        String verdict = ActionService.IMPROVED.equals(action.outcome()) ? "已改进 improved"
                : ActionView.REISSUE.equals(action.outcomeDecision()) ? "未改进 not improved，再次下发 reissued"
                : "未改进 not improved，委员会决定关闭 closed: " + action.closeReason();
        String cycle = action.outcomePeriod() != null && !action.outcomePeriod().isBlank() ? action.outcomePeriod()
                : action.period();
        for (String person : people) {
            archive.append(ArchiveEntry.of("ACTION_OUTCOME:" + actionId + ":" + person, person, cycle, "ACTION_OUTCOME",
                    "改进行动「" + action.item() + "」" + verdict + (note == null || note.isBlank() ? "" : "：" + note),
                    details(action), "improvement_action", String.valueOf(actionId), by));
        }
        execution.setVariable("archivedFor", String.join(",", people));
        // the route out of the outcome: closed as improved, reissued, or closed by the committee
        String stored = action.outcomeDecision();
        execution.setVariable("outcomeRoute", ActionService.IMPROVED.equals(action.outcome()) ? "improved"
                : ActionView.REISSUE.equals(stored) ? "reissue" : "close");
        execution.setVariable("outcomeDecision", stored == null ? "" : stored);
        int inARow = repository.notImprovedInARow(actionId);
        execution.setVariable("notImprovedInARow", inARow);
        execution.setVariable("repeatedNotImproved", inARow >= 2);
    }

    /** A message without a decision (correlated by hand, or before issue 13) reissues, the default. */
    private static String decisionOf(DelegateExecution execution) {
        Object decision = execution.getVariable("outcomeDecision");
        return decision == null || decision.toString().isBlank() ? ActionView.REISSUE : decision.toString();
    }

    private static String details(ActionView a) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("actionId", a.actionId());
        details.put("findingId", a.findingId());
        details.put("outcome", a.outcome());
        details.put("department", a.responsibleDepartment());
        details.put("deadline", String.valueOf(a.deadline()));
        details.put("lastProgressPct", a.lastProgressPct());
        details.put("note", a.outcomeNote());
        details.put("decision", a.outcomeDecision());
        details.put("round", a.round());
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
