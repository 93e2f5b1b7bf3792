package com.perftrack.kpi;

import java.math.BigDecimal;

/** One unit's result for one KPI and month (SPEC.md section 6). Percentages are fractions. */
public record KpiResultView(String period, String unitType, String unitCode, String kpiCode, BigDecimal target,
        BigDecimal actual, BigDecimal deviation, BigDecimal deviationPct, BigDecimal attainment, BigDecimal momGrowth,
        BigDecimal yoyGrowth, String status, Integer rank) {

    /** Drops the database's trailing zeros (1200000.000000 → 1200000) without changing the value. */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
