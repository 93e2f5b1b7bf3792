package com.perftrack.kpi;

/** A figure a unit should have for a month but lacks: {@code missing} is target, actual or both. */
public record DataGapView(String period, String unitType, String unitCode, String kpiCode, String companyCode,
        String missing) {
}
