package com.perftrack.evaluation;

import com.perftrack.kpi.FigureService;
import com.perftrack.kpi.FigureView;
import com.perftrack.kpi.KpiResultService;
import com.perftrack.organisation.OrgUnit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Writes the 360° means as the actual of {@code FEEDBACK_360} for each person (target 4.0 unless the
 * month already has one, e.g. imported) and recalculates the month's results, as an import would.
 */
@Component
class KpiFeedback360Figures implements Feedback360Figures {

    static final BigDecimal DEFAULT_TARGET = new BigDecimal("4.0");
    static final String RECORDED_BY = "feedback-360";

    private final FigureService figures;
    private final KpiResultService results;

    KpiFeedback360Figures(FigureService figures, KpiResultService results) {
        this.figures = figures;
        this.results = results;
    }

    @Override
    public void record(String period, Map<String, BigDecimal> meanByPerson, String source) {
        List<FigureView> rows = new ArrayList<>();
        meanByPerson.forEach((person, mean) -> {
            BigDecimal target = figures.figures(period, OrgUnit.PERSON, person).stream()
                    .filter(f -> KPI_CODE.equals(f.kpiCode())).map(FigureView::target).filter(Objects::nonNull)
                    .findFirst().orElse(DEFAULT_TARGET);
            rows.add(new FigureView(period, OrgUnit.PERSON, person, KPI_CODE, target, mean));
        });
        if (rows.isEmpty()) {
            return;
        }
        var stored = figures.store(rows, RECORDED_BY, source);
        if (!stored.changedNothing()) {
            results.recalculate(stored.changedPeriods());
        }
    }
}
