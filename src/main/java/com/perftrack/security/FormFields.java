package com.perftrack.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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

    /**
     * A field's declared limits: at most {@code maxLength} characters (code points) of text, a
     * number within {@code min}..{@code max}; {@code label} names it in a refusal.
     */
    record Limit(String label, Integer maxLength, BigDecimal min, BigDecimal max) {

        Optional<String> refusal(JsonNode value) {
            if (maxLength != null && value.isTextual()) {
                String text = value.asText();
                int length = text.codePointCount(0, text.length());
                if (length > maxLength) {
                    return Optional.of("「" + label + "」最多 " + maxLength + " 个字，现为 " + length + " 个字，请精简后再提交"
                            + " / '" + label + "' takes at most " + maxLength + " characters (" + length + " given)");
                }
            }
            if ((min != null || max != null) && value.isNumber()) {
                BigDecimal number = value.decimalValue();
                if (min != null && number.compareTo(min) < 0 || max != null && number.compareTo(max) > 0) {
                    String range = (min == null ? "" : "≥ " + min.toPlainString())
                            + (min != null && max != null ? " 且 " : "") + (max == null ? "" : "≤ " + max.toPlainString());
                    String rangeEn = (min == null ? "" : "≥ " + min.toPlainString())
                            + (min != null && max != null ? " and " : "") + (max == null ? "" : "≤ " + max.toPlainString());
                    return Optional.of("「" + label + "」应" + range + "，现为 " + number.toPlainString()
                            + " / '" + label + "' must be " + rangeEn + " (" + number.toPlainString() + " given)");
                }
            }
            return Optional.empty();
        }
    }

    /** The limits of the form's top-level fields (those a variable of the same name carries). */
    static Map<String, Limit> limits(InputStream schema) throws IOException {
        return limits(JSON.readTree(schema));
    }

    static Map<String, Limit> limits(JsonNode schema) {
        Map<String, Limit> limits = new LinkedHashMap<>();
        collectLimits(schema, limits);
        return Map.copyOf(limits);
    }

    private static void collectLimits(JsonNode node, Map<String, Limit> limits) {
        JsonNode components = node.get("components");
        if (components == null || !components.isArray()) {
            return;
        }
        for (JsonNode component : components) {
            if (component.hasNonNull("path")) {
                continue; // a group's or list's children are nested values, not variables
            }
            String key = component.path("key").asText("");
            JsonNode validate = component.path("validate");
            if (!key.isBlank() && !key.contains(".") && validate.isObject()) {
                Integer maxLength = validate.path("maxLength").isNumber() ? validate.get("maxLength").asInt() : null;
                BigDecimal min = validate.path("min").isNumber() ? validate.get("min").decimalValue() : null;
                BigDecimal max = validate.path("max").isNumber() ? validate.get("max").decimalValue() : null;
                if (maxLength != null || min != null || max != null) {
                    limits.put(key, new Limit(shortLabel(component.path("label").asText(key)), maxLength, min, max));
                }
            }
            collectLimits(component, limits);
        }
    }

    /** The label up to its first bracket or slash: "原因1（量化）Cause 1" reads as "原因1". */
    static String shortLabel(String label) {
        String text = label.strip();
        int cut = text.length();
        for (String stop : new String[] {"（", "(", " / ", "："}) {
            int at = text.indexOf(stop);
            if (at > 0 && at < cut) {
                cut = at;
            }
        }
        return text.substring(0, cut).strip();
    }

    private static String firstSegment(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }
}
