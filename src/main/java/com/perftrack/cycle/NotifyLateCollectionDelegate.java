package com.perftrack.cycle;

import static com.perftrack.cycle.CycleVariables.*;
import com.perftrack.notification.Notifier;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_NotifyLateCollection}: the collection deadline has passed. The secretary-general and
 * the late departments get an e-mail; the secretary-general also gets a follow-up task.
 */
@Component
class NotifyLateCollectionDelegate implements JavaDelegate {

    static final int ESCALATION_PRIORITY = 90;

    private final CollectionTasks tasks;
    private final Notifier notifier;

    NotifyLateCollectionDelegate(CollectionTasks tasks, Notifier notifier) {
        this.tasks = tasks;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String period = PERIOD.present(execution);
        List<String> late = tasks.openDepartments(execution.getProcessInstanceId());
        MISSING_DEPARTMENTS.set(execution, String.join(",", late));
        if (late.isEmpty()) {
            return;
        }
        tasks.raisePriority(execution.getProcessInstanceId(), ESCALATION_PRIORITY);
        List<String> recipients = new ArrayList<>(late);
        recipients.add("secretary-general");
        notifier.toGroups(recipients, "【业绩跟踪】" + period + " 数据报送逾期 / Overdue: figures for " + period,
                "报送截止日期已过，以下部门仍未报送 " + period + " 的信息：" + String.join("、", late)
                        + "。已升级至秘书长。\n\nThe deadline has passed; still missing for " + period + ": "
                        + String.join(", ", late) + ". Escalated to the secretary-general.");
    }
}
