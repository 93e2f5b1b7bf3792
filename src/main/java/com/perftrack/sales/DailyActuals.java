package com.perftrack.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** What a unit achieved from one day to another, per KPI code (the kpi feature's daily figures). */
interface DailyActuals {

    Map<String, BigDecimal> of(String unitCode, LocalDate from, LocalDate toInclusive);
}
