package com.perftrack.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.support.ProcessTestEngine;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Findings are numbered per meeting without gaps (issue 11): a save that fails after its first
 * finding was written takes that number back, and other meetings' findings do not count.
 * Our tables on an in-memory H2 database (no engine).
 */
class FindingNumbersTest {

    final ProcessTestEngine db = new ProcessTestEngine();
    final FindingService findings = new FindingService(db.jdbc(), new BusinessCalendar("Asia/Shanghai"));
    final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));

    @Test
    void a_failed_save_leaves_no_gap_and_each_meeting_counts_from_one() {
        // a department report whose second finding cannot be stored: the task completion fails as a whole
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            findings.create(finding("NUM", "2026-10", "拜访量下降 35%"));
            findings.create(finding("NUM", "2026-10", null)); // title is required: the database refuses it
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(findings.findings("NUM", "2026-10")).isEmpty();

        long first = findings.create(finding("NUM", "2026-10", "拜访量下降 35%"));
        findings.create(finding("OTHER", "2026-10", "另一家公司的问题"));
        findings.create(finding("NUM", "2026-09", "上个月的问题"));
        long second = findings.create(finding("NUM", "2026-10", "投诉增加 3 起"));

        assertThat(findings.findings("NUM", "2026-10")).extracting(Finding::number, Finding::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "拜访量下降 35%"),
                        org.assertj.core.groups.Tuple.tuple(2, "投诉增加 3 起"));
        assertThat(findings.find(first).orElseThrow().number()).isEqualTo(1);
        assertThat(findings.find(second).orElseThrow().number()).isEqualTo(2);
        assertThat(findings.findings("OTHER", "2026-10")).extracting(Finding::number).containsExactly(1);
        assertThat(findings.findings("NUM", "2026-09")).extracting(Finding::number).containsExactly(1);
    }

    private static Finding finding(String company, String period, String title) {
        return new Finding(null, company, period, "sales", "SALES_AMOUNT", title, "偏差 -12.5%", title, "internal",
                "少 25 万元", "恢复拜访", "marketing", "sales", "恢复拜访计划", "sales1", "marketing.head", null);
    }
}
