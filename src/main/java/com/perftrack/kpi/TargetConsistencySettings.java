package com.perftrack.kpi;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ptc.target-consistency.tolerance}: how far (in the KPI's unit, after rounding the difference
 * to two decimals) children's targets may miss their parent's before it is reported; default 0:
 * exact to two decimals.
 */
@ConfigurationProperties("ptc.target-consistency")
record TargetConsistencySettings(BigDecimal tolerance) {

    TargetConsistencySettings {
        tolerance = tolerance == null ? BigDecimal.ZERO : tolerance;
        if (tolerance.signum() < 0) {
            throw new IllegalArgumentException("ptc.target-consistency.tolerance must not be negative, got " + tolerance);
        }
    }
}
