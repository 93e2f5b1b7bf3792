package com.perftrack.templates;

import com.perftrack.kpi.FigureService;
import com.perftrack.kpi.FigureView;
import com.perftrack.kpi.KpiResultService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes what a template yields (a survey month's CUSTOMER_SATISFACTION, a market report's MARKET_SHARE)
 * as the unit's figure {@code actual} through the kpi module, and recalculates the changed months.
 * The figure's target is kept. Rule: a template replaces only an empty actual or the value a template
 * wrote before ({@code template_figure_feed}); an actual someone imported by hand is never overwritten —
 * the upload's answer says so instead.
 */
@Component
class FigureFeed {

    /** One value to write: the unit's actual of the KPI in the month. */
    record Value(String period, String unitType, String unitCode, BigDecimal actual) {
    }

    record Result(int written, List<com.perftrack.imports.LineError> warnings) {
    }

    private final FigureService figures;
    private final KpiResultService results;
    private final JdbcClient jdbc;

    FigureFeed(FigureService figures, KpiResultService results, JdbcClient jdbc) {
        this.figures = figures;
        this.results = results;
        this.jdbc = jdbc;
    }

    Result feed(String kpiCode, List<Value> values, String user, String source) {
        List<FigureView> rows = new ArrayList<>();
        List<com.perftrack.imports.LineError> warnings = new ArrayList<>();
        for (Value v : values) {
            FigureView stored = figures.figures(v.period(), v.unitType(), v.unitCode()).stream()
                    .filter(f -> f.kpiCode().equals(kpiCode)).findFirst().orElse(null);
            BigDecimal fed = jdbc.sql("select actual from template_figure_feed where period = ? and unit_code = ? and kpi_code = ?")
                    .params(v.period(), v.unitCode(), kpiCode).query(BigDecimal.class).optional().orElse(null);
            boolean ours = stored == null || stored.actual() == null
                    || (fed != null && fed.compareTo(stored.actual()) == 0);
            if (!ours) {
                // line 0: no line of the file, the unit's month as a whole
                warnings.add(new com.perftrack.imports.LineError(0, kpiCode, v.unitCode() + " " + kpiCode + " " + v.period()
                        + "：已有手工导入的实际值 "
                        + stored.actual().stripTrailingZeros().toPlainString() + "，未用模板值 " + v.actual().toPlainString()
                        + " 覆盖 / an imported actual is kept; the template's value was not written"));
                continue;
            }
            rows.add(new FigureView(v.period(), v.unitType(), v.unitCode(), kpiCode, stored == null ? null : stored.target(),
                    v.actual()));
            jdbc.sql("insert into template_figure_feed (period, unit_code, kpi_code, actual) values (?, ?, ?, ?) "
                    + "on conflict (period, unit_code, kpi_code) do update set actual = excluded.actual")
                    .params(v.period(), v.unitCode(), kpiCode, v.actual()).update();
        }
        if (rows.isEmpty()) {
            return new Result(0, warnings);
        }
        FigureService.StoreSummary stored = figures.store(rows, user, source);
        if (!stored.changedNothing()) {
            results.recalculate(stored.changedPeriods());
        }
        return new Result(stored.inserted() + stored.updated(), warnings);
    }

    /** Values by {@code period|unitType|unitCode} as feed lines. */
    static List<Value> values(Map<String, BigDecimal> byKey) {
        return byKey.entrySet().stream().map(e -> {
            String[] key = e.getKey().split("\\|");
            return new Value(key[0], key[1], key[2], e.getValue());
        }).toList();
    }
}
