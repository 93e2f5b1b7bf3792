package com.perftrack.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The fields of the deployed Camunda Form of a task or of a process definition's start event,
 * read from the deployment the engine renders it from (so a form deployed from Camunda Modeler
 * counts as soon as it is deployed). A definition never changes once deployed, so its answer is
 * cached per definition and task key, except for forms bound to the {@code latest} version.
 * Lookups run without the caller's authorizations: the engine checks those when it executes.
 */
class DeclaredForms {

    /** Start variables SPEC.md section 6 documents, allowed even if a start form should drop them. */
    static final Map<String, Set<String>> SPEC_START_VARIABLES = Map.of(
            "monthly-tracking-cycle", Set.of("period", "companyCode"),
            // each company's evaluation is its own instance (tenant): companyCode names the company
            "quarterly-evaluation", Set.of("quarter", "companyCode"));

    private final IdentityService identityService;
    private final TaskService taskService;
    private final FormService formService;
    private final RepositoryService repositoryService;
    private final Map<String, SubmittedVariables.Declared> cache = new ConcurrentHashMap<>();

    DeclaredForms(IdentityService identityService, TaskService taskService, FormService formService,
            RepositoryService repositoryService) {
        this.identityService = identityService;
        this.taskService = taskService;
        this.formService = formService;
        this.repositoryService = repositoryService;
    }

    /** Empty when there is no such task (the engine then answers 404 itself). */
    Optional<SubmittedVariables.Declared> ofTask(String taskId) {
        return withoutAuthentication(() -> {
            Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
                return Optional.empty();
            }
            if (task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null) {
                return Optional.of(new SubmittedVariables.Declared(null, Set.of()));
            }
            String cacheKey = task.getProcessDefinitionId() + '#' + task.getTaskDefinitionKey();
            SubmittedVariables.Declared cached = cache.get(cacheKey);
            if (cached != null) {
                return Optional.of(cached);
            }
            ModelElementInstance element = repositoryService.getBpmnModelInstance(task.getProcessDefinitionId())
                    .getModelElementById(task.getTaskDefinitionKey());
            String formRef = element instanceof UserTask userTask ? userTask.getCamundaFormRef() : null;
            String formKey = element instanceof UserTask userTask ? userTask.getCamundaFormKey() : null;
            String binding = element instanceof UserTask userTask ? userTask.getCamundaFormRefBinding() : null;
            SubmittedVariables.Declared declared = read(formRef, formKey, () -> formService.getDeployedTaskForm(taskId),
                    Set.of());
            if (!"latest".equals(binding)) {
                cache.put(cacheKey, declared);
            }
            return Optional.of(declared);
        });
    }

    /** Empty when there is no such definition (the engine then answers 404 itself). */
    Optional<SubmittedVariables.Declared> ofStart(String definitionId, String key, String tenantId) {
        return withoutAuthentication(() -> {
            ProcessDefinitionQuery query = repositoryService.createProcessDefinitionQuery();
            if (definitionId != null) {
                query.processDefinitionId(definitionId);
            } else {
                query.processDefinitionKey(key).latestVersion();
                if (tenantId != null) {
                    query.tenantIdIn(tenantId);
                } else {
                    query.withoutTenantId();
                }
            }
            ProcessDefinition definition;
            try {
                definition = query.singleResult();
            } catch (ProcessEngineException ambiguous) {
                return Optional.empty();
            }
            if (definition == null) {
                return Optional.empty();
            }
            SubmittedVariables.Declared cached = cache.get(definition.getId());
            if (cached != null) {
                return Optional.of(cached);
            }
            StartEvent start = repositoryService.getBpmnModelInstance(definition.getId())
                    .getModelElementsByType(StartEvent.class).stream()
                    .filter(e -> e.getEventDefinitions().isEmpty())
                    .filter(e -> e.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process)
                    .findFirst().orElse(null);
            String formRef = start == null ? null : start.getCamundaFormRef();
            String formKey = start == null ? null : start.getCamundaFormKey();
            SubmittedVariables.Declared declared = read(formRef, formKey,
                    () -> formService.getDeployedStartForm(definition.getId()),
                    SPEC_START_VARIABLES.getOrDefault(definition.getKey(), Set.of()));
            if (start == null || !"latest".equals(start.getCamundaFormRefBinding())) {
                cache.put(definition.getId(), declared);
            }
            return Optional.of(declared);
        });
    }

    private static SubmittedVariables.Declared read(String formRef, String formKey, Supplier<InputStream> deployed,
            Set<String> documented) {
        boolean camundaForm = formRef != null || (formKey != null && formKey.startsWith("camunda-forms:"));
        if (!camundaForm) {
            return new SubmittedVariables.Declared(null, documented);
        }
        String formId = formRef != null ? formRef : formKey.substring(formKey.lastIndexOf(':') + 1);
        Set<String> fields = new HashSet<>(documented);
        Map<String, FormFields.Limit> limits = Map.of();
        try (InputStream schema = deployed.get()) {
            com.fasterxml.jackson.databind.JsonNode form = new com.fasterxml.jackson.databind.ObjectMapper().readTree(schema);
            fields.addAll(FormFields.of(form));
            limits = FormFields.limits(form);
        } catch (IOException | ProcessEngineException unreadable) {
            // a form the engine cannot serve cannot be filled in either: nothing is declared
        }
        return new SubmittedVariables.Declared(formId, fields, limits);
    }

    private <T> T withoutAuthentication(Supplier<T> lookup) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return lookup.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
