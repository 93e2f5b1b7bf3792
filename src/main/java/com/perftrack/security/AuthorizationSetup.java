package com.perftrack.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the committee's groups, their Tasklist filter (本部门任务) and the authorizations every
 * installation needs. Idempotent: runs at every start and only adds what is missing.
 *
 * <p>Task visibility itself comes from the engine: a candidate group gets READ and TASK_WORK on
 * each of its tasks (defaultUserPermissionNameForTask), and nobody else does.
 */
@Component
@Order(10)
class AuthorizationSetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationSetup.class);
    static final String CYCLE_PROCESS = "monthly-tracking-cycle";
    static final String APPEAL_PROCESS = "appeal";
    static final String EVALUATION_PROCESS = "quarterly-evaluation";
    static final String SPECIAL_AWARD_PROCESS = "special-contribution-award";
    static final String FEEDBACK_360_PROCESS = "feedback-360";
    static final String WEEKLY_SALES_PLAN_PROCESS = "weekly-sales-plan";
    static final String REWARD_PENALTY_DECISION = "reward-penalty";
    static final String REWARD_PENALTY_AMOUNT_DECISION = "reward-penalty-amount";
    /** Members may deploy models (Camunda Modeler); not a committee role, so not a {@link CommitteeGroup}. */
    public static final String PROCESS_OWNER = "process-owner";
    static final String MY_TASKS = "我的任务";
    static final String ALL_OPEN = "全部待办";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;

    AuthorizationSetup(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, TaskService taskService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (CommitteeGroup group : CommitteeGroup.values()) {
            ensureGroup(group);
            grant(group.id(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            if (group == CommitteeGroup.HR) {
                grant(group.id(), Resources.USER, ANY, Permissions.READ);
            } else {
                // the user list (names, e-mail addresses) is for HR and administrators; everybody
                // keeps READ on their own user, which the engine grants when it creates a user
                revoke(group.id(), Resources.USER, ANY, Permissions.READ);
            }
            grant(group.id(), Resources.GROUP, ANY, Permissions.READ);
            // Tasklist shows a task card's process (月度业绩跟踪周期, 改进行动 …) only to users who may
            // read its definition; the models are the method itself and carry nothing confidential
            grant(group.id(), Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
            ensureDepartmentFilter(group);
            if (group.isLeadership() || group == CommitteeGroup.MARKETING || group == CommitteeGroup.HR) {
                // committee leadership, the standing office and HR watch the cycle in Cockpit
                grant(group.id(), Resources.APPLICATION, "cockpit", Permissions.ACCESS);
                grant(group.id(), Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
                grant(group.id(), Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
            }
        }
        for (String starter : new String[] {"secretary-general", "committee-chair", "marketing"}) {
            grant(starter, Resources.PROCESS_DEFINITION, CYCLE_PROCESS, Permissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE);
            grant(starter, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        }
        for (String starter : new String[] {"hr", "committee-chair"}) {
            // HR runs the quarterly evaluation; the general manager may start it too
            grant(starter, Resources.PROCESS_DEFINITION, EVALUATION_PROCESS, Permissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE);
            grant(starter, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        }
        // HR opens the quarter's 360° feedback round
        grant(CommitteeGroup.HR.id(), Resources.PROCESS_DEFINITION, FEEDBACK_360_PROCESS, Permissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(CommitteeGroup.HR.id(), Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        // the sales head opens a week's sales plan by hand when the Monday timer has not (issue 16)
        grant(CommitteeGroup.SALES.id(), Resources.PROCESS_DEFINITION, WEEKLY_SALES_PLAN_PROCESS, Permissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(CommitteeGroup.SALES.id(), Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        for (CommitteeGroup group : CommitteeGroup.values()) {
            // /api/evaluations shows a quarter's proposals before its run has stored them
            grant(group.id(), Resources.DECISION_DEFINITION, REWARD_PENALTY_DECISION, Permissions.READ,
                    Permissions.CREATE_INSTANCE);
            // ... and the sums of their bonuses and fines (issue 14)
            grant(group.id(), Resources.DECISION_DEFINITION, REWARD_PENALTY_AMOUNT_DECISION, Permissions.READ,
                    Permissions.CREATE_INSTANCE);
        }
        for (CommitteeGroup group : CommitteeGroup.values()) {
            if (group != CommitteeGroup.EMPLOYEE) {
                // a special contribution may be proposed at any time by any committee member
                grant(group.id(), Resources.PROCESS_DEFINITION, SPECIAL_AWARD_PROCESS, Permissions.READ,
                        ProcessDefinitionPermissions.CREATE_INSTANCE);
                grant(group.id(), Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
            }
        }
        grant(CommitteeGroup.EMPLOYEE.id(), Resources.PROCESS_DEFINITION, APPEAL_PROCESS, Permissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(CommitteeGroup.EMPLOYEE.id(), Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        ensureProcessOwners();
        ensureCommonFilters();
        // the Camunda administrators keep full access to the filters they see in Tasklist
        grant(Groups.CAMUNDA_ADMIN, Resources.FILTER, ANY, Permissions.ALL);
        log.info("Committee groups, filters and authorizations are in place");
    }

    /**
     * Process owners deploy edited models from Camunda Modeler: CREATE (and READ) on deployments is
     * theirs and the administrators', no committee member's. Deployments carrying code are refused
     * for everybody ({@link DeploymentCodeGuard}).
     */
    private void ensureProcessOwners() {
        if (identityService.createGroupQuery().groupId(PROCESS_OWNER).count() == 0) {
            Group group = identityService.newGroup(PROCESS_OWNER);
            group.setName("流程负责人 · process owners");
            group.setType("SYSTEM");
            identityService.saveGroup(group);
        }
        grant(PROCESS_OWNER, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
        grant(PROCESS_OWNER, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(PROCESS_OWNER, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
        grant(PROCESS_OWNER, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(PROCESS_OWNER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        for (CommitteeGroup group : CommitteeGroup.values()) {
            revoke(group.id(), Resources.DEPLOYMENT, ANY, Permissions.CREATE);
        }
    }

    /**
     * 我的任务: every task assigned to the signed-in user, whatever its candidate group (an appeal's
     * department-head opinion is assigned to a person, with no group). 全部待办: every open task the
     * committee leadership may read, which is all of their companies' tasks.
     */
    private void ensureCommonFilters() {
        Filter mine = filterService.createFilterQuery().filterName(MY_TASKS).singleResult();
        if (mine == null) {
            mine = filterService.newTaskFilter(MY_TASKS)
                    .setQuery(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"))
                    .setProperties(Map.of("description", "分配给我的任务 (tasks assigned to me)", "priority", -10,
                            "refresh", true));
            filterService.saveFilter(mine);
        }
        Filter all = filterService.createFilterQuery().filterName(ALL_OPEN).singleResult();
        if (all == null) {
            all = filterService.newTaskFilter(ALL_OPEN).setQuery(taskService.createTaskQuery())
                    .setProperties(Map.of("description", "本公司全部待办 (every open task of my companies)",
                            "priority", 20, "refresh", true));
            filterService.saveFilter(all);
        }
        for (CommitteeGroup group : CommitteeGroup.values()) {
            grant(group.id(), Resources.FILTER, mine.getId(), Permissions.READ);
            if (group.isLeadership()) {
                grant(group.id(), Resources.FILTER, all.getId(), Permissions.READ);
                // the leadership watches every task of its companies (the tenant check keeps others out)
                grant(group.id(), Resources.TASK, ANY, Permissions.READ);
            }
        }
    }

    private void revoke(String groupId, Resource resource, String resourceId, Permission permission) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        if (existing == null || !existing.isPermissionGranted(permission)) {
            return;
        }
        existing.removePermission(permission);
        if (existing.isEveryPermissionRevoked()) {
            authorizationService.deleteAuthorization(existing.getId());
        } else {
            authorizationService.saveAuthorization(existing);
        }
    }

    private void ensureGroup(CommitteeGroup committeeGroup) {
        if (identityService.createGroupQuery().groupId(committeeGroup.id()).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(committeeGroup.id());
        group.setName(committeeGroup.displayName());
        group.setType("WORKFLOW");
        identityService.saveGroup(group);
    }

    private void ensureDepartmentFilter(CommitteeGroup group) {
        String name = "本部门任务 · " + group.displayName();
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name)
                    .setQuery(taskService.createTaskQuery().taskCandidateGroup(group.id()).includeAssignedTasks())
                    .setProperties(Map.of(
                            "description", group.displayName() + " 的待办任务 (tasks of " + group.id() + ")",
                            "priority", 10,
                            "refresh", true));
            filterService.saveFilter(filter);
        }
        grant(group.id(), Resources.FILTER, filter.getId(), Permissions.READ);
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
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
            authorizationService.saveAuthorization(authorization);
        }
    }
}
