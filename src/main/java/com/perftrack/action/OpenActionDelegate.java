package com.perftrack.action;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.meeting.Finding;
import com.perftrack.meeting.FindingService;
import com.perftrack.organisation.OrganisationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_OpenAction}: creates the action row of a finding and department (once,
 * however often the job runs), applies the owner rule and the four-eyes rule (who reviews and who
 * follows up: {@link ActionReviewers}) and pre-fills the action form.
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
        String responsiblePerson = finding.responsibleUserId() != null ? finding.responsibleUserId() : owners.authorUserId();
        long actionId = repository.insertIfAbsent(findingId, companyCode, period, department, cross, owners,
                finding.title(), responsiblePerson, execution.getProcessInstanceId(), calendar.now());

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
    }

    private static String stringOr(Object value, String fallback) {
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }
}
