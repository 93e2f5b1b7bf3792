package com.perftrack.templates;

import com.perftrack.calendar.Period;
import com.perftrack.calendar.ReportingPeriod;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
            for (String period : periodsShowing(event.periods())) {
                refresh(period);
            }
        } finally {
            if (uploader != null) {
                identityService.setAuthentication(uploader);
            }
        }
    }

    /**
     * The cycles whose forms show lines of these months: the month's own, the month before's (a plan
     * for a month is filed in the month before) and the quarters, half years and years containing them.
     */
    static Set<String> periodsShowing(List<String> months) {
        Set<String> periods = new LinkedHashSet<>();
        for (String text : months) {
            Period month = Period.parse(text);
            for (Period shown : List.of(month, month.previous())) {
                periods.add(shown.toString());
                ReportingPeriod.containing(shown).forEach(p -> periods.add(p.toString()));
            }
        }
        return periods;
    }

    private void refresh(String period) {
        for (Task task : taskService.createTaskQuery().processDefinitionKey("monthly-tracking-cycle")
                .taskDefinitionKeyIn(CollectionTables.SALES_TASK, CollectionTables.MARKET_TASK)
                .processVariableValueEquals("period", period).listPage(0, 500)) {
            Object company = taskService.getVariable(task.getId(), "companyCode");
            if (company != null) {
                taskService.setVariablesLocal(task.getId(), tables.tables(task.getTaskDefinitionKey(), company.toString(), period));
            }
        }
    }
}
