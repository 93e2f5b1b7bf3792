package com.perftrack.kpi;

/**
 * A catalogue entry: how a KPI is measured, aggregated and judged. {@code unit} is the company's free
 * text ({@code CNY}, {@code count}, {@code %}, {@code days}); {@code decimals} how many places it shows.
 */
public record Kpi(String code, String nameZh, String nameEn, String unit, String direction, String aggregation,
        String sourceDepartment, int decimals) {

    public Kpi(String code, String nameZh, String nameEn, String unit, String direction, String aggregation,
            String sourceDepartment) {
        this(code, nameZh, nameEn, unit, direction, aggregation, sourceDepartment, 2);
    }

    public boolean lowerIsBetter() {
        return "lower".equals(direction);
    }

    /** A share or rate: figures are fractions (0.72 = 72%), shown as percentages. */
    public boolean percent() {
        return "percent".equals(unit) || "%".equals(unit);
    }
}
