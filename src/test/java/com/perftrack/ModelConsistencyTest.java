package com.perftrack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.perftrack.cycle.CycleSchedule;
import com.perftrack.cycle.CycleSettings;
import com.perftrack.security.CommitteeGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Guards the process owners' folders: a broken edit in bpmn/ or forms/ fails the build with a
 * message naming the file, the element and what is wrong.
 */
class ModelConsistencyTest {

    private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final String CAMUNDA_DMN_NS = "http://camunda.org/schema/1.0/dmn";
    private static final Pattern BEAN_EXPRESSION = Pattern.compile("^[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");

    private final Path bpmnDir = Path.of("bpmn");
    private final Path formsDir = Path.of("forms");

    @Test
    void every_model_file_deploys_on_the_engine() throws IOException {
        List<Path> files = modelFiles();
        assertThat(files).as("bpmn/ and forms/ hold the models").isNotEmpty();
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:model-consistency;DB_CLOSE_DELAY=-1");
        configuration.setProcessEngineName("model-consistency");
        configuration.setJobExecutorActivate(false);
        configuration.setEnforceHistoryTimeToLive(true);
        // timer start events evaluate their expressions at deployment
        configuration.setBeans(Map.of("cycleSchedule", new CycleSchedule(new CycleSettings(null, null, null)),
                "coachingSchedule", new com.perftrack.evaluation.CoachingSchedule("0 0 8 10 * ?",
                        new com.perftrack.calendar.BusinessCalendar("Asia/Shanghai")),
                "weeklySalesSchedule", new com.perftrack.sales.WeeklySalesSchedule(
                        new com.perftrack.sales.WeeklySalesSettings(null, null, null, null, null, null))));
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            List<String> problems = new ArrayList<>();
            for (Path file : files) {
                DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
                        .name(file.getFileName().toString())
                        .addInputStream(file.getFileName().toString(), Files.newInputStream(file));
                try {
                    deployment.deploy();
                } catch (RuntimeException e) {
                    problems.add(file + ": does not deploy: " + e.getMessage());
                }
            }
            assertThat(problems).as("model files that do not deploy").isEmpty();
        } finally {
            engine.close();
        }
    }

    @Test
    void every_user_task_and_start_form_references_an_existing_form() throws Exception {
        Map<String, Path> forms = formIds();
        List<String> problems = new ArrayList<>();
        for (Path file : files(bpmnDir, ".bpmn")) {
            Document doc = parse(file);
            for (Element el : elements(doc, BPMN_NS, "userTask", "startEvent")) {
                String formRef = el.getAttributeNS(CAMUNDA_NS, "formRef");
                String formKey = el.getAttributeNS(CAMUNDA_NS, "formKey");
                boolean isUserTask = "userTask".equals(el.getLocalName());
                if (isUserTask && formRef.isEmpty() && formKey.isEmpty()) {
                    problems.add(file + ": user task '" + el.getAttribute("id") + "' has no camunda:formRef");
                }
                if (!formRef.isEmpty() && !forms.containsKey(formRef)) {
                    problems.add(file + ": " + el.getLocalName() + " '" + el.getAttribute("id")
                            + "' references form '" + formRef + "', which no file in forms/ defines");
                }
                if (!formRef.isEmpty() && el.getAttributeNS(CAMUNDA_NS, "formRefBinding").isEmpty()) {
                    problems.add(file + ": " + el.getLocalName() + " '" + el.getAttribute("id")
                            + "' has camunda:formRef but no camunda:formRefBinding");
                }
            }
        }
        assertThat(problems).as("form references").isEmpty();
    }

    @Test
    void every_delegate_expression_names_a_spring_bean() throws Exception {
        Set<String> beans = applicationBeanNames();
        List<String> problems = new ArrayList<>();
        for (Path file : files(bpmnDir, ".bpmn")) {
            Document doc = parse(file);
            NodeList all = doc.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < all.getLength(); i++) {
                Element el = (Element) all.item(i);
                String expression = el.hasAttributeNS(CAMUNDA_NS, "delegateExpression")
                        ? el.getAttributeNS(CAMUNDA_NS, "delegateExpression")
                        : el.getAttribute("delegateExpression");
                if (expression.isEmpty()) {
                    continue;
                }
                Matcher m = BEAN_EXPRESSION.matcher(expression.trim());
                String where = file + ": element '" + idOf(el) + "'";
                if (!m.matches()) {
                    problems.add(where + ": delegateExpression '" + expression + "' is not of the form ${beanName}");
                } else if (!beans.contains(m.group(1))) {
                    problems.add(where + ": delegateExpression '" + expression + "' names no Spring bean '"
                            + m.group(1) + "'");
                }
            }
        }
        assertThat(problems).as("delegate expressions").isEmpty();
    }

    @Test
    void every_candidate_group_is_a_committee_group_of_the_spec() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Path file : files(bpmnDir, ".bpmn")) {
            Document doc = parse(file);
            for (Element el : elements(doc, BPMN_NS, "userTask", "process")) {
                for (String attribute : List.of("candidateGroups", "candidateStarterGroups")) {
                    String value = el.getAttributeNS(CAMUNDA_NS, attribute);
                    for (String group : value.split(",")) {
                        String g = group.trim();
                        if (!g.isEmpty() && !g.startsWith("$") && CommitteeGroup.byId(g).isEmpty()) {
                            problems.add(file + ": '" + el.getAttribute("id") + "' has camunda:" + attribute
                                    + " '" + g + "', which is not a group of SPEC.md section 1");
                        }
                    }
                }
                if ("userTask".equals(el.getLocalName())
                        && el.getAttributeNS(CAMUNDA_NS, "candidateGroups").isBlank()
                        && el.getAttributeNS(CAMUNDA_NS, "assignee").isBlank()
                        && el.getAttributeNS(CAMUNDA_NS, "candidateUsers").isBlank()) {
                    problems.add(file + ": user task '" + el.getAttribute("id") + "' has no candidate group or assignee");
                }
            }
        }
        assertThat(problems).as("candidate groups").isEmpty();
    }

    @Test
    void every_process_and_decision_has_a_history_time_to_live() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Path file : files(bpmnDir, ".bpmn")) {
            for (Element el : elements(parse(file), BPMN_NS, "process")) {
                if (el.getAttributeNS(CAMUNDA_NS, "historyTimeToLive").isBlank()) {
                    problems.add(file + ": process '" + el.getAttribute("id") + "' has no camunda:historyTimeToLive");
                }
            }
        }
        for (Path file : files(bpmnDir, ".dmn")) {
            for (Element el : elements(parse(file), "*", "decision")) {
                if (el.getAttributeNS(CAMUNDA_DMN_NS, "historyTimeToLive").isBlank()) {
                    problems.add(file + ": decision '" + el.getAttribute("id") + "' has no camunda:historyTimeToLive");
                }
            }
        }
        assertThat(problems).as("history time-to-live").isEmpty();
    }

    @Test
    void every_business_rule_task_references_a_decision_in_bpmn_folder() throws Exception {
        Set<String> decisions = new HashSet<>();
        for (Path file : files(bpmnDir, ".dmn")) {
            elements(parse(file), "*", "decision").forEach(d -> decisions.add(d.getAttribute("id")));
        }
        List<String> problems = new ArrayList<>();
        for (Path file : files(bpmnDir, ".bpmn")) {
            for (Element el : elements(parse(file), BPMN_NS, "businessRuleTask")) {
                String ref = el.getAttributeNS(CAMUNDA_NS, "decisionRef");
                if (!ref.isEmpty() && !decisions.contains(ref)) {
                    problems.add(file + ": business rule task '" + el.getAttribute("id") + "' references decision '"
                            + ref + "', which no file in bpmn/ defines");
                }
            }
        }
        assertThat(problems).as("decision references").isEmpty();
    }

    private Map<String, Path> formIds() throws IOException {
        Map<String, Path> ids = new HashMap<>();
        List<String> problems = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (Path file : files(formsDir, ".form")) {
            try {
                JsonNode root = json.readTree(file.toFile());
                String id = root.path("id").asText("");
                if (id.isEmpty()) {
                    problems.add(file + ": form has no id");
                } else if (ids.put(id, file) != null) {
                    problems.add(file + ": form id '" + id + "' is also used by " + ids.get(id));
                }
            } catch (IOException e) {
                problems.add(file + ": not valid JSON: " + e.getMessage());
            }
        }
        assertThat(problems).as("forms").isEmpty();
        return ids;
    }

    private static Set<String> applicationBeanNames() {
        var scanner = new ClassPathScanningCandidateComponentProvider(true);
        var names = new AnnotationBeanNameGenerator();
        var registry = new SimpleBeanDefinitionRegistry();
        Set<String> beans = new HashSet<>();
        for (var candidate : scanner.findCandidateComponents("com.perftrack")) {
            beans.add(names.generateBeanName((AnnotatedBeanDefinition) candidate, registry));
        }
        return beans;
    }

    private List<Path> modelFiles() throws IOException {
        List<Path> all = new ArrayList<>();
        all.addAll(files(bpmnDir, ".bpmn"));
        all.addAll(files(bpmnDir, ".dmn"));
        all.addAll(files(formsDir, ".form"));
        return all;
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static Document parse(Path file) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> elements(Document doc, String ns, String... localNames) {
        List<Element> result = new ArrayList<>();
        for (String name : localNames) {
            NodeList list = doc.getElementsByTagNameNS(ns, name);
            for (int i = 0; i < list.getLength(); i++) {
                result.add((Element) list.item(i));
            }
        }
        return result;
    }

    private static String idOf(Element el) {
        for (var node = el; node != null; node = node.getParentNode() instanceof Element p ? p : null) {
            if (!node.getAttribute("id").isEmpty()) {
                return node.getAttribute("id");
            }
        }
        return el.getLocalName();
    }
}
