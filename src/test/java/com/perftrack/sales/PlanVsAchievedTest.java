package com.perftrack.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanVsAchievedTest {

    @Test
    void attainment_is_achieved_over_planned_per_person_and_kpi() {
        var filed = new PlanVsAchieved.Person("P1", "林晓 P1", true,
                Map.of("SALES_AMOUNT", new BigDecimal("50000"), "NEW_CUSTOMERS", new BigDecimal("3")),
                Map.of("SALES_AMOUNT", new BigDecimal("42500"), "NEW_CUSTOMERS", new BigDecimal("4")));
        var nothingAchievedKnown = new PlanVsAchieved.Person("P2", "周航 P2", true,
                Map.of("SALES_AMOUNT", new BigDecimal("30000"), "NEW_CUSTOMERS", BigDecimal.ZERO), Map.of());
        List<PlanVsAchieved.Row> rows = PlanVsAchieved.rows(List.of(filed, nothingAchievedKnown));
        assertThat(rows).hasSize(4);
        // P1 sales: 42,500 / 50,000 = 0.85; gap 42,500 − 50,000 = −7,500
        assertThat(rows.get(0)).isEqualTo(new PlanVsAchieved.Row("P1", "林晓 P1", "SALES_AMOUNT", new BigDecimal("50000"),
                new BigDecimal("42500"), new BigDecimal("-7500"), new BigDecimal("0.8500")));
        // P1 new customers: 4 / 3 = 1.3333 (four decimals, half up); gap +1
        assertThat(rows.get(1).attainment()).isEqualByComparingTo("1.3333");
        assertThat(rows.get(1).gap()).isEqualByComparingTo("1");
        // P2: no daily figures yet → no achieved, no gap, no attainment
        assertThat(rows.get(2).achieved()).isNull();
        assertThat(rows.get(2).attainment()).isNull();
        // a plan of 0 new customers has no attainment either (division by zero)
        assertThat(rows.get(3).planned()).isEqualByComparingTo("0");
        assertThat(rows.get(3).attainment()).isNull();
    }
}
