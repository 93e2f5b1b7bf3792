package com.perftrack.security;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link TenantRefusalMapper} with the engine REST API's Jersey application. */
@Configuration
class EngineRestTenantRefusals {

    @Bean
    ResourceConfigCustomizer tenantRefusalMapper() {
        return config -> config.register(TenantRefusalMapper.class);
    }
}
