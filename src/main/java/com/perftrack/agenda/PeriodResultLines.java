package com.perftrack.agenda;

import com.perftrack.calendar.ReportingPeriod;
import com.perftrack.kpi.Kpi;
import com.perftrack.kpi.KpiCatalog;
import com.perftrack.kpi.KpiResultService;
import com.perftrack.kpi.KpiResultView;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What a quarterly, half-yearly or yearly review puts before the meeting (SPEC.md section 7): the
 * company's and its departments' KPI results aggregated over the period, as {@code /api/kpi-results}
 * gives them. A month's agenda has none (the monthly meeting reads the month's results in each
 * department's report, as before).
 */
@Component
class PeriodResultLines {

    /** One aggregated result on the agenda; percentages are fractions. */
    record Line(String unitType, String unitCode, String unitName, String kpiCode, String kpiName, BigDecimal target,
            BigDecimal actual, BigDecimal deviation, BigDecimal deviationPct, BigDecimal attainment, String status,
            Integer rank) {}

    static final Map<String, String> STATUS = Map.of("green", "达标 green", "amber", "预警 amber", "red", "未达标 red");

    private final KpiResultService results;
    private final KpiCatalog catalog;
    private final OrganisationService organisation;

    PeriodResultLines(KpiResultService results, KpiCatalog catalog, OrganisationService organisation) {
        this.results = results;
        this.catalog = catalog;
        this.organisation = organisation;
    }

    /** The company's lines, then each department's, each in the catalogue's order; empty for a month. */
    List<Line> lines(String companyCode, String period) {
        if (!ReportingPeriod.isValid(period) || ReportingPeriod.parse(period).monthly()) {
            return List.of();
        }
        List<OrgUnit> units = new ArrayList<>(organisation.units(companyCode, OrgUnit.COMPANY));
        units.addAll(organisation.units(companyCode, OrgUnit.DEPARTMENT));
        List<Kpi> kpis = catalog.all();
        List<Line> lines = new ArrayList<>();
        for (OrgUnit unit : units) {
            Map<String, KpiResultView> byKpi = new HashMap<>();
            results.results(period, unit.unitType(), unit.code()).forEach(r -> byKpi.put(r.kpiCode(), r));
            for (Kpi kpi : kpis) {
                KpiResultView r = byKpi.get(kpi.code());
                if (r != null && r.target() != null) {
                    lines.add(new Line(unit.unitType(), unit.code(), unit.name(), kpi.code(), kpi.nameZh(), r.target(),
                            r.actual(), r.deviation(), r.deviationPct(), r.attainment(), r.status(), r.rank()));
                }
            }
        }
        return lines;
    }

    /** The lines as the agenda's text section; empty for a month. */
    String text(String companyCode, String period) {
        List<Line> lines = lines(companyCode, period);
        if (lines.isEmpty()) {
            return "";
        }
        ReportingPeriod p = ReportingPeriod.parse(period);
        StringBuilder text = new StringBuilder("\n\n本期业绩（" + p.length().nameZh() + "汇总 " + p + "）Results of the "
                + p.length().nameEn() + " period " + p + "：");
        for (Line l : lines) {
            text.append("\n- ").append(l.unitName()).append(" · ").append(l.kpiName()).append(' ').append(l.kpiCode())
                    .append("：目标 ").append(plain(l.target())).append("，实际 ").append(plain(l.actual()))
                    .append("，偏差 ").append(plain(l.deviation()))
                    .append(l.deviationPct() == null ? "" : "（" + percent(l.deviationPct()) + "）")
                    .append("，达成率 ").append(l.attainment() == null ? "—" : percent(l.attainment()))
                    .append(l.status() == null ? "" : "，" + STATUS.getOrDefault(l.status(), l.status()));
        }
        return text.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    private static String percent(BigDecimal fraction) {
        return fraction.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
