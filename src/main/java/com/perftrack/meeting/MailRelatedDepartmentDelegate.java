package com.perftrack.meeting;

import static com.perftrack.meeting.RelatedNoticeVariables.*;
import com.perftrack.notification.Notifier;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_MailRelatedDepartment} (related-department-notice): the related department's members get the finding by mail. */
@Component("mailRelatedDepartmentDelegate")
class MailRelatedDepartmentDelegate implements JavaDelegate {

    private final FindingService findings;
    private final Notifier notifier;

    MailRelatedDepartmentDelegate(FindingService findings, Notifier notifier) {
        this.findings = findings;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long findingId = FINDING_ID.present(execution);
        String department = RELATED_DEPARTMENT.present(execution);
        Finding f = findings.find(findingId).orElseThrow(() -> FindingRefusal.notFound(findingId));
        List<String> to = notifier.toGroups(List.of(department), "【业绩跟踪】" + f.period() + " 知会：问题 #" + f.number()
                + " / Notice: finding #" + f.number(), RelatedPartListener.noticeText(f)
                + "\n\n请在 Tasklist 的\"知会\"任务中阅知并补充本部门的配合措施。/ Please add your department's part in Tasklist.");
        RELATED_NOTICE_MAILED_TO.set(execution, String.join(",", to));
    }
}
