package com.perftrack.kpi;

import java.math.BigDecimal;

/**
 * One early warning (SPEC.md section 7): a unit's KPI whose quarter forecast is below green. Ratios
 * are unrounded fractions; {@code period} is the month the forecast is made in, {@code monthsSoFar}
 * how many of the quarter's months up to it have both target and actual.
 */
public record WarningView(String companyCode, String unitType, String unitCode, String kpiCode, String kpiName,
        String quarter, String period, int monthsSoFar, BigDecimal attainmentSoFar, BigDecimal forecastAttainment,
        BigDecimal projectedActual, BigDecimal projectedTarget, String status) {
}
