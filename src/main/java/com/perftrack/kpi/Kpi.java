package com.perftrack.kpi;

/** A catalogue entry: how a KPI is measured, aggregated and judged. */
public record Kpi(String code, String nameZh, String nameEn, String unit, String direction, String aggregation,
        String sourceDepartment) {

    public boolean lowerIsBetter() {
        return "lower".equals(direction);
    }
}
