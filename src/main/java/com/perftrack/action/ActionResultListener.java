package com.perftrack.action;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import com.perftrack.security.TaskActor;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordActionResult} (one per action of earlier cycles on the agenda, SPEC.md section
 * 2 step 8): shows the action and its last ten-day report; on complete records improved (with the
 * experience shared) or not improved (with why, and the committee's decision: reissue with a new
 * deadline, the default, or close with a reason), which the action's process receives as its
 * outcome message and writes to the tracking archive. "In progress" records nothing: an action not
 * yet due stays open and returns on the next agenda; an overdue one needs a result. Four eyes: the standing office records
 * results, except of its own actions, which go to the next in line (the secretary-general); nobody
 * who wrote the action or belongs to its department records its result.
 */
@Component("actionResultListener")
public class ActionResultListener implements TaskListener {

    static final String STANDING_OFFICE = "marketing";
    /** The form's third choice: no result yet, the action stays open (only before its deadline). */
    static final String IN_PROGRESS = "IN_PROGRESS";

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
            // empty per action, on the execution where the completed form's values land; a "not
            // improved" problem is reissued by default, due at the end of next month
            task.getExecution().setVariableLocal("actionOutcome", null);
            task.getExecution().setVariableLocal("actionOutcomeNote", null);
            task.getExecution().setVariableLocal("notImprovedDecision", ActionView.REISSUE);
            LocalDate defaultDeadline = actions.defaultReissueDeadline();
            task.getExecution().setVariableLocal("reissueDeadline", defaultDeadline == null ? null : defaultDeadline.toString());
            task.getExecution().setVariableLocal("closeReason", null);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            Object outcome = task.getVariable("actionOutcome");
            Object note = task.getVariable("actionOutcomeNote");
            if (!ActionService.IMPROVED.equals(outcome) && !ActionService.NOT_IMPROVED.equals(outcome)
                    && !IN_PROGRESS.equals(outcome)) {
                throw new BadUserRequestException("请选择已改善、未改善或仍在进行 / choose improved, not improved or in progress");
            }
            if (IN_PROGRESS.equals(outcome)) {
                // nothing is recorded: the action stays open and comes back on the next agenda
                if (action.isPresent() && action.get().overdue()) {
                    throw new BadUserRequestException("行动已过期限 " + action.get().deadline() + "，须记录已改善或未改善 / the"
                            + " action passed its deadline: record improved or not improved");
                }
                return;
            }
            if (note == null || note.toString().isBlank()) {
                throw new BadUserRequestException(ActionService.IMPROVED.equals(outcome)
                        ? "已改善的部门须分享经验 / share the experience" : "未改善须写明原因 / record why it did not improve");
            }
            String user = TaskActor.of(task);
            if (action.isPresent() && !judges.mayJudge(action.get(), user)) {
                throw new BadUserRequestException("不能记录本部门改进行动的结果，请由秘书长或其他部门记录 / you may not record"
                        + " the result of your own department's action: the secretary-general or another department does");
            }
            if (ActionService.IMPROVED.equals(outcome)) {
                actions.recordOutcome(actionId, outcome.toString(), note.toString().trim(),
                        (String) task.getVariable("period"), user);
                return;
            }
            String decision = text(task.getVariable("notImprovedDecision"));
            LocalDate newDeadline = date(task.getVariable("reissueDeadline"));
            try {
                actions.recordOutcome(actionId, outcome.toString(), note.toString().trim(),
                        (String) task.getVariable("period"), user, decision == null ? ActionView.REISSUE : decision,
                        newDeadline, text(task.getVariable("closeReason")));
            } catch (IllegalArgumentException e) {
                throw new BadUserRequestException(e.getMessage());
            }
        }
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    private static LocalDate date(Object value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new BadUserRequestException("新期限不是日期 / the new deadline is not a date: " + text);
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
        return "**#" + a.actionId() + " " + orNotYet(a.item()) + "**"
                + (a.reissued() ? " 〔再次下发 reissued，第 " + a.round() + " 轮 round " + a.round() + "〕" : "")
                + (a.overdue() ? " 〔已逾期 overdue〕" : "")
                + "\n责任部门 " + department + "，负责人 " + owner
                + "，期限 " + (a.deadline() == null ? "未定 / not set" : a.deadline().toString())
                + "\n预期结果：" + orNotYet(a.expectedResult()) + "\n最近旬报："
                + (a.lastReportDate() == null ? "无 / none" : a.lastReportDate() + "，进度 "
                + (a.lastProgressPct() == null ? "—" : a.lastProgressPct().stripTrailingZeros().toPlainString() + "%"))
                + (a.chairInstruction() == null ? "" : "\n总经理批示 GM's instruction：" + a.chairInstruction());
    }

    private static String orNotYet(String text) {
        return text == null || text.isBlank() ? "（尚未填写 / not written yet）" : text;
    }
}
