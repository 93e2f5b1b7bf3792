package com.perftrack.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskTitlesTest {

    @Test
    void a_task_says_whose_department_and_which_period_it_is_about() {
        assertThat(TaskTitles.title("SMART 审核 Review against SMART", "quality", "2026-10"))
                .isEqualTo("SMART 审核 Review against SMART · 质量部 · 2026-10");
        assertThat(TaskTitles.title("记录部门汇报与质询 Record report and inquiry", "marketing", "2026-10"))
                .isEqualTo("记录部门汇报与质询 Record report and inquiry · 市场部 · 2026-10");
        assertThat(TaskTitles.title("确认奖罚建议", null, "2026-Q3")).isEqualTo("确认奖罚建议 · 2026-Q3");
    }

    @Test
    void nothing_is_said_twice_and_a_task_without_context_keeps_its_name() {
        // a ten-day report's date already names its month
        assertThat(TaskTitles.title("提交旬报 2028-02-10 · 销售部", "sales", "2028-02")).isNull();
        assertThat(TaskTitles.title("报送销售信息 · 2026-10", null, "2026-10")).isNull();
        assertThat(TaskTitles.title("复核申诉", null, null)).isNull();
        assertThat(TaskTitles.title("复核申诉", "no-such-group", null)).isNull();
    }
}
