package com.perftrack.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateCaseExecution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The company (tenant) of every new process instance: its {@code companyCode} variable, else the
 * tenant of the instance that called it, else the starter's company when they belong to exactly
 * one, else the installation's default company. Decisions take the tenant of their execution.
 * A user may not start a process for a company they do not belong to.
 */
class CompanyTenantIdProvider implements TenantIdProvider {

    static final String COMPANY_VARIABLE = "companyCode";

    private final String defaultCompany;

    CompanyTenantIdProvider(String defaultCompany) {
        this.defaultCompany = defaultCompany;
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
        return tenantOf(ctx.getVariables(), ctx.getSuperExecution(), ctx.getSuperCaseExecution());
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
        return tenantOf(ctx.getVariables(), ctx.getSuperExecution(), ctx.getSuperCaseExecution());
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
        if (ctx.getExecution() != null) {
            return ctx.getExecution().getTenantId();
        }
        return ctx.getCaseExecution() == null ? null : ctx.getCaseExecution().getTenantId();
    }

    private String tenantOf(VariableMap variables, DelegateExecution superExecution,
            DelegateCaseExecution superCaseExecution) {
        Object given = variables == null ? null : variables.get(COMPANY_VARIABLE);
        if (given != null && !given.toString().isBlank()) {
            String company = given.toString().trim();
            requireMember(company);
            return company;
        }
        if (superExecution != null) {
            return superExecution.getTenantId();
        }
        if (superCaseExecution != null) {
            return superCaseExecution.getTenantId();
        }
        List<String> starterCompanies = starter() == null ? null : starter().getTenantIds();
        return starterCompanies != null && starterCompanies.size() == 1 ? starterCompanies.get(0) : defaultCompany;
    }

    /** Only when a user starts the process; jobs and timers run without one. */
    private void requireMember(String company) {
        Authentication starter = starter();
        if (starter == null || starter.getTenantIds() == null || starter.getTenantIds().contains(company)) {
            return;
        }
        ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
        List<String> groups = starter.getGroupIds() == null ? List.of() : starter.getGroupIds();
        List<String> adminUsers = configuration.getAdminUsers() == null ? List.of() : configuration.getAdminUsers();
        List<String> adminGroups = configuration.getAdminGroups() == null ? List.of() : configuration.getAdminGroups();
        boolean admin = adminUsers.contains(starter.getUserId()) || groups.stream().anyMatch(adminGroups::contains);
        if (!admin) {
            throw new AuthorizationException("用户 " + starter.getUserId() + " 不属于公司 " + company
                    + "，不能为其开启流程 / user " + starter.getUserId() + " does not belong to company " + company);
        }
    }

    private static Authentication starter() {
        var commandContext = Context.getCommandContext();
        return commandContext == null ? null : commandContext.getAuthentication();
    }
}
