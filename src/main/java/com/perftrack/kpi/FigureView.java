package com.perftrack.kpi;

import java.math.BigDecimal;

/** A stored raw figure: target and actual of a unit for a KPI and month; null = not reported. */
public record FigureView(String period, String unitType, String unitCode, String kpiCode, BigDecimal target,
        BigDecimal actual) {
}
