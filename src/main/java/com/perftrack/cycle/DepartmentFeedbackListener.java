package com.perftrack.cycle;

import static com.perftrack.cycle.CycleVariables.*;
import com.perftrack.meeting.DepartmentFeedback;
import com.perftrack.security.TaskActor;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordDepartmentFeedback} (one per department whose actions were heard): the form shows
 * the department's results and suggests 经验分享 or 批评; completing it records the meeting's word
 * ({@link DepartmentFeedbacks}). Also gives the task's collection ({@link #departments}).
 */
@Component("departmentFeedbackListener")
public class DepartmentFeedbackListener implements TaskListener {

    private final DepartmentFeedbacks feedbacks;

    DepartmentFeedbackListener(DepartmentFeedbacks feedbacks) {
        this.feedbacks = feedbacks;
    }

    /** The multi-instance collection of {@code Task_RecordDepartmentFeedback}. */
    public List<String> departments(Object actionIds) {
        return feedbacks.departments(actionIds instanceof List<?> list ? list : List.of());
    }

    @Override
    public void notify(DelegateTask task) {
        List<?> actionIds = FOLLOW_UP_ACTION_IDS.get(task) instanceof List<?> list ? list : List.of();
        String department = FEEDBACK_DEPARTMENT.present(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            FEEDBACK_DEPARTMENT_NAME.setLocal(task, com.perftrack.security.CommitteeGroup.byId(department).map(g -> g.displayName() + " " + department).orElse(department));
            FEEDBACK_ACTIONS.setLocal(task, feedbacks.summary(actionIds, department));
            // the inputs on the department's execution, where a completed form's values land
            FEEDBACK_KIND.setLocal(task.getExecution(), feedbacks.suggestedKind(actionIds, department));
            FEEDBACK_COMMENT.setLocal(task.getExecution(), null);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            String kind = FEEDBACK_KIND.get(task);
            String text = FEEDBACK_COMMENT.get(task);
            if (!DepartmentFeedback.SHARE.equals(kind) && !DepartmentFeedback.CRITICISM.equals(kind)) {
                throw new BadUserRequestException("请选择经验分享或批评 / choose share or criticism");
            }
            if (text == null) {
                throw new BadUserRequestException(DepartmentFeedback.SHARE.equals(kind)
                        ? "请记录分享的经验 / record the experience shared" : "请记录批评的内容 / record the criticism");
            }
            if (text.length() > 4000) {
                throw new BadUserRequestException("内容最多 4000 个字符，现为 " + text.length()
                        + " / at most 4000 characters");
            }
            feedbacks.record(COMPANY_CODE.get(task), PERIOD.present(task), department, kind, text, actionIds,
                    TaskActor.of(task));
        }
    }
}
