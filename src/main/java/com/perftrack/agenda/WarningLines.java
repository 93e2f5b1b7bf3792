package com.perftrack.agenda;

import com.perftrack.calendar.Period;
import com.perftrack.kpi.WarningService;
import com.perftrack.kpi.WarningView;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The early warnings (预警, SPEC.md section 7) a monthly cycle's agenda lists as items to discuss
 * before the quarter closes: the company's warnings as of the cycle's month ({@code /api/warnings}).
 * A quarterly or longer review has none: its period has closed.
 */
@Component
class WarningLines {

    static final String NONE = "（无预警 / no early warnings）";

    private final WarningService warnings;
    private final OrganisationService organisation;

    WarningLines(WarningService warnings, OrganisationService organisation) {
        this.warnings = warnings;
        this.organisation = organisation;
    }

    List<WarningView> warnings(String companyCode, String period) {
        return Period.isValid(period) ? warnings.warnings(period, companyCode) : List.of();
    }

    /** One line per warning, worst forecast first, for the confirmation form. */
    String text(String companyCode, String period) {
        List<WarningView> found = warnings(companyCode, period).stream()
                .sorted(java.util.Comparator.comparing(WarningView::forecastAttainment)).toList();
        if (found.isEmpty()) {
            return NONE;
        }
        Map<String, String> names = new HashMap<>();
        StringBuilder text = new StringBuilder();
        for (WarningView w : found) {
            String name = names.computeIfAbsent(w.unitCode(),
                    code -> organisation.findUnit(code).map(OrgUnit::name).orElse(code));
            text.append("- ").append(name).append("（").append(w.unitCode()).append("）· ").append(w.kpiName())
                    .append(" ").append(w.kpiCode()).append("：预计 ").append(w.quarter()).append(" 达成率 ")
                    .append(percent(w.forecastAttainment())).append("，至今 ")
                    .append(Optional.ofNullable(w.attainmentSoFar()).map(WarningLines::percent).orElse("—"))
                    .append("（").append(w.monthsSoFar()).append(" 个月）").append(PeriodResultLines.STATUS.getOrDefault(
                            w.status(), w.status())).append("\n");
        }
        return text.toString().strip();
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
