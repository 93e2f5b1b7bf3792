package com.perftrack.action;

import com.perftrack.organisation.OrganisationService;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The action package's beans that monthly-tracking-cycle uses, for engine-only process tests. */
public final class ActionTestBeans {

    private ActionTestBeans() {
    }

    public static Map<Object, Object> cycleActionBeans(ProcessEngine engine, JdbcClient jdbc, ActionService actions) {
        return Map.of("actionResultListener", new ActionResultListener(actions,
                ActionJudges.create(engine.getIdentityService(), new OrganisationService(jdbc))));
    }
}
