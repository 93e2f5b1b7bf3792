package com.perftrack.sales;

import com.perftrack.kpi.FigureService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@link DailyActuals} from the imported daily figures ({@code period} {@code YYYY-MM-DD}). */
@Component
class FigureDailyActuals implements DailyActuals {

    private final FigureService figures;

    FigureDailyActuals(FigureService figures) {
        this.figures = figures;
    }

    @Override
    public Map<String, BigDecimal> of(String unitCode, LocalDate from, LocalDate toInclusive) {
        return figures.dailyActuals(unitCode, from, toInclusive);
    }
}
