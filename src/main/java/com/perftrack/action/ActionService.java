package com.perftrack.action;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.calendar.Period;
import com.perftrack.security.CommitteeGroup;
import com.perftrack.security.CurrentUser;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Improvement actions for the other features: the cycle records outcomes and reads the agenda's
 * follow-up list, the API and dashboard read actions and their ten-day reports.
 */
@Service
public class ActionService {

    /** Message that ends an action's process with the meeting's verdict (SPEC.md section 2 step 8). */
    public static final String OUTCOME_MESSAGE = "ActionOutcome";
    public static final String IMPROVED = "IMPROVED";
    public static final String NOT_IMPROVED = "NOT_IMPROVED";
    private static final Set<String> OUTCOMES = Set.of(IMPROVED, NOT_IMPROVED);
    /** Every group of SPEC.md section 1 but {@code employee}. */
    static final Set<String> COMMITTEE = Arrays.stream(CommitteeGroup.values())
            .filter(g -> g != CommitteeGroup.EMPLOYEE).map(CommitteeGroup::id)
            .collect(Collectors.toUnmodifiableSet());

    private final ActionRepository repository;
    private final RuntimeService runtimeService;
    private final BusinessCalendar calendar;

    ActionService(ActionRepository repository, RuntimeService runtimeService, BusinessCalendar calendar) {
        this.repository = repository;
        this.runtimeService = runtimeService;
        this.calendar = calendar;
    }

    /** For engine-only tests of other features (no Spring context): the service on a plain data source. */
    public static ActionService create(JdbcClient jdbc, RuntimeService runtimeService, BusinessCalendar calendar) {
        return new ActionService(new ActionRepository(jdbc), runtimeService, calendar);
    }

    /**
     * Records the meeting's verdict on an action and hands it to the action's process (message
     * {@value #OUTCOME_MESSAGE}, correlated by process variable {@code actionId}), which writes the
     * archive entry and ends. Recording the same action again is a no-op, so a retried meeting step
     * does no harm.
     */
    @Transactional
    public void recordOutcome(long actionId, String outcome, String note, String meetingPeriod, String userId) {
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            throw new IllegalArgumentException("outcome must be IMPROVED or NOT_IMPROVED, got '" + outcome + "'");
        }
        ActionView action = repository.find(actionId)
                .orElseThrow(() -> new IllegalArgumentException("no improvement action " + actionId));
        if (action.outcome() != null) {
            return;
        }
        runtimeService.createMessageCorrelation(OUTCOME_MESSAGE)
                .processInstanceVariableEquals("actionId", actionId)
                .setVariables(Map.of("outcome", outcome, "outcomeNote", note == null ? "" : note,
                        "outcomeMeetingPeriod", meetingPeriod == null ? "" : meetingPeriod,
                        "outcomeRecordedBy", userId == null ? "" : userId))
                .correlate();
        repository.storeOutcome(actionId, outcome, note, meetingPeriod, userId, calendar.now());
    }

    /**
     * The actions the meeting that reviews {@code period} follows up (its agenda's last item). That
     * meeting is held early in the following month; the previous one early in {@code period}. So
     * the window runs from the first day of {@code period} to the first day of the following month,
     * both included. Listed: every action of the company not yet finished whose deadline is on or
     * before the window's end (overdue ones too, so none is forgotten) or that has a ten-day report
     * dated in the window, and every action finished inside the window.
     */
    public List<ActionView> actionsForAgenda(String companyCode, String period) {
        Period p = Period.parse(period);
        return repository.dueOrReported(companyCode, p.firstDay(), p.next().firstDay());
    }

    /** Filters are optional: status {@code open} (not finished) or {@code done}, period, department, owner user. */
    public List<ActionView> actions(String status, String period, String department, String owner) {
        return repository.search(status, period, department, owner, null);
    }

    /** As {@link #actions}, restricted to what one employee owns or is responsible for. */
    public List<ActionView> actionsOf(String userId, String status, String period, String department, String owner) {
        return repository.search(status, period, department, owner, userId);
    }

    /**
     * What a user may see: committee members (leadership, every department group) and administrators
     * all actions, anybody else only those they own, write or are named responsible for. The caller
     * still cuts the list to the user's companies.
     */
    public List<ActionView> actionsVisibleTo(CurrentUser user, String status, String period, String department,
            String owner) {
        return seesAll(user) ? actions(status, period, department, owner)
                : actionsOf(user.userId(), status, period, department, owner);
    }

    static boolean seesAll(CurrentUser user) {
        return user.isMemberOfAny(COMMITTEE) || user.isMemberOf("camunda-admin");
    }

    public Optional<ActionView> action(long actionId) {
        return repository.find(actionId);
    }

    public List<TenDayReport> reports(long actionId) {
        return repository.reports(actionId);
    }
}
