package com.perftrack.meeting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CorrectDepartmentReport} on create: the standing office sees which department's record
 * came back and why (task description and the form's department line); the record form itself is
 * the meeting's (DepartmentReportListener records the corrected findings). On complete the
 * department leaves the cycle's variables again.
 */
@Component("sentBackRecordListener")
class SentBackRecordListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            // recorded (DepartmentReportListener ran first): the confirmation's title names no department again
            task.getExecution().removeVariable("reportDepartment");
            return;
        }
        String department = (String) task.getVariable("sentBackDepartment");
        String reason = (String) task.getVariable("sendBackReason");
        String text = "秘书长退回 " + MeetingTexts.departmentName(department) + " 的记录，请更正后重新提交 / sent back by the "
                + "secretary-general: " + reason;
        task.setDescription(text.length() <= 3900 ? text : text.substring(0, 3899) + "…");
        task.getExecution().setVariable("reportDepartmentName", MeetingTexts.departmentName(department)
                + "（退回更正 sent back：" + (reason.length() <= 300 ? reason : reason.substring(0, 299) + "…") + "）");
    }
}
