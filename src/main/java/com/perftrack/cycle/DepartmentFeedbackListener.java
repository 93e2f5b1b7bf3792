package com.perftrack.cycle;

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
        List<?> actionIds = task.getVariable("followUpActionIds") instanceof List<?> list ? list : List.of();
        String department = (String) task.getVariable("feedbackDepartment");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal("feedbackDepartmentName", com.perftrack.security.CommitteeGroup.byId(department).map(g -> g.displayName() + " " + department).orElse(department));
            task.setVariableLocal("feedbackActions", feedbacks.summary(actionIds, department));
            // the inputs on the department's execution, where a completed form's values land
            task.getExecution().setVariableLocal("feedbackKind", feedbacks.suggestedKind(actionIds, department));
            task.getExecution().setVariableLocal("feedbackComment", null);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            Object kind = task.getVariable("feedbackKind");
            Object text = task.getVariable("feedbackComment");
            if (!DepartmentFeedback.SHARE.equals(kind) && !DepartmentFeedback.CRITICISM.equals(kind)) {
                throw new BadUserRequestException("请选择经验分享或批评 / choose share or criticism");
            }
            if (text == null || text.toString().isBlank()) {
                throw new BadUserRequestException(DepartmentFeedback.SHARE.equals(kind)
                        ? "请记录分享的经验 / record the experience shared" : "请记录批评的内容 / record the criticism");
            }
            if (text.toString().length() > 4000) {
                throw new BadUserRequestException("内容最多 4000 个字符，现为 " + text.toString().length()
                        + " / at most 4000 characters");
            }
            feedbacks.record((String) task.getVariable("companyCode"), (String) task.getVariable("period"), department,
                    kind.toString(), text.toString().trim(), actionIds, TaskActor.of(task));
        }
    }
}
