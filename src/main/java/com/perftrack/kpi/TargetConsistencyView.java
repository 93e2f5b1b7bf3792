package com.perftrack.kpi;

import java.math.BigDecimal;
import java.util.List;

/**
 * A parent unit whose children's targets do not add up to its own (issue 14, 上下目标保持一致): for a
 * {@code sum} KPI and month, {@code childrenTarget} is the sum of its direct children's targets,
 * {@code difference} = childrenTarget − target, {@code missingChildren} the children expected to carry
 * a target that have none (a gap, 断层).
 */
public record TargetConsistencyView(String period, String unitType, String unitCode, String kpiCode, BigDecimal target,
        BigDecimal childrenTarget, BigDecimal difference, List<String> missingChildren, String message) {

    public TargetConsistencyView {
        missingChildren = List.copyOf(missingChildren);
    }
}
