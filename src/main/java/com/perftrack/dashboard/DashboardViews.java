package com.perftrack.dashboard;

import java.math.BigDecimal;
import java.util.List;

/** The JSON shapes of the dashboard API. Percentages are fractions, like the rest of the API. */
final class DashboardViews {

    private DashboardViews() {
    }

    record KpiInfo(String code, String nameZh, String nameEn, String unit, String direction, int decimals) {}

    /** {@code GET /api/dashboard/version}: grows whenever stored KPI results change. */
    record ResultsVersion(long version) {}

    record UnitInfo(String unitType, String code, String name, String parentCode, String companyCode) {}

    record ForecastMethod(String code, String nameZh, String nameEn) {}

    /** {@code periods}: months with figures; {@code longerPeriods}: the quarters, half years and years holding them. */
    record Filters(String userId, boolean seesEverything, List<String> periods, String latestPeriod,
            List<String> longerPeriods, String defaultCompany, List<UnitInfo> companies, List<KpiInfo> kpis, ForecastMethod forecastMethod) {}

    record Card(String kpiCode, String nameZh, String nameEn, String unit, String direction, BigDecimal target,
            BigDecimal actual, BigDecimal deviation, BigDecimal deviationPct, BigDecimal attainment,
            BigDecimal momGrowth, BigDecimal yoyGrowth, String status, Integer rank) {}

    record Gap(String unitType, String unitCode, String kpiCode, String missing) {}

    record Summary(String period, UnitInfo unit, List<Card> cards, List<Gap> dataGaps) {}

    record Point(String period, BigDecimal target, BigDecimal actual) {}

    record ForecastPoint(String period, BigDecimal value) {}

    record Series(String kpiCode, List<Point> points, List<ForecastPoint> forecast) {}

    record Trend(UnitInfo unit, String from, String to, ForecastMethod method, List<Series> series) {}

    record FunnelStage(String kpiCode, String nameZh, String nameEn, BigDecimal count, BigDecimal conversionFromPrevious) {}

    record Funnel(String period, UnitInfo unit, List<FunnelStage> stages, BigDecimal lost, BigDecimal overallConversion,
            BigDecimal winRate) {}

    record BreakdownRow(String unitCode, String name, String parentCode, BigDecimal target, BigDecimal actual,
            BigDecimal attainment, String status, Integer rank) {}

    record Breakdown(String period, String companyCode, String unitType, String kpiCode, int total,
            List<BreakdownRow> rows) {}

    /**
     * One improvement action of the dashboard's list: a cross-department action's parts (one per
     * department, {@code actionIds}) make one row. Names, not ids; progress in percent (0..100) as
     * the ten-day report gives it. {@code timeliness}: done, draft, overdue, dueSoon or onTrack (the list's icon).
     */
    record ActionRow(List<Long> actionIds, long findingId, String companyCode, String period, String item,
            boolean crossDepartment, List<String> departments, String departmentNames, String ownerName,
            String responsiblePersonName, java.time.LocalDate deadline, java.time.LocalDate lastReportDate,
            BigDecimal lastProgressPct, String status, String timeliness) {}

    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
