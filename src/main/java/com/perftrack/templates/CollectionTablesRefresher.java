package com.perftrack.templates;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** After a template upload has committed, the open sales and marketing collection tasks show the new lines. */
@Component
class CollectionTablesRefresher {

    private final TaskService taskService;
    private final IdentityService identityService;
    private final CollectionTables tables;

    CollectionTablesRefresher(TaskService taskService, IdentityService identityService, CollectionTables tables) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.tables = tables;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void templateImported(TemplateImported event) {
        // a system update: the uploader need not be allowed to see the tasks
        var uploader = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            for (Task task : taskService.createTaskQuery().processDefinitionKey("monthly-tracking-cycle")
                    .taskDefinitionKeyIn(CollectionTables.SALES_TASK, CollectionTables.MARKET_TASK).listPage(0, 500)) {
                Object company = taskService.getVariable(task.getId(), "companyCode");
                Object period = taskService.getVariable(task.getId(), "period");
                if (company != null && period != null) {
                    taskService.setVariablesLocal(task.getId(),
                            tables.tables(task.getTaskDefinitionKey(), company.toString(), period.toString()));
                }
            }
        } finally {
            if (uploader != null) {
                identityService.setAuthentication(uploader);
            }
        }
    }
}
