package com.perftrack.process;

import java.util.Objects;
import java.util.function.Function;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/**
 * One process variable: its name and its Java type. Each process declares its variables once as
 * constants of this type (e.g. {@code EvaluationVariables.QUARTER}); delegates and listeners read
 * and write through them, so no feature casts {@code getVariable} itself.
 *
 * <p>Reading is lenient about how a value arrived: Tasklist sends numbers as Integer, Long or
 * Double and texts with surrounding blanks; a blank text counts as absent.</p>
 *
 * @param <T> the Java type the process works with
 */
public final class ProcessVariable<T> {

    private final String name;
    private final Function<Object, T> reader;
    private final Function<T, Object> writer;

    private ProcessVariable(String name, Function<Object, T> reader, Function<T, Object> writer) {
        this.name = Objects.requireNonNull(name);
        this.reader = reader;
        this.writer = writer;
    }

    /** A text; surrounding blanks are trimmed and a blank text reads as absent. */
    public static ProcessVariable<String> text(String name) {
        return new ProcessVariable<>(name, ProcessVariable::trimmed, value -> value);
    }

    /** A whole number such as a database id (stored as the engine's Long). */
    public static ProcessVariable<Long> id(String name) {
        return new ProcessVariable<>(name, value -> value instanceof Number n ? Long.valueOf(n.longValue())
                : Long.valueOf(Long.parseLong(trimmed(value))), value -> value);
    }

    /** A small count (stored as the engine's Integer). */
    public static ProcessVariable<Integer> count(String name) {
        return new ProcessVariable<>(name, value -> value instanceof Number n ? Integer.valueOf(n.intValue())
                : Integer.valueOf(Integer.parseInt(trimmed(value))), value -> value);
    }

    /** A yes/no decision; the texts "true"/"false" (older forms) read as well. */
    public static ProcessVariable<Boolean> flag(String name) {
        return new ProcessVariable<>(name, value -> value instanceof Boolean b ? b
                : Boolean.valueOf(Boolean.parseBoolean(trimmed(value))), value -> value);
    }

    /** Any value kept as the engine keeps it (a number, a Json value). */
    public static ProcessVariable<Object> raw(String name) {
        return new ProcessVariable<>(name, value -> value, value -> value);
    }

    /** A value object kept as text in the process (a quarter, a period). */
    public static <V> ProcessVariable<V> parsed(String name, Function<String, V> parse) {
        return new ProcessVariable<>(name, value -> parse.apply(trimmed(value)), Object::toString);
    }

    /** The same variable under another name: {@code prefix + Name}, for families such as {@code hrDecision}. */
    public ProcessVariable<T> prefixed(String prefix) {
        String renamed = prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return new ProcessVariable<>(renamed, reader, writer);
    }

    public String name() {
        return name;
    }

    /** @return the value, or {@code null} when the variable is absent or blank */
    public T get(VariableScope scope) {
        Object value = scope.getVariable(name);
        if (value == null || (value instanceof CharSequence text && text.toString().isBlank())) {
            return null;
        }
        return reader.apply(value);
    }

    /** @return the value, or {@code fallback} when it is absent or blank */
    public T getOr(VariableScope scope, T fallback) {
        T value = get(scope);
        return value == null ? fallback : value;
    }

    /**
     * A value a person had to give: its absence is refused with the sentence, and the task or start
     * changes nothing.
     */
    public T required(VariableScope scope, String refusal) {
        T value = get(scope);
        if (value == null) {
            throw new BadUserRequestException(refusal);
        }
        return value;
    }

    /**
     * A value the process itself set before this step: its absence is a defect of the model, which
     * becomes an incident (or the caller's failure), never a silent default.
     */
    public T present(VariableScope scope) {
        T value = get(scope);
        if (value == null) {
            throw new IllegalStateException("process variable '" + name + "' is missing");
        }
        return value;
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value == null ? null : writer.apply(value));
    }

    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value == null ? null : writer.apply(value));
    }

    @Override
    public String toString() {
        return name;
    }

    private static String trimmed(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof SpinJsonNode node) {
            // Tasklist submits a field with the type of the variable it replaces: a Json string reads as its text
            if (node.isNull()) {
                return null;
            }
            value = node.isString() ? node.stringValue() : node.toString();
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }
}
