package com.perftrack.cycle;

import static com.perftrack.cycle.CycleVariables.*;
import com.perftrack.notification.Notifier;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SendCollectionReminder}: the departments that have not reported yet, and HR (which
 * requests the missing data, SPEC.md section 2 step 2), get an e-mail; their tasks rise in Tasklist.
 */
@Component
class SendCollectionReminderDelegate implements JavaDelegate {

    static final int REMINDER_PRIORITY = 75;

    private final CollectionTasks tasks;
    private final Notifier notifier;

    SendCollectionReminderDelegate(CollectionTasks tasks, Notifier notifier) {
        this.tasks = tasks;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String period = PERIOD.present(execution);
        List<String> open = tasks.openDepartments(execution.getProcessInstanceId());
        MISSING_DEPARTMENTS.set(execution, String.join(",", open));
        if (open.isEmpty()) {
            return;
        }
        tasks.raisePriority(execution.getProcessInstanceId(), REMINDER_PRIORITY);
        List<String> recipients = new ArrayList<>(open);
        recipients.add("hr");
        notifier.toGroups(recipients, "【业绩跟踪】" + period + " 数据报送提醒 / Reminder: figures for " + period,
                "以下部门尚未报送 " + period + " 的信息：" + String.join("、", open) + "。\n请在 Tasklist 中完成本部门任务，"
                        + "数字可通过 /imports.html 导入。\n\nThese departments have not yet reported for " + period + ": "
                        + String.join(", ", open) + ". Please complete your task in Tasklist.");
    }
}
