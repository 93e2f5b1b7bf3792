package com.perftrack.kpi;

import com.perftrack.calendar.Period;
import com.perftrack.calendar.Quarter;
import com.perftrack.kpi.PeriodAttainment.MonthFigure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Early warning (预警, SPEC.md section 7): for a company and a month, every unit and KPI of the
 * month's quarter whose forecast ({@link EarlyWarning}) is below the amber threshold of
 * {@code kpi-status.dmn}: SPEC.md section 2 names the thresholds "green/amber/red ... default ≥100% /
 * ≥90% / below", so the amber threshold is the amber rule's 90%, and a forecast below it is one the
 * table colours neither green nor amber (red in the shipped table; {@code status} is that colour). An
 * edited table moves the line too. A forecast between 90% and 100% (amber) is the status colour's own
 * warning on the dashboard, not an early warning.
 *
 * <p>Reads the stored monthly results (they include the roll-ups of units without rows of their
 * own), streamed unit by unit; the actuals of months after the given one are never used, their
 * targets are.
 */
@Service
public class WarningService {

    private final JdbcClient jdbc;
    private final KpiCatalog catalog;
    private final Supplier<StatusTable> statusTable;
    private final BigDecimal cap;

    @Autowired
    WarningService(JdbcClient jdbc, KpiCatalog catalog, KpiStatusRules statusRules, KpiSettings settings) {
        this(jdbc, catalog, statusRules::load, settings.attainmentCap());
    }

    WarningService(JdbcClient jdbc, KpiCatalog catalog, Supplier<StatusTable> statusTable, BigDecimal cap) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.statusTable = statusTable;
        this.cap = cap;
    }

    /** The company's warnings as of the month {@code period} ({@code YYYY-MM}), by unit type, unit and KPI. */
    public List<WarningView> warnings(String period, String companyCode) {
        Period month = Period.parse(period);
        Quarter quarter = month.quarter();
        List<String> months = quarter.months().stream().map(Period::toString).toList();
        int now = months.indexOf(month.toString()) + 1;
        Map<String, Kpi> kpis = catalog.all().stream().collect(Collectors.toMap(Kpi::code, Function.identity()));
        StatusTable status = statusTable.get();
        EarlyWarning forecasts = new EarlyWarning(cap);
        List<WarningView> found = new ArrayList<>();
        Group group = new Group();
        Runnable judge = () -> {
            Kpi kpi = kpis.get(group.kpiCode);
            if (group.unitCode == null || kpi == null) {
                return;
            }
            forecasts.forecast(kpi.aggregation(), kpi.lowerIsBetter(), Arrays.asList(group.months), now).ifPresent(f -> {
                String colour = status.status(f.forecastAttainment());
                if (!"green".equals(colour) && !"amber".equals(colour)) {
                    found.add(new WarningView(companyCode, group.unitType, group.unitCode, kpi.code(), kpi.nameZh(),
                            quarter.toString(), month.toString(), f.monthsSoFar(), f.attainmentSoFar(),
                            f.forecastAttainment(), f.projectedActual(), f.projectedTarget(), colour));
                }
            });
        };
        jdbc.sql("select unit_type, unit_code, kpi_code, period, target, actual from kpi_result "
                        + "where company_code = :company and period in (:months) "
                        + "order by unit_type, unit_code, kpi_code, period")
                .param("company", companyCode).param("months", months)
                .query(rs -> {
                    String type = rs.getString(1);
                    String unit = rs.getString(2);
                    String kpi = rs.getString(3);
                    if (!group.is(type, unit, kpi)) {
                        judge.run();
                        group.start(type, unit, kpi, months);
                    }
                    int index = months.indexOf(rs.getString(4));
                    group.months[index] = new MonthFigure(months.get(index), rs.getBigDecimal(5), rs.getBigDecimal(6));
                });
        judge.run();
        return found;
    }

    /** The rows of one unit and KPI read so far; a month without a row is "not reported". */
    private static final class Group {
        String unitType;
        String unitCode;
        String kpiCode;
        final MonthFigure[] months = new MonthFigure[3];

        boolean is(String type, String unit, String kpi) {
            return unit.equals(unitCode) && type.equals(unitType) && kpi.equals(kpiCode);
        }

        void start(String type, String unit, String kpi, List<String> periods) {
            unitType = type;
            unitCode = unit;
            kpiCode = kpi;
            for (int i = 0; i < 3; i++) {
                months[i] = new MonthFigure(periods.get(i), null, null);
            }
        }
    }
}
