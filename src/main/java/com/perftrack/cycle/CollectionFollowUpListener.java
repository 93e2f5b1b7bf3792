package com.perftrack.cycle;

import static com.perftrack.cycle.CycleVariables.*;
import com.perftrack.kpi.FigureService;
import com.perftrack.notification.Notifier;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * HR's "request missing data" task and the secretary-general's follow-up of late data: on create
 * they show which departments and figures are still missing; on complete the note is e-mailed to
 * those departments once the completion has been committed (the note itself stays in history).
 */
@Component("collectionFollowUpListener")
class CollectionFollowUpListener implements TaskListener {

    private final CollectionTasks tasks;
    private final FigureService figures;
    private final Notifier notifier;

    CollectionFollowUpListener(CollectionTasks tasks, FigureService figures, Notifier notifier) {
        this.tasks = tasks;
        this.figures = figures;
        this.notifier = notifier;
    }

    @Override
    public void notify(DelegateTask task) {
        String company = COMPANY_CODE.get(task);
        String period = PERIOD.present(task);
        List<String> open = tasks.openDepartments(task.getProcessInstanceId());
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            List<String> lines = new ArrayList<>();
            for (String department : open) {
                List<String> missing = figures.missingFigures(company, period, department);
                lines.add("- " + department + (missing.isEmpty() ? "：数字已齐，待提交说明 / figures complete, task open"
                        : "：缺 " + String.join("；", missing)));
            }
            MISSING_SUMMARY.setLocal(task, lines.isEmpty() ? "（全部已报送 / all reported）" : String.join("\n", lines));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName()) && !open.isEmpty()) {
            String note = HR_REQUEST_NOTE.getOr(task, ESCALATION_NOTE.get(task));
            String subject = "【业绩跟踪】" + period + " 请尽快报送数据 / Please report your figures for " + period;
            String body = (note == null ? "" : note + "\n\n") + "尚未报送 / still missing: " + String.join(", ", open);
            notifier.toGroupsAfterCommit(open, subject, body);
        }
    }
}
