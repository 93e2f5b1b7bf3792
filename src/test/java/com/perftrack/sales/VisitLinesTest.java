package com.perftrack.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class VisitLinesTest {

    static final SalesWeek WEEK = SalesWeek.parse("2026-W10"); // Monday 2026-03-02 to Sunday 2026-03-08

    @Test
    void one_visit_a_line_with_chinese_or_ascii_separators_blank_lines_ignored() {
        var visits = VisitLines.parse("2026-03-03，华东机电，新品演示\n\n2026-03-05; 江南重工 ; 合同续签，顺便回款\n", WEEK);
        assertThat(visits).containsExactly(
                new VisitLines.Visit(LocalDate.of(2026, 3, 3), "华东机电", "新品演示"),
                // only the first two separators split: the purpose keeps its comma
                new VisitLines.Visit(LocalDate.of(2026, 3, 5), "江南重工", "合同续签，顺便回款"));
    }

    @Test
    void every_bad_line_is_named_in_one_refusal() {
        assertThatThrownBy(() -> VisitLines.parse("2026-03-03，华东机电\n3月4日，江南重工，回款\n2026-03-09，北方物流，拜访", WEEK))
                .hasMessageContaining("第 1 行").hasMessageContaining("日期，客户，目的")
                .hasMessageContaining("第 2 行").hasMessageContaining("YYYY-MM-DD")
                .hasMessageContaining("第 3 行").hasMessageContaining("不在本周（2026-03-02 至 2026-03-08）");
    }

    @Test
    void at_most_twenty_visits_a_week() {
        String line = "2026-03-04，客户，拜访\n";
        assertThat(VisitLines.parse(line.repeat(20), WEEK)).hasSize(20);
        assertThatThrownBy(() -> VisitLines.parse(line.repeat(21), WEEK)).hasMessageContaining("每周最多 20 次拜访");
    }
}
