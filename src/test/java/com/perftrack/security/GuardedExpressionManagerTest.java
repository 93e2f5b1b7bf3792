package com.perftrack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;

/** The runtime guard: whatever got past the deploy-time check, an expression cannot reach classes or the engine. */
class GuardedExpressionManagerTest {

    final GuardedExpressionManager manager = new GuardedExpressionManager(new StaticApplicationContext(), Map.of());

    Object evaluate(String expression) {
        var variables = Variables.createVariables().putValue("text", "abc").putValue("list", List.of("sales"))
                .putValue("name", "cl");
        return manager.createValueExpression(expression).getValue(manager.createElContext(variables.asVariableContext()));
    }

    @Test
    void ordinary_expressions_on_variables_still_work() {
        assertThat(evaluate("${list.contains('sales') && text.length() == 3}")).isEqualTo(true);
    }

    @Test
    void class_reflection_and_names_built_from_strings_are_refused_when_the_expression_runs() {
        for (String expression : List.of("${text.getClass()}", "${text.class}", "${text[name.concat('ass')]}",
                "${text.getClass().forName('java.lang.Runtime')}")) {
            assertThatThrownBy(() -> evaluate(expression)).as(expression)
                    .hasStackTraceContaining("expressions may not reach");
        }
    }
}
