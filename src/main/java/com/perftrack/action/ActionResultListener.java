package com.perftrack.action;

import java.util.Optional;
import com.perftrack.security.TaskActor;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordActionResult} (one per action of earlier cycles on the agenda, SPEC.md section
 * 2 step 8): shows the action and its last ten-day report; on complete records improved or not
 * improved, with the experience shared or the criticism, which the action's process receives as
 * its outcome message and writes to the tracking archive. Four eyes: the standing office records
 * results, except of its own actions, which go to the next in line (the secretary-general); nobody
 * who wrote the action or belongs to its department records its result.
 */
@Component("actionResultListener")
public class ActionResultListener implements TaskListener {

    static final String STANDING_OFFICE = "marketing";

    private final ActionService actions;
    private final ActionJudges judges;

    ActionResultListener(ActionService actions, ActionJudges judges) {
        this.actions = actions;
        this.judges = judges;
    }

    @Override
    public void notify(DelegateTask task) {
        long actionId = ((Number) task.getVariable("followUpActionId")).longValue();
        Optional<ActionView> action = actions.action(actionId);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal("actionSummary", action.map(this::summary)
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
            if (action.isPresent() && !judges.mayJudge(action.get(), user)) {
                throw new BadUserRequestException("不能记录本部门改进行动的结果，请由秘书长或其他部门记录 / you may not record"
                        + " the result of your own department's action: the secretary-general or another department does");
            }
            actions.recordOutcome(actionId, outcome.toString(), note.toString().trim(),
                    (String) task.getVariable("period"), user);
        }
    }

    /**
     * The task's candidate group ({@code camunda:candidateGroups} of {@code Task_RecordActionResult}):
     * the standing office, or the next in line when the action is the standing office's own.
     */
    public String recorderGroup(Object actionId) {
        return actions.action(((Number) actionId).longValue()).map(judges::resultRecorderGroup).orElse(STANDING_OFFICE);
    }

    String summary(ActionView a) {
        String department = judges.departmentName(a.companyCode(), a.responsibleDepartment());
        String owner = a.ownerUserId() == null ? "—" : judges.nameOf(a.ownerUserId());
        return "**#" + a.actionId() + " " + orNotYet(a.item()) + "**\n责任部门 " + department + "，负责人 " + owner
                + "，期限 " + (a.deadline() == null ? "未定 / not set" : a.deadline().toString())
                + "\n预期结果：" + orNotYet(a.expectedResult()) + "\n最近旬报："
                + (a.lastReportDate() == null ? "无 / none" : a.lastReportDate() + "，进度 "
                + (a.lastProgressPct() == null ? "—" : a.lastProgressPct().stripTrailingZeros().toPlainString() + "%"));
    }

    private static String orNotYet(String text) {
        return text == null || text.isBlank() ? "（尚未填写 / not written yet）" : text;
    }
}
