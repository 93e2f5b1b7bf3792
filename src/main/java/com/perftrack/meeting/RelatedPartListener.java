package com.perftrack.meeting;

import static com.perftrack.meeting.RelatedNoticeVariables.*;
import com.perftrack.notification.Notifier;
import com.perftrack.security.TaskActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code Task_AddRelatedPart} (related-department-notice): on create the form shows the finding; on
 * complete the department's part of the solution is stored on the finding (empty: read, nothing to add)
 * and mailed to the responsible departments, whose actions it serves.
 */
@Component("relatedPartListener")
class RelatedPartListener implements TaskListener {

    private final FindingDecisions decisions;
    private final Notifier notifier;

    RelatedPartListener(FindingDecisions decisions, Notifier notifier) {
        this.decisions = decisions;
        this.notifier = notifier;
    }

    @Override
    public void notify(DelegateTask task) {
        long findingId = FINDING_ID.present(task);
        Finding f = decisions.findings().find(findingId).orElseThrow(() -> FindingRefusal.notFound(findingId));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            RELATED_FINDING_TEXT.setLocal(task, noticeText(f));
            RELATED_PART.set(task.getExecution(), null);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            String part = RELATED_PART.getOr(task, "");
            String department = RELATED_DEPARTMENT.present(task);
            String user = TaskActor.of(task);
            if (part.isEmpty()) {
                decisions.findings().acknowledge(findingId, department, user);
            } else {
                decisions.addRelatedPart(findingId, department, part, user);
                // the responsible departments, whose actions it serves, hear of it (best effort, after commit)
                notifier.toGroupsAfterCommit(f.responsibleDepartmentList(), "【业绩跟踪】" + f.period() + " 问题 #" + f.number()
                        + " 相关部门配合措施 / Related department's part, finding #" + f.number(),
                        MeetingTexts.departmentName(department) + "：" + part + "\n\n" + noticeText(f));
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
