package com.perftrack.meeting;

import com.perftrack.action.ActionService;
import com.perftrack.action.ActionView;
import com.perftrack.security.TaskActor;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordActionResult} (one per action of earlier cycles on the agenda, SPEC.md section
 * 2 step 8): shows the action and its last ten-day report; on complete records improved or not
 * improved, with the experience shared or the criticism, which the action's process receives as
 * its outcome message and writes to the tracking archive.
 */
@Component("actionResultListener")
class ActionResultListener implements TaskListener {

    private final ActionService actions;

    ActionResultListener(ActionService actions) {
        this.actions = actions;
    }

    @Override
    public void notify(DelegateTask task) {
        long actionId = ((Number) task.getVariable("followUpActionId")).longValue();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal("actionSummary", actions.action(actionId).map(ActionResultListener::summary)
                    .orElse("行动 #" + actionId + " / action #" + actionId));
            // empty per action, on the execution where the completed form's values land
            task.getExecution().setVariableLocal("actionOutcome", null);
            task.getExecution().setVariableLocal("actionOutcomeNote", null);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            Object outcome = task.getVariable("actionOutcome");
            Object note = task.getVariable("actionOutcomeNote");
            if (!ActionService.IMPROVED.equals(outcome) && !ActionService.NOT_IMPROVED.equals(outcome)) {
                throw new BadUserRequestException("请选择已改善或未改善 / choose improved or not improved");
            }
            if (note == null || note.toString().isBlank()) {
                throw new BadUserRequestException(ActionService.IMPROVED.equals(outcome)
                        ? "已改善的部门须分享经验 / share the experience" : "未改善须记录批评 / record the criticism");
            }
            String user = TaskActor.of(task);
            actions.recordOutcome(actionId, outcome.toString(), note.toString().trim(),
                    (String) task.getVariable("period"), user);
        }
    }

    static String summary(ActionView a) {
        return "**#" + a.actionId() + " " + a.item() + "**\n责任部门 " + a.responsibleDepartment() + "，负责人 "
                + a.ownerUserId() + "，期限 " + a.deadline() + "\n预期结果：" + a.expectedResult() + "\n最近旬报："
                + (a.lastReportDate() == null ? "无 / none" : a.lastReportDate() + "，进度 "
                + (a.lastProgressPct() == null ? "—" : a.lastProgressPct().stripTrailingZeros().toPlainString() + "%"));
    }
}
