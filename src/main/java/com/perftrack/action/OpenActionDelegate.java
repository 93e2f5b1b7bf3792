package com.perftrack.action;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.meeting.Finding;
import com.perftrack.meeting.FindingService;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_OpenAction}: creates the action row of a finding and department (once,
 * however often the job runs), applies the owner rule and the four-eyes rule (who reviews and who
 * follows up: {@link ActionReviewers}) and pre-fills the action form. The responsible person, who
 * files the ten-day reports, is the finding's when they belong to the department, else its manager.
 * A reissued problem ({@code reissuedFromActionId}) becomes the next round of the same finding and
 * department, pre-filled from the last round with the committee's new deadline.
 */
@Component
class OpenActionDelegate implements JavaDelegate {

    private final FindingService findings;
    private final OrganisationService organisation;
    private final ActionRepository repository;
    private final BusinessCalendar calendar;
    private final ActionPickers names;

    OpenActionDelegate(FindingService findings, OrganisationService organisation, ActionRepository repository,
            BusinessCalendar calendar, ActionPickers names) {
        this.findings = findings;
        this.organisation = organisation;
        this.repository = repository;
        this.calendar = calendar;
        this.names = names;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long findingId = ((Number) execution.getVariable("findingId")).longValue();
        String department = (String) execution.getVariable("responsibleDepartment");
        Finding finding = findings.find(findingId).orElseThrow(() -> new IllegalStateException(
                "质询问题 " + findingId + " 不存在 / finding " + findingId + " does not exist"));
        String companyCode = stringOr(execution.getVariable("companyCode"), finding.companyCode());
        String period = stringOr(execution.getVariable("period"), finding.period());
        boolean cross = finding.crossDepartment();
        ActionOwners owners = ActionOwners.decide(cross, department,
                organisation.managerUserId(companyCode, department), organisation.generalManagerUserId(companyCode));
        ActionView follows = reissuedFrom(execution);
        String responsiblePerson = follows != null && follows.responsiblePerson() != null ? follows.responsiblePerson()
                : responsiblePerson(finding.responsibleUserId(), department, owners.authorUserId());
        long actionId = repository.insertIfAbsent(findingId, companyCode, period, department, cross, owners,
                follows != null && follows.item() != null ? follows.item() : finding.title(), responsiblePerson,
                execution.getProcessInstanceId(), calendar.now(), follows);

        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey("F" + findingId + "-" + department);
        }
        execution.setVariable("actionId", actionId);
        execution.setVariable("companyCode", companyCode);
        execution.setVariable("period", period);
        execution.setVariable("crossDepartment", cross);
        execution.setVariable("authorUserId", owners.authorUserId());
        execution.setVariable("authorGroup", owners.authorGroup());
        execution.setVariable("ownerUserId", owners.ownerUserId());
        execution.setVariable("ownerGroup", owners.ownerGroup());
        execution.setVariable("ownerNote", owners.note());
        // the forms show names, the variables above keep the ids
        execution.setVariable("departmentName", names.departmentName(companyCode, department));
        execution.setVariable("ownerName", owners.ownerUserId() != null ? names.nameOf(owners.ownerUserId())
                : ActionPickers.groupName(owners.ownerGroup()));
        execution.setVariable("authorName", owners.authorUserId() != null ? names.nameOf(owners.authorUserId())
                : ActionPickers.groupName(owners.authorGroup()));
        ActionReviewers reviewers = ActionReviewers.decide(department, names.groupsOf(owners.authorUserId()));
        execution.setVariable("smartReviewGroup", reviewers.smartReviewGroup());
        execution.setVariable("followUpGroup", reviewers.followUpGroup());
        execution.setVariable("findingTitle", finding.title());
        execution.setVariable("findingSolution", finding.solution() == null ? "" : finding.solution());
        execution.setVariable("findingKpiCode", finding.kpiCode() == null ? "" : finding.kpiCode());
        execution.setVariable("smartRound", 0);
        execution.setVariable("smartFeedback", "");
        // the form opens with what the secretary-general already decided
        execution.setVariable("item", finding.title());
        execution.setVariable("measures", finding.solution() == null ? "" : finding.solution());
        execution.setVariable("responsiblePerson", responsiblePerson);
        if (finding.deadline() != null) { // the deadline the secretary-general set (issue 13); the author may change it
            execution.setVariable("deadline", finding.deadline().toString());
        }
        if (follows != null) {
            // the next round opens with the last round's text, the committee's new deadline and why
            Object deadline = execution.getVariable("reissueDeadline");
            execution.setVariable("item", follows.item());
            execution.setVariable("measures", follows.measures() == null ? "" : follows.measures());
            execution.setVariable("expectedResult", follows.expectedResult() == null ? "" : follows.expectedResult());
            execution.setVariable("deadline", deadline == null ? "" : deadline.toString());
            execution.setVariable("smartFeedback", "上期未改善，委员会再次下发（第 " + (follows.round() + 1) + " 轮），请修订措施："
                    + (follows.outcomeNote() == null ? "" : follows.outcomeNote())
                    + " / not improved last time: reissued as round " + (follows.round() + 1) + ", revise the measures.");
        }
    }

    private ActionView reissuedFrom(DelegateExecution execution) {
        Object previous = execution.getVariable("reissuedFromActionId");
        return previous == null ? null : repository.find(((Number) previous).longValue()).orElseThrow();
    }

    /**
     * Who files the ten-day reports: the person the finding names when they belong to the action's
     * department (one of its group's members), else the department's manager (null: its group).
     */
    private String responsiblePerson(String named, String department, String manager) {
        if (named != null && !named.isBlank() && (names.groupsOf(named).contains(department) || inDepartment(named, department))) {
            return named;
        }
        return manager;
    }

    /** A person of the organisation data under (at any depth) the department unit of that role. */
    private boolean inDepartment(String userId, String department) {
        for (OrgUnit person : organisation.personsOfUser(userId)) {
            Optional<OrgUnit> unit = Optional.ofNullable(person.parentCode()).flatMap(organisation::findUnit);
            for (int depth = 0; unit.isPresent() && depth < 10; depth++) {
                if (OrgUnit.DEPARTMENT.equals(unit.get().unitType())) {
                    if (department.equals(unit.get().role())) {
                        return true;
                    }
                    break;
                }
                unit = Optional.ofNullable(unit.get().parentCode()).flatMap(organisation::findUnit);
            }
        }
        return false;
    }

    private static String stringOr(Object value, String fallback) {
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }
}
