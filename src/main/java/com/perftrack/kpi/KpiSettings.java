package com.perftrack.kpi;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ptc.kpi.*}. {@code attainment-cap}: the highest attainment a KPI can reach (default 1.5 =
 * 150%, SPEC.md section 4). The green/amber/red thresholds are not here but in
 * {@code bpmn/kpi-status.dmn}, where process owners change them.
 */
@ConfigurationProperties("ptc.kpi")
record KpiSettings(BigDecimal attainmentCap) {

    public KpiSettings {
        attainmentCap = attainmentCap == null ? new BigDecimal("1.5") : attainmentCap;
        if (attainmentCap.signum() <= 0) {
            throw new IllegalArgumentException("ptc.kpi.attainment-cap must be positive, got " + attainmentCap);
        }
    }
}
