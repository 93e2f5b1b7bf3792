package com.perftrack.imports;

import com.perftrack.kpi.FigureView;
import com.perftrack.kpi.TargetConsistencyService;
import com.perftrack.kpi.TargetConsistencyView;
import com.perftrack.organisation.OrgUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The warnings of a figures import's 200 answer (issue 14): targets that do not add up, per line of the file. */
final class TargetWarnings {

    private TargetWarnings() {
    }

    /**
     * Where children's targets do not add up to their parent's in the imported months, for the
     * companies and KPIs of the file (issue 14), as warnings: the line is the parent's row of the
     * file, else the first row of one of its children, else 0 (all of them came from earlier imports).
     */
    static List<LineError> of(TargetConsistencyService consistency, List<FigureView> rows, List<Integer> lineOfRow,
            Map<String, OrgUnit> units) {
        Map<String, Integer> lines = new HashMap<>();
        Map<String, Integer> childLines = new HashMap<>();
        Map<String, Set<String>> kpisByPeriod = new java.util.TreeMap<>();
        Set<String> companies = new TreeSet<>();
        for (int i = rows.size() - 1; i >= 0; i--) { // walking backwards, the first row of a key keeps its line
            FigureView r = rows.get(i);
            int line = lineOfRow.get(i);
            lines.put(r.period() + '|' + r.unitCode() + '|' + r.kpiCode(), line);
            OrgUnit unit = units.get(r.unitCode());
            if (unit != null && unit.parentCode() != null) {
                childLines.put(r.period() + '|' + unit.parentCode() + '|' + r.kpiCode(), line);
            }
            if (unit != null) {
                companies.add(unit.companyCode());
            }
            kpisByPeriod.computeIfAbsent(r.period(), p -> new HashSet<>()).add(r.kpiCode());
        }
        List<LineError> warnings = new ArrayList<>();
        for (TargetConsistencyView w : consistency.check(kpisByPeriod, companies)) {
            String key = w.period() + '|' + w.unitCode() + '|' + w.kpiCode();
            Integer line = lines.getOrDefault(key, childLines.get(key));
            warnings.add(new LineError(line == null ? 0 : line, "target", w.message()));
        }
        return warnings;
    }
}
