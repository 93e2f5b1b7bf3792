package com.perftrack.cycle;

import static com.perftrack.cycle.CycleVariables.*;
import com.perftrack.kpi.FigureService;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Listener of every department collection task. On create it shows how many of the department's
 * figures have arrived; on complete it refuses the submission, with a message naming them, while
 * figures the department must deliver for the period are missing (the form is only a convenience;
 * this is the check).
 */
@Component("collectionTaskListener")
class CollectionTaskListener implements TaskListener {

    private final FigureService figures;

    CollectionTaskListener(FigureService figures) {
        this.figures = figures;
    }

    /** The engine keeps a text variable in at most 4,000 characters; longer is refused here, by name. */
    static final int MAX_TEXT = 4000;

    static void refuseTooLong(DelegateTask task) {
        List<String> tooLong = task.getVariables().entrySet().stream()
                .filter(e -> e.getValue() instanceof String text && text.length() > MAX_TEXT)
                .map(e -> e.getKey() + "（" + ((String) e.getValue()).length() + "）").sorted().toList();
        if (!tooLong.isEmpty()) {
            throw new BadUserRequestException("文字说明最多 " + MAX_TEXT + " 个字符，以下字段过长：" + String.join("、", tooLong)
                    + " / texts hold at most " + MAX_TEXT + " characters; too long: " + String.join(", ", tooLong));
        }
    }

    static String received(long count, String period) {
        return count + " 条（" + period + "）";
    }

    @Override
    public void notify(DelegateTask task) {
        String department = CollectionTasks.DEPARTMENT_OF_TASK.get(task.getTaskDefinitionKey());
        String company = COMPANY_CODE.get(task);
        String period = PERIOD.present(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            FIGURES_RECEIVED.setLocal(task, received(figures.countFigures(company, period, department), period));
            FIGURE_WARNINGS.setLocal(task, warnings(figures.doubtfulFigures(company, period, department)));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            refuseTooLong(task);
            List<String> missing = figures.missingFigures(company, period, department);
            if (!missing.isEmpty()) {
                throw new BadUserRequestException("不能提交：本部门 " + period + " 尚缺以下数据（请先在 /imports.html 导入）："
                        + String.join("；", missing) + " / Cannot submit: figures still missing for " + period + ": "
                        + String.join("; ", missing));
            }
            List<String> doubtful = figures.doubtfulFigures(company, period, department);
            if (!doubtful.isEmpty() && !Boolean.TRUE.equals(FIGURES_VERIFIED.get(task))) {
                throw new BadUserRequestException("不能提交：本部门 " + period + " 有 " + doubtful.size() + " 条可疑数据，请核实后勾选"
                        + "“已核实”，或导入更正后的文件：" + String.join("；", doubtful) + " / Cannot submit: " + doubtful.size()
                        + " doubtful figure(s) for " + period + "; tick 已核实 (verified) or import a corrected file");
            }
        }
    }

    /** The warnings as the form shows them: one per line; empty when there are none. */
    static String warnings(List<String> doubtful) {
        return doubtful.stream().map(w -> "- " + w).collect(java.util.stream.Collectors.joining("\n"));
    }
}
