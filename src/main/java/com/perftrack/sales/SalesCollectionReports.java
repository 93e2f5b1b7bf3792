package com.perftrack.sales;

import static com.perftrack.sales.SalespersonReportVariables.*;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The sales department's collection task of {@code monthly-tracking-cycle} ({@code Task_SubmitSalesInformation})
 * and the salespersons' monthly reports, joined through the engine's Spring task events (the Camunda starter
 * publishes every task event, in the engine's transaction), so the cycle's model stays as it is: when the task
 * opens, every sales person gets a report to file and the task shows a table of the reports; it refuses
 * completion, naming who has not filed, until all have.
 */
@Component
class SalesCollectionReports {

    static final String SALES_COLLECTION_TASK = "Task_SubmitSalesInformation";
    static final String CYCLE_PROCESS = "monthly-tracking-cycle";

    private final SalespersonReportService service;
    private final TaskService taskService;

    SalesCollectionReports(SalespersonReportService service, TaskService taskService) {
        this.service = service;
        this.taskService = taskService;
    }

    @EventListener(condition = "#task.taskDefinitionKey == 'Task_SubmitSalesInformation'")
    public void on(DelegateTask task) {
        String company = COMPANY_CODE.get(task);
        String period = PERIOD.get(task);
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            if (service.required(company, period)) {
                service.open(company, period);
            }
            task.setVariableLocal(REPORTS_TABLE, Spin.JSON(service.table(company, period)));
            REPORTS_STATUS.setLocal(task, service.status(company, period));
        } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName()) && service.required(company, period)) {
            List<String> missing = service.notFiled(company, period);
            if (!missing.isEmpty()) {
                throw new BadUserRequestException("不能提交：以下销售人员尚未提交 " + period + " 的月度报告：" + String.join("、", missing)
                        + " / Cannot submit: these sales persons have not filed their monthly report for " + period + ": "
                        + String.join(", ", missing));
            }
        }
    }

    /** After a report is filed: the open collection task of the company's month shows it at once. */
    void refresh(String company, String period) {
        taskService.createTaskQuery().processDefinitionKey(CYCLE_PROCESS).taskDefinitionKey(SALES_COLLECTION_TASK)
                .tenantIdIn(company).processInstanceBusinessKey(period).list().forEach(t -> {
                    taskService.setVariableLocal(t.getId(), REPORTS_TABLE, Spin.JSON(service.table(company, period)));
                    taskService.setVariableLocal(t.getId(), REPORTS_STATUS.name(), service.status(company, period));
                });
    }
}
