package com.perftrack.security;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Finds code in a BPMN, DMN or CMMN model before the engine deploys it. A model may orchestrate
 * our delegates and decide on variables; it may not carry code: whoever may deploy would
 * otherwise run anything on the server, and a forged page or a stolen password with it.
 *
 * <p>Refused: script tasks and scripts of any kind (listeners, input/output mappings, conditions
 * with a {@code language}); DMN expressions in a language other than FEEL or JUEL and FEEL's
 * {@code external} functions; connectors; {@code camunda:class} outside {@code com.perftrack};
 * expressions that reach classes, reflection, the runtime, the engine's services or use
 * {@code [..]} access (which can build a member name out of strings). The runtime guard
 * {@link GuardedExpressionManager} refuses the same members again when an expression runs.
 */
final class ModelCodeScanner {

    static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
    /** Members and names through which an expression would leave the process's variables and our delegates. */
    static final Pattern FORBIDDEN_IN_EXPRESSION = Pattern.compile(
            "\\bclass\\b|getclass|forname|classloader|getruntime|\\bruntime\\b|processbuilder|reflect|\\binvoke\\b"
                    + "|newinstance|processengine|engineservices|\\bsystem\\b|\\bthread\\b|\\bexec\\b|\\bjava\\s*\\."
                    + "|\\bjavax\\s*\\.|\\bjakarta\\s*\\.|\\bsun\\s*\\.|scriptengine|getbean|applicationcontext"
                    + "|\\[",
            Pattern.CASE_INSENSITIVE);

    private ModelCodeScanner() {
    }

    static boolean isModel(String resourceName) {
        String name = resourceName.toLowerCase(Locale.ROOT);
        return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml") || name.endsWith(".dmn")
                || name.endsWith(".dmn11.xml") || name.endsWith(".cmmn") || name.endsWith(".cmmn11.xml");
    }

    /** Embedded HTML forms and scripts: Tasklist would run them in the browser of whoever opens the task. */
    static boolean isPageOrScript(String resourceName) {
        String name = resourceName.toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml") || name.endsWith(".js")
                || name.endsWith(".mjs") || name.endsWith(".svg");
    }

    /** The problems of one model, each a sentence naming the element; empty when it carries no code. */
    static List<String> problems(String resourceName, byte[] content) {
        List<String> problems = new ArrayList<>();
        Element root;
        try {
            root = parse(content).getDocumentElement();
        } catch (Exception e) {
            return problems; // not well-formed: the engine's own parser names the error
        }
        walk(root, resourceName, problems);
        return problems;
    }

    private static void walk(Element element, String resource, List<String> problems) {
        String local = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
        String where = resource + ": " + local + describeId(element);
        boolean camunda = CAMUNDA_NS.equals(element.getNamespaceURI());
        if ("scriptTask".equals(local)) {
            problems.add(where + " 是脚本任务，部署不允许携带代码 / script tasks are not allowed");
        } else if (camunda && "script".equals(local)) {
            problems.add(where + " 含有脚本，部署不允许携带代码 / scripts are not allowed");
        } else if (camunda && "connector".equals(local)) {
            problems.add(where + " 含有连接器 / connectors are not allowed");
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            String value = attribute.getValue();
            if ("scriptFormat".equals(name) || ("language".equals(name) && !value.isBlank())) {
                problems.add(where + " 使用脚本语言 " + value + " / script language '" + value + "' is not allowed");
            } else if ("expressionLanguage".equals(name) && !allowedExpressionLanguage(value)) {
                problems.add(where + " 使用表达式语言 " + value + " / expression language '" + value
                        + "' is not allowed (FEEL or JUEL only)");
            } else if ("class".equals(name) && CAMUNDA_NS.equals(attribute.getNamespaceURI())
                    && !value.trim().startsWith("com.perftrack.")) {
                problems.add(where + " 引用了类 " + value + " / camunda:class outside com.perftrack is not allowed");
            } else {
                checkExpressions(where, value, problems);
            }
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element childElement) {
                walk(childElement, resource, problems);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                String text = child.getNodeValue();
                checkExpressions(where, text, problems);
                if (Pattern.compile("\\bexternal\\b", Pattern.CASE_INSENSITIVE).matcher(text).find()
                        && resource.toLowerCase(Locale.ROOT).contains(".dmn")) {
                    problems.add(where + " 使用外部函数 / FEEL external functions are not allowed");
                }
            }
        }
    }

    private static void checkExpressions(String where, String text, List<String> problems) {
        if (text == null || (!text.contains("${") && !text.contains("#{"))) {
            return;
        }
        Matcher expressions = EXPRESSION.matcher(text);
        while (expressions.find()) {
            Matcher forbidden = FORBIDDEN_IN_EXPRESSION.matcher(expressions.group(1));
            if (forbidden.find()) {
                problems.add(where + " 的表达式 " + expressions.group() + " 使用了不允许的 '" + forbidden.group().trim()
                        + "' / expression reaches '" + forbidden.group().trim() + "', which is not allowed");
            }
        }
    }

    private static boolean allowedExpressionLanguage(String language) {
        String value = language.trim().toLowerCase(Locale.ROOT);
        return value.isEmpty() || value.equals("juel") || value.equals("feel") || value.endsWith("/feel")
                || value.contains("/feel/") || value.contains("feel/20");
    }

    private static String describeId(Element element) {
        String id = element.getAttribute("id");
        if (!id.isBlank()) {
            return " '" + id + "'";
        }
        Node parent = element.getParentNode();
        while (parent instanceof Element p) {
            if (!p.getAttribute("id").isBlank()) {
                return " (in '" + p.getAttribute("id") + "')";
            }
            parent = p.getParentNode();
        }
        return "";
    }

    private static org.w3c.dom.Document parse(byte[] content) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(content));
    }
}
