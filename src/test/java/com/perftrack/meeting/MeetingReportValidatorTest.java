package com.perftrack.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

class MeetingReportValidatorTest {

    static final Set<String> KPIS = Set.of("SALES_AMOUNT", "COMPLAINTS");
    static final Set<String> USERS = Set.of("sales1", "gm");

    static Map<String, Object> report() {
        Map<String, Object> v = new HashMap<>();
        v.put("deviation", "销售额偏差 -15 万（-12.5%）");
        v.put("cause1", "华东区拜访量下降 35%");
        v.put("cause1Type", "internal");
        v.put("cause1Impact", "少 15 万元");
        v.put("cause1Proposal", "恢复周拜访计划");
        v.put("cause1RelatedDepartments", "marketing");
        v.put("cause1ResponsibleDepartments", "sales，marketing");
        v.put("cause1Solution", "恢复拜访计划");
        v.put("cause1KpiCode", "sales_amount");
        v.put("cause1ResponsibleUser", "sales1");
        return v;
    }

    static MeetingReportValidator.Result validate(Map<String, Object> values) {
        return MeetingReportValidator.validate(values, KPIS::contains, USERS::contains);
    }

    @Test
    void a_complete_report_gives_one_cause_with_its_responsible_departments() {
        var result = validate(report());
        assertThat(result.problems()).isEmpty();
        assertThat(result.causes()).singleElement().satisfies(c -> {
            assertThat(c.responsibleDepartments()).containsExactly("sales", "marketing");
            assertThat(c.kpiCode()).isEqualTo("SALES_AMOUNT");
            assertThat(c.responsibleUser()).isEqualTo("sales1");
            assertThat(c.resourceAsk()).as("an internal cause asks for no resources").isNull();
        });
    }

    @Test
    void sales_ten_kpi_deviation_of_546_characters_fits_and_a_text_beyond_the_column_is_refused_by_name() {
        Map<String, Object> values = report();
        values.put("deviation", "销售额 -12.5%；".repeat(50)); // 550 characters, as sales' ten KPIs pre-fill
        assertThat(validate(values).problems()).isEmpty();
        values.put("deviation", "1".repeat(MeetingReportValidator.MAX_DEVIATION + 1));
        values.put("cause1Impact", "9".repeat(MeetingReportValidator.MAX_IMPACT + 1));
        assertThat(validate(values).problems())
                .anySatisfy(p -> assertThat(p).contains("量化偏差").contains("4000"))
                .anySatisfy(p -> assertThat(p).contains("影响").contains("2000"));
    }

    @Test
    void report_three_steps_the_deviation_and_the_impact_must_be_quantified() {
        var v = report();
        v.put("deviation", "销售额下降较多");
        v.put("cause1Impact", "影响较大");
        assertThat(validate(v).problems()).anyMatch(p -> p.contains("偏差必须量化")).anyMatch(p -> p.contains("影响必须量化"));
    }

    @Test
    void an_external_cause_needs_a_resource_request() {
        var v = report();
        v.put("cause1Type", "external");
        v.put("cause1Proposal", "");
        assertThat(validate(v).problems()).anyMatch(p -> p.contains("资源需求"));
    }

    @Test
    void the_cause_must_be_classified_internal_or_external() {
        var v = report();
        v.remove("cause1Type");
        assertThat(validate(v).problems()).anyMatch(p -> p.contains("内部或外部"));
    }

    @Test
    void inquiry_needs_known_responsible_departments_and_a_solution() {
        var v = report();
        v.put("cause1ResponsibleDepartments", "sales, logistics");
        v.put("cause1Solution", " ");
        assertThat(validate(v).problems()).anyMatch(p -> p.contains("logistics")).anyMatch(p -> p.contains("解决方案"));
        v.put("cause1ResponsibleDepartments", "");
        assertThat(validate(v).problems()).anyMatch(p -> p.contains("责任部门"));
    }

    @Test
    void unknown_kpi_and_unknown_user_are_named() {
        var v = report();
        v.put("cause1KpiCode", "REVENUE");
        v.put("cause1ResponsibleUser", "nobody");
        assertThat(validate(v).problems()).anyMatch(p -> p.contains("REVENUE")).anyMatch(p -> p.contains("nobody"));
    }

    @Test
    void no_finding_needs_only_the_deviation_and_a_second_cause_is_checked_too() {
        assertThat(validate(Map.of("deviation", "达成 100%", "noFinding", true)).causes()).isEmpty();
        var v = report();
        v.put("hasCause2", true);
        var result = validate(v);
        assertThat(result.causes()).hasSize(2);
        assertThat(result.problems()).anyMatch(p -> p.startsWith("原因2"));
    }

    // ---- pickers (issue 11): checklists send lists, Tasklist as a Json variable ----

    @Test
    void departments_picked_in_the_checklists_arrive_as_json_lists_and_give_the_same_cause() {
        var v = report();
        v.put("cause1RelatedDepartments", Spin.JSON("[\"marketing\"]"));
        v.put("cause1ResponsibleDepartments", Spin.JSON("[\"sales\", \"marketing\", \"sales\"]"));
        v.put("cause1ResponsibleUser", "sales1");
        var result = MeetingReportValidator.validate(v, KPIS::contains, USERS::contains,
                Set.of("sales", "marketing", "quality"), true);
        assertThat(result.problems()).isEmpty();
        assertThat(result.causes()).singleElement().satisfies(c -> {
            assertThat(c.relatedDepartments()).containsExactly("marketing");
            assertThat(c.responsibleDepartments()).containsExactly("sales", "marketing");
            assertThat(c.responsibleUser()).isEqualTo("sales1");
        });
        v.put("cause1ResponsibleDepartments", List.of("quality"));
        assertThat(validate(v).causes().get(0).responsibleDepartments()).containsExactly("quality");
    }

