package com.perftrack.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.action.ActionView;
import com.perftrack.dashboard.DashboardViews.ActionRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionRowsTest {

    static final Map<String, String> PEOPLE = Map.of("gm", "张伟", "sales.head", "刘军", "production.head", "杨磊",
            "sales1", "马芳");
    static final Map<String, String> DEPARTMENTS = Map.of("sales", "销售部", "production", "生产部", "quality", "质量部");

    @Test
    void a_cross_department_actions_parts_make_one_row_with_every_department_and_the_owners_name() {
        List<ActionRow> rows = rows(List.of(
                action(1, 10, "华东区销售额回升", "sales", true, "gm", "sales.head", "2028-03-31", "2028-02-20", "40"),
                action(2, 10, "华东区销售额回升", "production", true, "gm", "production.head", "2028-04-30", "2028-02-10", "25"),
                action(3, 11, "客户投诉下降", "quality", false, "quality.head", "sales1", "2028-03-15", null, null)));

        assertThat(rows).hasSize(2);
        ActionRow quality = rows.get(0);
        assertThat(quality.actionIds()).containsExactly(3L);
        assertThat(quality.departmentNames()).isEqualTo("质量部");
        // no name known for quality.head in this list: the id is all there is
        assertThat(quality.ownerName()).isEqualTo("quality.head");
        assertThat(quality.responsiblePersonName()).isEqualTo("马芳");

        ActionRow cross = rows.get(1);
        assertThat(cross.actionIds()).containsExactly(1L, 2L);
        assertThat(cross.item()).isEqualTo("华东区销售额回升");
        assertThat(cross.departmentNames()).isEqualTo("销售部、生产部");
        assertThat(cross.departments()).containsExactly("sales", "production");
        assertThat(cross.ownerName()).isEqualTo("张伟");
        // the whole is due when its last part is, reported when any part reported, as far as its slowest part
        assertThat(cross.deadline()).isEqualTo(LocalDate.of(2028, 4, 30));
        assertThat(cross.lastReportDate()).isEqualTo(LocalDate.of(2028, 2, 20));
        assertThat(cross.lastProgressPct()).isEqualByComparingTo("25");
    }

    @Test
    void parts_that_wrote_different_items_show_both_and_an_owner_without_user_shows_the_groups_name() {
        List<ActionRow> rows = rows(List.of(
                action(5, 20, "缩短销售周期", "sales", true, null, "sales.head", "2028-03-31", null, null),
                action(6, 20, "提高排产准确率", "production", true, null, "production.head", "2028-03-31", null, null)));
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.item()).isEqualTo("缩短销售周期；提高排产准确率");
            assertThat(r.ownerName()).isEqualTo("主任（总经理）");
        });
    }

    @Test
    void the_icon_says_done_draft_overdue_due_within_seven_days_or_on_track() {
        LocalDate today = LocalDate.of(2028, 3, 10);
        assertThat(ActionRows.timeliness(ActionView.DONE, LocalDate.of(2028, 3, 1), today))
                .as("done counts even when it was late").isEqualTo("done");
        assertThat(ActionRows.timeliness(ActionView.OPEN, LocalDate.of(2028, 3, 9), today)).isEqualTo("overdue");
        assertThat(ActionRows.timeliness(ActionView.OPEN, LocalDate.of(2028, 3, 10), today))
                .as("due today: not yet late").isEqualTo("dueSoon");
        // 7 days: 10th..16th
        assertThat(ActionRows.timeliness(ActionView.OPEN, LocalDate.of(2028, 3, 16), today)).isEqualTo("dueSoon");
        assertThat(ActionRows.timeliness(ActionView.OPEN, LocalDate.of(2028, 3, 17), today)).isEqualTo("onTrack");
        assertThat(ActionRows.timeliness(ActionView.OPEN, null, today)).isEqualTo("onTrack");
        assertThat(ActionRows.timeliness(ActionView.DRAFT, LocalDate.of(2028, 3, 1), today))
                .as("a form still written is not late yet, like ActionView.overdue").isEqualTo("draft");
    }

    @Test
    void a_cross_department_row_is_late_by_its_last_deadline_and_open_while_any_part_is() {
        List<ActionRow> rows = rows(List.of(
                action(1, 10, "华东区销售额回升", "sales", true, "gm", "sales.head", "2028-02-28", null, null),
                action(2, 10, "华东区销售额回升", "production", true, "gm", "production.head", "2028-03-05", null, null)));
        // today 2028-03-01 (see rows): the whole is due 2028-03-05, within 7 days
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.timeliness()).isEqualTo("dueSoon"));
    }

    private static List<ActionRow> rows(List<ActionView> actions) {
        return ActionRows.of(actions, LocalDate.of(2028, 3, 1), id -> PEOPLE.getOrDefault(id, id), (company, group) -> DEPARTMENTS.get(group),
                group -> "committee-chair".equals(group) ? "主任（总经理）" : group);
    }

    private static ActionView action(long id, long finding, String item, String department, boolean cross, String owner,
            String responsible, String deadline, String lastReport, String progress) {
        return new ActionView(id, finding, "ACME", "2028-01", item, department, cross, owner,
                cross ? "committee-chair" : department, department + ".head", responsible, LocalDate.parse(deadline),
                "SALES_AMOUNT 提升 10%", "每周复盘", ActionView.OPEN, 1, LocalDate.of(2028, 2, 5),
                lastReport == null ? null : LocalDate.parse(lastReport), progress == null ? null : new BigDecimal(progress),
                null, null, null, null, "pi-" + id);
    }
}
