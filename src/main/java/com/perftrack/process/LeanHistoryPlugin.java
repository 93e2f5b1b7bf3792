package com.perftrack.process;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * History at level {@code full} without its per-update detail rows ({@code ACT_HI_DETAIL}: every value a
 * variable ever had, one row per write). Nothing reads them: Community Cockpit shows no variable
 * history, the application's own audit (who decided what, when) is in its tables, and the latest
 * value of each variable stays in {@code ACT_HI_VARINST}. Process instances, activities, tasks,
 * identity links, incidents, job logs, decisions and the user operation log are kept as before.
 * Measured with {@code CycleStartBenchmark} (issue 18): a cycle start wrote 19 detail rows of 115.
 * The level stays {@code full} in the database, so switching back needs no migration:
 * {@code ptc.history.variable-details=true}.
 */
@Component
class LeanHistoryPlugin extends AbstractProcessEnginePlugin {

    private final boolean variableDetails;

    LeanHistoryPlugin(@Value("${ptc.history.variable-details:false}") boolean variableDetails) {
        this.variableDetails = variableDetails;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (variableDetails) {
            return;
        }
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        var handlers = configuration.getCustomHistoryEventHandlers() == null ? new ArrayList<org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(0, new WithoutDetails());
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    /**
     * The engine's own database handler without detail rows: a variable's update still creates or
     * updates its {@code ACT_HI_VARINST} row ({@link #shouldWriteHistoricDetail} only decides the
     * detail); other detail events (form properties) are skipped.
     */
    static final class WithoutDetails extends DbHistoryEventHandler {
        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricDetailEventEntity && !(event instanceof HistoricVariableUpdateEventEntity)) {
                return;
            }
            super.handleEvent(event);
        }

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return false;
        }
    }
}
