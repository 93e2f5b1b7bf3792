package com.perftrack.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * The engine's tenant check refuses work on another company's task or instance with a plain
 * {@link ProcessEngineException} (ENGINE-13034 "… belongs to no authenticated tenant"), which the
 * engine REST API reports as 500. It is a refusal, not a failure: 403 in Camunda's error format.
 * Every other engine exception keeps Camunda's own mapping.
 */
@Priority(100)
class TenantRefusalMapper implements ExtendedExceptionMapper<ProcessEngineException> {

    static final String TENANT_REFUSAL = "ENGINE-13034";

    @Override
    public boolean isMappable(ProcessEngineException exception) {
        return exception.getMessage() != null && exception.getMessage().startsWith(TENANT_REFUSAL);
    }

    @Override
    public Response toResponse(ProcessEngineException exception) {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", "AuthorizationException", "message", exception.getMessage(), "code", 0))
                .build();
    }
}
