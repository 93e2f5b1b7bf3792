package com.perftrack.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;

class StatusTableTest {

    static final Path DMN = Path.of("bpmn/kpi-status.dmn");

    @Test
    void default_thresholds_are_green_from_100_amber_from_90_else_red() throws Exception {
        StatusTable table;
        try (InputStream in = Files.newInputStream(DMN)) {
            table = StatusTable.read(in);
        }
        assertThat(table.status(new BigDecimal("1.0"))).isEqualTo("green");
        assertThat(table.status(new BigDecimal("1.5"))).isEqualTo("green");
        assertThat(table.status(new BigDecimal("0.999999"))).isEqualTo("amber");
        assertThat(table.status(new BigDecimal("0.9"))).isEqualTo("amber");
        assertThat(table.status(new BigDecimal("0.899999"))).isEqualTo("red");
        assertThat(table.status(new BigDecimal("-1"))).isEqualTo("red");
    }

    @Test
    void the_java_reading_agrees_with_the_dmn_engine() throws Exception {
        DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnDecision decision;
        StatusTable table;
        try (InputStream in = Files.newInputStream(DMN); InputStream again = Files.newInputStream(DMN)) {
            decision = engine.parseDecision(StatusTable.DECISION_KEY, in);
            table = StatusTable.read(again);
        }
        for (String value : new String[] {"0", "0.5", "0.89", "0.9", "0.95", "0.99999", "1", "1.2", "1.5"}) {
            String expected = engine.evaluateDecisionTable(decision, Map.of("attainment", Double.valueOf(value)))
                    .getSingleResult().getSingleEntry();
            assertThat(table.status(new BigDecimal(value))).as(value).isEqualTo(expected);
        }
    }

    @Test
    void ranges_and_edited_thresholds_are_understood_and_unknown_expressions_refused() {
        String edited = dmnWith("[0.8..1.0[", "amber");
        StatusTable table = StatusTable.read(new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8)));
        assertThat(table.status(new BigDecimal("0.85"))).isEqualTo("amber");
        assertThat(table.status(new BigDecimal("0.79"))).isEqualTo("red");
        String broken = dmnWith("not(0.5)", "amber");
        assertThatThrownBy(() -> StatusTable.read(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("Rule_Amber").hasMessageContaining("not(0.5)");
    }

    private static String dmnWith(String amberEntry, String amberStatus) {
        try {
            return Files.readString(DMN).replace("&gt;= 0.9", amberEntry).replace("\"amber\"", "\"" + amberStatus + "\"");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
