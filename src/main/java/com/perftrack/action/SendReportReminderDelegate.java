package com.perftrack.action;

import com.perftrack.notification.Notifier;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_SendReportReminder} (one day after a ten-day report fell due): e-mails
 * the department's manager (the report itself is the responsible person's task) and, in Tasklist,
 * raises the report task's priority with a reminder comment the responsible person sees.
 */
@Component
class SendReportReminderDelegate implements JavaDelegate {

    static final int REMINDED_PRIORITY = 80;

    private final Notifier notifier;
    private final ActionSettings settings;

    SendReportReminderDelegate(Notifier notifier, ActionSettings settings) {
        this.notifier = notifier;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reportDate = (String) execution.getVariable("reportDate");
        String text = "改进行动 #" + execution.getVariable("actionId") + "「" + execution.getVariable("item")
                + "」的旬报（" + reportDate + "）已逾期一天，请尽快在 Tasklist 提交。\n"
                + "The ten-day report due " + reportDate + " on improvement action #" + execution.getVariable("actionId")
                + " is one day overdue; please file it in Tasklist.";
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey("Task_SubmitTenDayReport").list()) {
            if (reportDate.equals(tasks.getVariable(task.getId(), "reportDate")) && task.getPriority() < REMINDED_PRIORITY) {
                task.setPriority(REMINDED_PRIORITY);
                tasks.saveTask(task);
                tasks.createComment(task.getId(), execution.getProcessInstanceId(), "催报提醒 reminder: " + text);
            }
        }
        notifier.toUserElseGroup(settings.mailFrom(), (String) execution.getVariable("authorUserId"),
                (String) execution.getVariable("authorGroup"),
                "【催报】旬报逾期 Ten-day report overdue: " + execution.getVariable("item") + " " + reportDate, text);
    }
}
