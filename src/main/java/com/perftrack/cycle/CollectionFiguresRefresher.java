package com.perftrack.cycle;

import com.perftrack.calendar.ReportingPeriod;
import com.perftrack.kpi.FigureService;
import com.perftrack.kpi.FiguresImported;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps "figures received" in the open collection forms current: after an import has committed,
 * the open department tasks of cycles of the imported periods show the new count.
 */
@Component
class CollectionFiguresRefresher {

    private final TaskService taskService;
    private final IdentityService identityService;
    private final FigureService figures;

    CollectionFiguresRefresher(TaskService taskService, IdentityService identityService, FigureService figures) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.figures = figures;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void figuresImported(FiguresImported event) {
        // a system update: the importer need not be allowed to see other departments' tasks
        var importer = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            // a quarterly or half-yearly review's tasks count the figures of all their months
            java.util.Set<String> periods = new java.util.LinkedHashSet<>(event.periods());
            event.periods().stream().filter(com.perftrack.calendar.Period::isValid)
                    .flatMap(m -> ReportingPeriod.containing(com.perftrack.calendar.Period.parse(m)).stream())
                    .forEach(p -> periods.add(p.toString()));
            for (String period : periods) {
                for (Task task : taskService.createTaskQuery().processDefinitionKey("monthly-tracking-cycle")
                        .taskDefinitionKeyIn(CollectionTasks.DEPARTMENT_OF_TASK.keySet().toArray(String[]::new))
                        .processVariableValueEquals("period", period).listPage(0, 500)) {
                    String company = (String) taskService.getVariable(task.getId(), "companyCode");
                    String department = CollectionTasks.DEPARTMENT_OF_TASK.get(task.getTaskDefinitionKey());
                    taskService.setVariableLocal(task.getId(), "figuresReceived",
                            CollectionTaskListener.received(figures.countFigures(company, period, department), period));
                    taskService.setVariableLocal(task.getId(), "figureWarnings",
                            CollectionTaskListener.warnings(figures.doubtfulFigures(company, period, department)));
                }
            }
        } finally {
            if (importer != null) {
                identityService.setAuthentication(importer);
            }
        }
    }
}
