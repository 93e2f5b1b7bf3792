package com.perftrack.action;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.calendar.ReportingPeriod;
import com.perftrack.security.CommitteeGroup;
import com.perftrack.security.CurrentUser;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.HashMap;
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
    private static final Set<String> DECISIONS = Set.of(ActionView.REISSUE, ActionView.CLOSE);
    /** Filters of {@code GET /api/actions?status=}: {@code open}/{@code done} and the states of {@link ActionView#state()}. */
    public static final Set<String> STATUS_FILTERS = Set.of("open", "done", "overdue", "improved", "reissued", "closed");
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
        return new ActionService(new ActionRepository(jdbc, calendar), runtimeService, calendar);
    }

    /**
     * Records the meeting's verdict on an action and hands it to the action's process (message
     * {@value #OUTCOME_MESSAGE}, correlated by process variable {@code actionId}), which writes the
     * archive entry and ends. Recording the same action again is a no-op, so a retried meeting step
     * does no harm.
     */
    @Transactional
    public void recordOutcome(long actionId, String outcome, String note, String meetingPeriod, String userId) {
        recordOutcome(actionId, outcome, note, meetingPeriod, userId,
                NOT_IMPROVED.equals(outcome) ? ActionView.REISSUE : null, defaultReissueDeadline(), null);
    }

    /**
     * As above, with what the committee decided on a "not improved" result: {@code REISSUE} (the
     * default) issues the problem again as the next round with {@code newDeadline}; {@code CLOSE}
     * closes it, which needs the committee's {@code closeReason}. Refusals are one sentence, Chinese
     * and English ({@link IllegalArgumentException}); nothing is changed then.
     */
    @Transactional
    public void recordOutcome(long actionId, String outcome, String note, String meetingPeriod, String userId,
            String decision, LocalDate newDeadline, String closeReason) {
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            throw new IllegalArgumentException("结果须为已改善或未改善 / outcome must be IMPROVED or NOT_IMPROVED, got '"
                    + outcome + "'");
        }
        ActionView action = repository.find(actionId)
                .orElseThrow(() -> new IllegalArgumentException("改进行动 " + actionId + " 不存在 / no improvement action "
                        + actionId));
        if (action.outcome() != null) {
            return;
        }
        String verdict = null;
        String reason = null;
        if (NOT_IMPROVED.equals(outcome)) {
            verdict = refuseBadDecision(decision, newDeadline, closeReason);
            reason = ActionView.CLOSE.equals(verdict) ? closeReason.trim() : null;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("outcome", outcome);
        variables.put("outcomeNote", note == null ? "" : note);
        variables.put("outcomeMeetingPeriod", meetingPeriod == null ? "" : meetingPeriod);
        variables.put("outcomeRecordedBy", userId == null ? "" : userId);
        variables.put("outcomeDecision", verdict == null ? "" : verdict);
        variables.put("reissueDeadline", ActionView.REISSUE.equals(verdict) ? newDeadline.toString() : "");
        variables.put("closeReason", reason == null ? "" : reason);
        runtimeService.createMessageCorrelation(OUTCOME_MESSAGE)
                .processInstanceVariableEquals("actionId", actionId)
                .setVariables(variables)
                .correlate();
        repository.storeOutcome(actionId, outcome, note, meetingPeriod, userId, calendar.now(), verdict, reason);
    }

    private String refuseBadDecision(String decision, LocalDate newDeadline, String closeReason) {
        String verdict = decision == null || decision.isBlank() ? ActionView.REISSUE : decision;
        if (!DECISIONS.contains(verdict)) {
            throw new IllegalArgumentException("未改善时须选择再次下发或关闭 / not improved: choose REISSUE or CLOSE, got '"
                    + decision + "'");
        }
        if (ActionView.REISSUE.equals(verdict) && (newDeadline == null || !newDeadline.isAfter(calendar.today()))) {
            throw new IllegalArgumentException("再次下发须给出今天之后的新期限 / a reissued action needs a new deadline after today");
        }
        if (ActionView.CLOSE.equals(verdict) && (closeReason == null || closeReason.isBlank())) {
            throw new IllegalArgumentException("关闭未改善的问题须写明委员会的理由 / closing a problem that did not improve"
                    + " needs the committee's reason");
        }
        return verdict;
    }

    /** The new deadline a reissued action gets unless the committee names another: the end of next month. */
    public LocalDate defaultReissueDeadline() {
        return calendar.today().plusMonths(1).with(TemporalAdjusters.lastDayOfMonth());
    }

    /**
     * Issues a "not improved" problem again: starts the next round's {@code improvement-action}
     * (business key {@code F<findingId>-<department>-R<round>}) with the committee's new deadline;
     * its author revises the measures and the standing office checks them against SMART again.
     * Once per action: a retried job finds the instance it started. Returns the business key.
     */
    @Transactional
    public String reissue(long actionId, String newDeadline) {
        ActionView action = repository.find(actionId)
                .orElseThrow(() -> new IllegalStateException("改进行动 " + actionId + " 不存在 / no improvement action "
                        + actionId));
        String businessKey = "F" + action.findingId() + "-" + action.responsibleDepartment() + "-R" + (action.round() + 1);
        if (runtimeService.createProcessInstanceQuery().processDefinitionKey("improvement-action")
                .processInstanceBusinessKey(businessKey).count() > 0 || repository.followUpOf(actionId).isPresent()) {
            return businessKey;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("findingId", action.findingId());
        variables.put("responsibleDepartment", action.responsibleDepartment());
        variables.put("companyCode", action.companyCode());
        variables.put("period", action.outcomePeriod() == null || action.outcomePeriod().isBlank() ? action.period()
                : action.outcomePeriod());
        variables.put("reissuedFromActionId", actionId);
        variables.put("reissueDeadline", newDeadline);
        runtimeService.startProcessInstanceByKey("improvement-action", businessKey, variables);
        return businessKey;
    }

    /**
     * How many "not improved" results in a row the problem of {@code actionId} has had, counting
     * back along the rounds it was reissued from (0 when this action was not recorded not improved).
     */
    public int notImprovedInARow(long actionId) {
        return repository.notImprovedInARow(actionId);
    }

    /** The general manager's instruction on a repeated failure, kept on the action and on its next round. */
    @Transactional
    public void recordChairInstruction(long actionId, String instruction, String userId) {
        repository.storeChairInstruction(actionId, instruction, userId, calendar.now());
        repository.followUpOf(actionId)
                .ifPresent(next -> repository.storeChairInstruction(next.actionId(), instruction, userId, calendar.now()));
    }

    /**
     * The actions the meeting that reviews {@code period} follows up (its agenda's last item). That
     * meeting is held early in the following month; the previous one early in {@code period}. So
     * the window runs from the first day of {@code period} to the first day of the following month,
     * both included. Listed: every open action of the company whatever its deadline (overdue ones
     * too) and every action reissued after "not improved", also while its next round is rewritten:
     * a problem never leaves the agenda until its result is recorded; and every action finished
     * inside the window (but a reissued one: its next round stands for it). A first-round action
     * still in its SMART rounds is not listed yet.
     */
    public List<ActionView> actionsForAgenda(String companyCode, String period) {
        // a quarter's or half year's review: the window runs over all its months (SPEC.md section 7)
        ReportingPeriod p = ReportingPeriod.parse(period);
        return repository.openOrFinishedIn(companyCode, p.firstDay(), p.last().next().firstDay());
    }

    /** The counts behind the method's health for a company and period (see {@link ActionHealthCounts}). */
    public ActionHealthCounts healthCounts(String companyCode, String period) {
        return repository.healthCounts(companyCode, period);
    }

    /**
     * Filters are optional: status {@code open} (not finished), {@code done}, or one of the finer
     * states {@code overdue}, {@code improved}, {@code reissued}, {@code closed}; period, department, owner user.
     */
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
