package com.perftrack.meeting;

import com.perftrack.security.TaskActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code Task_AddRelatedPart} (related-department-notice): on create the form shows the finding; on
 * complete the department's part of the solution is stored on the finding (empty: read, nothing to add).
 */
@Component("relatedPartListener")
class RelatedPartListener implements TaskListener {

    private final FindingDecisions decisions;

    RelatedPartListener(FindingDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        long findingId = ((Number) task.getVariable("findingId")).longValue();
        Finding f = decisions.findings().find(findingId).orElseThrow(() -> FindingRefusal.notFound(findingId));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal("relatedFindingText", noticeText(f));
            task.getExecution().setVariable("relatedPart", null);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            String part = FormValues.text(task.getVariable("relatedPart"));
            String department = (String) task.getVariable("relatedDepartment");
            String user = TaskActor.of(task);
            if (part.isEmpty()) {
                decisions.findings().acknowledge(findingId, department, user);
            } else {
                decisions.addRelatedPart(findingId, department, part, user);
            }
        }
    }

    static String noticeText(Finding f) {
        return "**#" + f.number() + " " + f.title() + "**（" + MeetingTexts.departmentName(f.reportingDepartment()) + "）\n"
                + "原因 Cause：" + f.cause() + "\n责任部门 Responsible："
                + String.join("、", f.responsibleDepartmentList().stream().map(MeetingTexts::departmentName).toList())
                + "；责任人 " + (f.responsibleUserId() == null ? "—" : f.responsibleUserId())
                + (f.deadline() == null ? "" : "；期限 " + f.deadline()) + "\n方案 Solution：" + f.solution();
    }
}
