package com.perftrack.kpi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How parts add up (SPEC.md section 7), plain Java. A unit's parts of one KPI and month are days
 * and/or products, channels, customers. Target and actual are each aggregated over the parts that
 * have them, with the KPI's aggregation:
 * <ul>
 * <li>{@code sum}: the sum of the parts;</li>
 * <li>{@code avg}: the mean of the parts;</li>
 * <li>{@code last} (a stock at the end of the period): the parts of the latest day that has a value,
 * added up (the products of a stock add up, as the calculation's roll-up does for {@code last}).</li>
 * </ul>
 * A column no part has stays null ("not reported").
 */
public final class FigureParts {

    private FigureParts() {
    }

    /** Target and actual of a set of parts; null = no part has it. */
    public record Total(BigDecimal target, BigDecimal actual) {}

    public static Total total(List<FigurePart> parts, String aggregation) {
        return new Total(aggregate(parts, FigurePart::target, aggregation), aggregate(parts, FigurePart::actual, aggregation));
    }

    /** One column of the parts, aggregated; null when no part has a value. */
    public static BigDecimal aggregate(List<FigurePart> parts, Function<FigurePart, BigDecimal> column, String aggregation) {
        List<FigurePart> with = parts.stream().filter(p -> column.apply(p) != null).toList();
        if (with.isEmpty()) {
            return null;
        }
        return switch (aggregation) {
            case "sum" -> sum(with, column);
            case "avg" -> sum(with, column).divide(BigDecimal.valueOf(with.size()), PeriodAttainment.PRECISION);
            case "last" -> {
                // the whole month (day 0) counts as the month's end only when no day has a value
                String latest = with.stream().map(FigureParts::when).max(Comparator.naturalOrder()).orElseThrow();
                yield sum(with.stream().filter(p -> when(p).equals(latest)).toList(), column);
            }
            default -> throw new IllegalArgumentException("unknown aggregation '" + aggregation + "'");
        };
    }

    /**
     * The parts grouped by their value of the dimension {@code by}, in order of first appearance; parts
     * without a value for it ({@code ""}) belong to no group.
     */
    public static Map<String, List<FigurePart>> byDimension(List<FigurePart> parts, String by) {
        Map<String, List<FigurePart>> groups = new LinkedHashMap<>();
        for (FigurePart p : parts) {
            String key = p.dimension(by);
            if (!key.isEmpty()) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
            }
        }
        return groups;
    }

    /** The daily parts ({@code day} > 0), oldest first. */
    public static List<FigurePart> daily(List<FigurePart> parts) {
        return parts.stream().filter(p -> p.day() > 0)
                .sorted(Comparator.comparing(FigurePart::period).thenComparingInt(FigurePart::day)).toList();
    }

    /** Month and day as one sortable text: {@code 2026-03|07}. */
    private static String when(FigurePart p) {
        return p.period() + '|' + (p.day() < 10 ? "0" : "") + p.day();
    }

    private static BigDecimal sum(List<FigurePart> parts, Function<FigurePart, BigDecimal> column) {
        return parts.stream().map(column).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
