package com.perftrack.evaluation;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.perftrack.security.CommitteeGroup;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What the evaluation needs beyond the installation's base authorizations: HR and the general
 * manager start {@code quarterly-evaluation} by hand; every group may evaluate the
 * {@code reward-penalty} decision (the API shows a quarter's proposals before its run has stored
 * them). Idempotent, runs at every start.
 */
@Component
@Order(30)
class EvaluationAuthorizations implements ApplicationRunner {

    private final AuthorizationService authorizations;

    EvaluationAuthorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String starter : new String[] {"hr", "committee-chair"}) {
            grant(starter, Resources.PROCESS_DEFINITION, "quarterly-evaluation", Permissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE);
            grant(starter, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        }
        for (CommitteeGroup group : CommitteeGroup.values()) {
            grant(group.id(), Resources.DECISION_DEFINITION, OutcomeRules.DECISION, Permissions.READ,
                    Permissions.CREATE_INSTANCE);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        var existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        var authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
        }
    }
}
