package com.perftrack.meeting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads the values a form submits in whichever shape they arrive: a checklist or taglist sends a
 * list (Tasklist: a {@code Json} variable, with Spin a {@link SpinJsonNode} array), a REST client
 * may send the same as comma-separated text, as the form's text fields did before.
 */
final class FormValues {

    private FormValues() {
    }

    /** The value as trimmed text; empty for none. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof SpinJsonNode node) {
            return node.isString() ? node.stringValue().trim() : node.isNull() ? "" : node.toString().trim();
        }
        return value.toString().trim();
    }

    /** The non-blank entries of a list value, or of text separated by commas (also ，、;) or spaces. */
    static List<String> list(Object value) {
        List<String> entries = new ArrayList<>();
        if (value instanceof SpinJsonNode node && node.isArray()) {
            node.elements().forEach(e -> entries.add(text(e)));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(e -> entries.add(text(e)));
        } else {
            entries.addAll(Arrays.asList(text(value).split("[,，、;\\s]+")));
        }
        return entries.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
