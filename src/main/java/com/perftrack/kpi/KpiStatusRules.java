package com.perftrack.kpi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Reads the latest deployed {@code kpi-status} decision (so an edit deployed from Camunda Modeler
 * takes effect at the next calculation); falls back to the copy on the classpath.
 *
 * <p>The calculation runs for whoever triggered it (an importer, the cycle's job), and reading the
 * rule table is not a permission the caller needs: the engine's authentication is cleared around
 * the repository call and restored afterwards.
 */
@Component
class KpiStatusRules {

    private final RepositoryService repositoryService;
    private final IdentityService identityService;

    KpiStatusRules(RepositoryService repositoryService, IdentityService identityService) {
        this.repositoryService = repositoryService;
        this.identityService = identityService;
    }

    StatusTable load() {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
                    .decisionDefinitionKey(StatusTable.DECISION_KEY).latestVersion().singleResult();
            if (definition != null) {
                try (InputStream in = repositoryService.getDecisionModel(definition.getId())) {
                    return StatusTable.read(in);
                }
            }
            try (InputStream in = KpiStatusRules.class.getResourceAsStream("/bpmn/kpi-status.dmn")) {
                return StatusTable.read(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
