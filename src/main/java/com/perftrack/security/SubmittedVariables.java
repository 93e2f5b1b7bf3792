package com.perftrack.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rule for a task completion or process start sent by a user: it may set only the variables
 * its form declares. Who acted (appellant, proposer, decider) is never a form field: the process
 * takes it from the signed-in user. A start may not skip listeners or start elsewhere than at
 * its start event, as that would skip the checks the start listeners make.
 */
final class SubmittedVariables {

    private static final Set<String> START_ONLY_AT_START_EVENT = Set.of("startinstructions");
    private static final Set<String> NO_SKIPPING = Set.of("skipcustomlisteners", "skipiomappings");

    private SubmittedVariables() {
    }

    /**
     * What the form allows: its id (null when the element has no Camunda Form), its fields and the
     * limits its fields declare (form-js {@code validate}: maxLength, min, max).
     */
    record Declared(String formId, Set<String> fields, Map<String, FormFields.Limit> limits) {

        Declared {
            fields = Set.copyOf(fields);
            limits = Map.copyOf(limits);
        }

        Declared(String formId, Set<String> fields) {
            this(formId, fields, Map.of());
        }
    }

    /**
     * Empty when every submitted value keeps to its field's limits; else one sentence naming the
     * field by its label, checked before any listener or the database sees the value (issue 11:
     * "text that fits"). Tasklist checks the same limits in the form; this holds for REST clients.
     */
    static Optional<String> outOfLimits(JsonNode body, Declared declared) {
        if (body == null || !body.isObject() || declared.limits().isEmpty()) {
            return Optional.empty();
        }
        for (String container : new String[] {"variables", "localVariables"}) {
            JsonNode variables = body.get(container);
            if (variables == null || !variables.isObject()) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> variable = it.next();
                FormFields.Limit limit = declared.limits().get(variable.getKey());
                JsonNode value = variable.getValue() == null ? null : variable.getValue().get("value");
                if (limit == null || value == null || value.isNull()) {
                    continue;
                }
                Optional<String> refusal = limit.refusal(value);
                if (refusal.isPresent()) {
                    return refusal;
                }
            }
        }
        return Optional.empty();
    }

    /** Empty when the request body keeps to the form; else one sentence naming the offending variable. */
    static Optional<String> refusal(JsonNode body, Declared declared, boolean start) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return Optional.empty();
        }
        if (!body.isObject()) {
            return Optional.of("请求体应为 JSON 对象 / the request body must be a JSON object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey().toLowerCase(java.util.Locale.ROOT);
            JsonNode value = field.getValue();
            if (name.equals("variables") || name.equals("localvariables")) {
                if (value == null || value.isNull()) {
                    continue;
                }
                if (!value.isObject()) {
                    return Optional.of("'" + field.getKey() + "' 应为 JSON 对象 / '" + field.getKey() + "' must be a JSON object");
                }
                for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
                    String variable = names.next();
                    if (!declared.fields().contains(variable)) {
                        return Optional.of(notDeclared(variable, declared));
                    }
                }
            } else if (start && START_ONLY_AT_START_EVENT.contains(name) && !isEmpty(value)) {
                return Optional.of("不能指定 '" + field.getKey() + "'：流程只能从其开始事件启动 / '" + field.getKey()
                        + "' is not allowed: a process starts at its start event");
            } else if (start && NO_SKIPPING.contains(name) && value != null && value.asBoolean(false)) {
                return Optional.of("不能指定 '" + field.getKey() + "'：启动时的检查不能跳过 / '" + field.getKey()
                        + "' is not allowed: the start checks are never skipped");
            }
        }
        return Optional.empty();
    }

    static String notDeclared(String variable, Declared declared) {
        if (declared.formId() == null) {
            return "变量 '" + variable + "' 不能在此设置：该步骤没有表单，不接受变量 / variable '" + variable
                    + "' may not be set here: this step has no form and takes no variables";
        }
        return "变量 '" + variable + "' 不能在此设置：表单 '" + declared.formId() + "' 只有字段 " + new java.util.TreeSet<>(declared.fields())
                + "（提交人等身份由登录用户决定）/ variable '" + variable + "' may not be set here: form '" + declared.formId()
                + "' declares only " + new java.util.TreeSet<>(declared.fields())
                + " (who acted is always the signed-in user)";
    }

    private static boolean isEmpty(JsonNode value) {
        return value == null || value.isNull() || (value.isContainerNode() && value.isEmpty());
    }
}
