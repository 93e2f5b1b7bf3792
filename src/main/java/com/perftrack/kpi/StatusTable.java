package com.perftrack.kpi;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * The rules of {@code bpmn/kpi-status.dmn} (attainment → green/amber/red), read once per
 * calculation and applied in Java: evaluating the DMN engine for each of 60,000 results would cost
 * seconds. Process owners edit the DMN as usual; the input entries may use the FEEL forms
 * {@code -}, {@code < x}, {@code <= x}, {@code > x}, {@code >= x}, {@code x} and ranges
 * {@code [a..b]} with open or closed ends. Anything else is refused when the table is read, with
 * a message naming the rule, so a bad edit stops the calculation instead of mis-colouring it.
 * Rules are tried in order and the first match wins (the DMN's hit policy is FIRST).
 */
final class StatusTable {

    public static final String DECISION_KEY = "kpi-status";
    private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>)?\\s*(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern RANGE = Pattern.compile("([\\[\\](])\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\.\\.\\s*(-?\\d+(?:\\.\\d+)?)\\s*([\\[\\])])");

    private record Condition(BigDecimal low, boolean lowInclusive, BigDecimal high, boolean highInclusive) {
        boolean matches(BigDecimal v) {
            if (low != null && (lowInclusive ? v.compareTo(low) < 0 : v.compareTo(low) <= 0)) {
                return false;
            }
            return high == null || (highInclusive ? v.compareTo(high) <= 0 : v.compareTo(high) < 0);
        }
    }

    private record StatusRule(Condition condition, String status) {}

    private final List<StatusRule> rules;

    private StatusTable(List<StatusRule> rules) {
        this.rules = rules;
    }

    public static StatusTable read(InputStream dmn) {
        DmnModelInstance model = Dmn.readModelFromStream(dmn);
        Decision decision = model.getModelElementById(DECISION_KEY);
        if (decision == null) {
            throw new IllegalStateException("kpi-status.dmn has no decision '" + DECISION_KEY + "'");
        }
        DecisionTable table = (DecisionTable) decision.getExpression();
        List<StatusRule> rules = new ArrayList<>();
        for (Rule rule : table.getRules()) {
            String input = rule.getInputEntries().iterator().next().getTextContent().trim();
            String output = rule.getOutputEntries().iterator().next().getTextContent().trim();
            rules.add(new StatusRule(condition(rule.getId(), input), output.replace("\"", "")));
        }
        return new StatusTable(rules);
    }

    /** The status of an attainment, or null when no rule matches. */
    public String status(BigDecimal attainment) {
        for (StatusRule rule : rules) {
            if (rule.condition().matches(attainment)) {
                return rule.status();
            }
        }
        return null;
    }

    static Condition condition(String ruleId, String text) {
        if (text.isEmpty() || text.equals("-")) {
            return new Condition(null, false, null, false);
        }
        Matcher range = RANGE.matcher(text);
        if (range.matches()) {
            return new Condition(new BigDecimal(range.group(2)), range.group(1).equals("["),
                    new BigDecimal(range.group(3)), range.group(4).equals("]"));
        }
        Matcher m = COMPARISON.matcher(text);
        if (m.matches()) {
            BigDecimal x = new BigDecimal(m.group(2));
            String op = m.group(1) == null ? "=" : m.group(1);
            return switch (op) {
                case "<" -> new Condition(null, false, x, false);
                case "<=" -> new Condition(null, false, x, true);
                case ">" -> new Condition(x, false, null, false);
                case ">=" -> new Condition(x, true, null, false);
                default -> new Condition(x, true, x, true);
            };
        }
        throw new IllegalStateException("kpi-status.dmn rule " + ruleId + ": input entry '" + text
                + "' is not one of -, < x, <= x, > x, >= x, x, [a..b]");
    }
}
