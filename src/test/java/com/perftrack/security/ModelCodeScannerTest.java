package com.perftrack.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ModelCodeScannerTest {

    static final String BPMN_HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
              <bpmn:process id="p" isExecutable="true" camunda:historyTimeToLive="1">
            """;
    static final String BPMN_TAIL = "</bpmn:process></bpmn:definitions>";

    static List<String> scan(String body) {
        return ModelCodeScanner.problems("attack.bpmn", (BPMN_HEAD + body + BPMN_TAIL).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void every_model_of_the_repository_carries_no_code() throws IOException {
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            List<Path> all = models.filter(p -> ModelCodeScanner.isModel(p.getFileName().toString())).toList();
            assertThat(all).hasSizeGreaterThanOrEqualTo(10);
            for (Path model : all) {
                assertThat(ModelCodeScanner.problems(model.getFileName().toString(), Files.readAllBytes(model)))
                        .as(model.toString()).isEmpty();
            }
        }
    }

    @Test
    void a_timer_started_juel_script_task_is_refused_naming_the_element() {
        List<String> problems = scan("""
                <bpmn:startEvent id="s"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration>
                </bpmn:timerEventDefinition></bpmn:startEvent>
                <bpmn:scriptTask id="Pwn" scriptFormat="juel"><bpmn:script>${''.getClass().forName('java.lang.Runtime')}</bpmn:script></bpmn:scriptTask>
                """);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("scriptTask 'Pwn'").contains("script tasks are not allowed"));
    }

    @Test
    void script_listeners_script_conditions_and_connectors_are_refused() {
        assertThat(scan("""
                <bpmn:userTask id="T"><bpmn:extensionElements><camunda:taskListener event="create">
                <camunda:script scriptFormat="javascript">java.lang.System.exit(1)</camunda:script>
                </camunda:taskListener></bpmn:extensionElements></bpmn:userTask>
                """)).isNotEmpty().anySatisfy(p -> assertThat(p).contains("scripts are not allowed"));
        assertThat(scan("""
                <bpmn:sequenceFlow id="F" sourceRef="a" targetRef="b"><bpmn:conditionExpression language="groovy">true</bpmn:conditionExpression></bpmn:sequenceFlow>
                """)).anySatisfy(p -> assertThat(p).contains("script language 'groovy'"));
        assertThat(scan("""
                <bpmn:serviceTask id="C"><bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask>
                """)).anySatisfy(p -> assertThat(p).contains("connectors are not allowed"));
        assertThat(scan("<bpmn:serviceTask id=\"K\" camunda:class=\"org.example.Evil\"/>"))
                .anySatisfy(p -> assertThat(p).contains("camunda:class outside com.perftrack"));
    }

    @Test
    void expressions_that_reach_classes_engine_services_or_build_names_are_refused() {
        for (String expression : List.of("${''.getClass()}", "${x.class.forName('java.lang.Runtime')}",
                "${execution.getProcessEngineServices().getIdentityService()}", "${execution.processEngine}",
                "${''['cl'.concat('ass')]}", "#{java.lang.Runtime}")) {
            assertThat(scan("<bpmn:serviceTask id=\"E\" camunda:expression=\"" + expression.replace("'", "&apos;") + "\"/>"))
                    .as(expression).anySatisfy(p -> assertThat(p).contains("'E'").contains("not allowed"));
        }
        assertThat(scan("<bpmn:serviceTask id=\"Ok\" camunda:delegateExpression=\"${calculateKpiResultsDelegate}\"/>"
                + "<bpmn:sequenceFlow id=\"F\" sourceRef=\"a\" targetRef=\"b\"><bpmn:conditionExpression>"
                + "${committeeDepartments.contains('sales') &amp;&amp; x &gt; 0}</bpmn:conditionExpression></bpmn:sequenceFlow>"))
                .isEmpty();
    }

    @Test
    void embedded_html_forms_and_scripts_are_not_deployable_resources() {
        assertThat(ModelCodeScanner.isPageOrScript("forms/approve.html")).isTrue();
        assertThat(ModelCodeScanner.isPageOrScript("steal.js")).isTrue();
        assertThat(ModelCodeScanner.isPageOrScript("confirm-agenda.form")).isFalse();
        assertThat(ModelCodeScanner.isPageOrScript("monthly-tracking-cycle.bpmn")).isFalse();
    }

    @Test
    void dmn_in_a_script_language_or_with_feel_external_functions_is_refused() {
        String dmn = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="n">
                  <decision id="D"><decisionTable id="T"><input id="I"><inputExpression id="E" typeRef="string" expressionLanguage="groovy"><text>x</text></inputExpression></input>
                  <output id="O" name="o" typeRef="string"/><rule id="R"><inputEntry id="IE"><text>function(a) external {java: {class: "java.lang.Runtime"}}</text></inputEntry><outputEntry id="OE"><text>"a"</text></outputEntry></rule></decisionTable></decision>
                </definitions>
                """;
        assertThat(ModelCodeScanner.problems("evil.dmn", dmn.getBytes(StandardCharsets.UTF_8)))
                .anySatisfy(p -> assertThat(p).contains("expression language 'groovy'"))
                .anySatisfy(p -> assertThat(p).contains("external functions"));
    }
}