    @Test
    void an_unknown_code_in_a_list_and_a_department_the_company_lacks_are_refused_by_name() {
        var v = report();
        v.put("cause1RelatedDepartments", Spin.JSON("[\"logistics\"]"));
        v.put("cause1ResponsibleDepartments", Spin.JSON("[\"sales\", \"procurement\"]"));
        var problems = MeetingReportValidator.validate(v, KPIS::contains, USERS::contains,
                Set.of("sales", "marketing"), true).problems();
        assertThat(problems).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("相关部门").contains("未知部门代码").contains("logistics"))
                .anySatisfy(p -> assertThat(p).contains("责任部门").contains("本公司没有该部门").contains("procurement"));
        v.put("cause1ResponsibleDepartments", Spin.JSON("[]"));
        assertThat(validate(v).problems()).anyMatch(p -> p.contains("请指定责任部门"));
    }

    // ---- deviation of a department without KPI results ----

    @Test
    void without_kpi_results_the_deviation_may_say_so_in_words_but_is_still_required() {
        Map<String, Object> v = new HashMap<>(Map.of("deviation", DepartmentReportListener.NO_KPI_RESULTS,
                "noFinding", true));
        assertThat(MeetingReportValidator.validate(v, KPIS::contains, USERS::contains, Set.of(), false).problems())
                .isEmpty();
        assertThat(MeetingReportValidator.validate(v, KPIS::contains, USERS::contains, Set.of(), true).problems())
                .containsExactly("偏差必须量化（含数字）/ the deviation must be quantified");
        v.put("deviation", " ");
        assertThat(MeetingReportValidator.validate(v, KPIS::contains, USERS::contains, Set.of(), false).problems())
                .containsExactly("请填写量化偏差 / the deviation from plan is required");
    }

    /** sales1 is one of sales' people, production.head heads production; gm may own a cross-department finding. */
    static final MeetingReportValidator.Roster ROSTER = new MeetingReportValidator.Roster(
            (user, departments) -> ("sales1".equals(user) && departments.contains("sales"))
                    || ("production.head".equals(user) && departments.contains("production"))
                    || ("gm".equals(user) && departments.size() > 1),
            Set.of("sales", "production", "committee-chair"));

    static List<String> problems(Map<String, Object> values) {
        return MeetingReportValidator.validate(values, KPIS::contains,
                Set.of("sales1", "gm", "production.head")::contains, Set.of(), true, ROSTER).problems();
    }

    @Test
    void the_responsible_person_is_required_and_must_belong_to_a_responsible_department() {
        var v = report();
        v.remove("cause1ResponsibleUser");
        assertThat(problems(v)).containsExactly("原因1 / cause 1: 请指定责任人 / name the responsible person");
        v.put("cause1ResponsibleUser", "production.head");
        v.put("cause1ResponsibleDepartments", "sales");
        assertThat(problems(v)).containsExactly("原因1 / cause 1: 责任人须是责任部门的人员 / the responsible person "
                + "'production.head' must belong to the responsible department(s) sales");
        v.put("cause1ResponsibleUser", "gm");
        assertThat(problems(v)).as("the general manager owns single-department findings only through its head").hasSize(1);
        v.put("cause1ResponsibleDepartments", "sales, production");
        assertThat(problems(v)).as("a cross-department finding may be the general manager's").isEmpty();
        v.put("cause1ResponsibleUser", "sales1");
        assertThat(problems(v)).isEmpty();
    }

    @Test
    void an_external_cause_asks_what_how_much_and_from_whom() {
        var v = report();
        v.put("cause1Type", "external");
        v.put("cause1Proposal", "增派 2 名销售支援华东区");
        assertThat(problems(v)).containsExactly(
                "原因1 / cause 1: 资源需求须量化数量或金额（含数字）/ the resource request needs a quantity or amount",
                "原因1 / cause 1: 请选择向谁提出资源需求 / choose whom the resources are requested from");
        v.put("cause1RequestAmount", "两名");
        v.put("cause1RequestFrom", "quality");
        assertThat(problems(v)).containsExactly(
                "原因1 / cause 1: 资源需求须量化数量或金额（含数字）/ the resource request needs a quantity or amount",
                "原因1 / cause 1: 资源提供方不在本公司 / unknown resource provider 'quality'");
        v.put("cause1RequestAmount", "2 人，3 个月");
        v.put("cause1RequestFrom", "committee-chair");
        var result = MeetingReportValidator.validate(v, KPIS::contains, Set.of("sales1")::contains, Set.of(), true, ROSTER);
        assertThat(result.problems()).isEmpty();
        assertThat(result.causes().get(0).resourceAsk())
                .isEqualTo(new ReportedCause.ResourceAsk("增派 2 名销售支援华东区", "2 人，3 个月", "committee-chair"));
        v.put("cause1RequestAmount", "2".repeat(MeetingReportValidator.MAX_AMOUNT + 1));
        assertThat(problems(v)).singleElement().asString().contains("数量或金额 amount 最多 500 个字符，现为 501");
    }
}
