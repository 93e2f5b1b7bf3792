package com.perftrack.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

/**
 * The process variables a Camunda Form (form-js schema, {@code forms/*.form}) submits: the first
 * segment of every component's {@code key}, or of its {@code path} for groups and dynamic lists
 * (form-js nests their children's values under that variable). Buttons, texts and spacers submit
 * nothing; {@code valuesKey} only reads a variable; a {@code disabled} field only shows a value
 * (form-js never submits it), so a process fact shown on a form is never a field to overwrite.
 */
final class FormFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormFields() {
    }

    static Set<String> of(InputStream schema) throws IOException {
        return of(JSON.readTree(schema));
    }

    static Set<String> of(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        collect(schema, names);
        return Set.copyOf(names);
    }

    private static void collect(JsonNode node, Set<String> names) {
        JsonNode components = node.get("components");
        if (components == null || !components.isArray()) {
            return;
        }
        for (JsonNode component : components) {
            String type = component.path("type").asText("");
            if (component.path("disabled").asBoolean(false) && component.path("disabled").isBoolean()) {
                continue;
            }
            JsonNode path = component.get("path");
            JsonNode key = component.get("key");
            if (path != null && path.isTextual() && !path.asText().isBlank()) {
                names.add(firstSegment(path.asText())); // children live inside this variable
            } else {
                if (key != null && key.isTextual() && !key.asText().isBlank() && !"button".equals(type)) {
                    names.add(firstSegment(key.asText()));
                }
                collect(component, names);
            }
        }
    }

    private static String firstSegment(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }
}
