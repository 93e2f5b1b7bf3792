package com.perftrack.templates;

import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gives the sales and marketing collection tasks a create listener that fills their template tables
 * ({@link CollectionTables}), like the organisation's task titles: the cycle's model stays as the
 * process owners keep it, and its process tests need no templates bean.
 */
@Component
class CollectionTablesPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<CollectionTables> tables;

    CollectionTablesPlugin(ObjectProvider<CollectionTables> tables) {
        this.tables = tables;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        TaskListener fill = this::fill;
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (Set.of(CollectionTables.SALES_TASK, CollectionTables.MARKET_TASK).contains(activity.getId())
                        && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, fill);
                }
            }
        });
    }

    private void fill(DelegateTask task) {
        Object company = task.getVariable("companyCode");
        Object period = task.getVariable("period");
        tables.getObject().tables(task.getTaskDefinitionKey(), company == null ? null : company.toString(),
                period == null ? null : period.toString()).forEach(task::setVariableLocal);
    }
}
