package com.perftrack.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every process instance, task, decision and history row carries its company as tenant id, so the
 * engine's tenant check keeps companies apart in /engine-rest, the webapps and our own API.
 */
@Component
class CompanyTenantPlugin extends AbstractProcessEnginePlugin {

    private final String defaultCompany;

    CompanyTenantPlugin(@Value("${ptc.company.code:DEMO}") String defaultCompany) {
        this.defaultCompany = defaultCompany;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(new CompanyTenantIdProvider(defaultCompany));
    }
}
