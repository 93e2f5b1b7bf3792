package com.perftrack.security;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers {@link FormVariableFilter} on the engine REST API and on Tasklist's engine API only,
 * after the engine REST API's authentication, so anonymous callers still get 401 first.
 */
@Configuration
class FormVariableGuard {

    @Bean
    FilterRegistrationBean<FormVariableFilter> formVariableFilter(IdentityService identityService, TaskService taskService,
            FormService formService, RepositoryService repositoryService) {
        var filter = new FormVariableFilter(new DeclaredForms(identityService, taskService, formService, repositoryService));
        var registration = new FilterRegistrationBean<>(filter);
        registration.setName("form-variable-guard");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 5);
        return registration;
    }
}
