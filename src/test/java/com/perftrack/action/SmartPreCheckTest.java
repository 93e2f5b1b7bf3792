package com.perftrack.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmartPreCheckTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    static final SmartPreCheck CHECK = new SmartPreCheck(Map.of(
            "SALES_AMOUNT", "销售额", "CUSTOMER_SATISFACTION", "客户满意度", "COMPLAINTS", "客户投诉"), 180);

    static ActionDraft draft(String expected, String measures, String deadline) {
        return new ActionDraft(7L, "华东区销售额回升", deadline, "sales", "sales1", expected, measures);
    }

    static List<String> reasons(String expected, String measures, String deadline) {
        return CHECK.check(draft(expected, measures, deadline), TODAY);
    }

    static final String GOOD = "SALES_AMOUNT 提升 15% 至 115 万";
    static final String MEASURES = "每周拜访重点客户 3 家";

    @Test
    void quantified_result_naming_sales_amount_passes() {
        assertThat(reasons(GOOD, MEASURES, "2027-01-31")).isEmpty();
    }

    @Test
    void result_without_a_number_is_refused_for_missing_quantified_target() {
        assertThat(reasons("提高客户满意度", MEASURES, "2027-01-31"))
                .singleElement().asString().contains("量化目标").contains("quantified target");
    }

    @Test
    void chinese_kpi_name_with_a_number_passes() {
        assertThat(reasons("客户满意度从 82% 提高到 90%", MEASURES, "2027-01-31")).isEmpty();
    }

    @Test
    void unknown_kpi_code_is_refused_by_name() {
        assertThat(reasons("SALES_VOLUME 提升 10%", MEASURES, "2027-01-31"))
                .singleElement().asString().contains("SALES_VOLUME").contains("unknown KPI code");
    }

    @Test
    void a_number_without_any_kpi_is_refused() {
        assertThat(reasons("提升 20%", MEASURES, "2027-01-31"))
                .singleElement().asString().contains("names no KPI");
    }

    @Test
    void empty_measures_are_refused() {
        assertThat(reasons(GOOD, "  ", "2027-01-31")).singleElement().asString().contains("measures are empty");
    }

    @Test
    void missing_measures_are_refused() {
        assertThat(reasons(GOOD, null, "2027-01-31")).singleElement().asString().contains("measures are empty");
    }

    @Test
    void empty_expected_result_is_refused() {
        assertThat(reasons("", MEASURES, "2027-01-31")).singleElement().asString().contains("expected result is empty");
    }

    @Test
    void deadline_in_the_past_is_refused() {
        assertThat(reasons(GOOD, MEASURES, "2026-11-19")).singleElement().asString().contains("not in the future");
    }

    @Test
    void deadline_today_is_refused() {
        assertThat(reasons(GOOD, MEASURES, "2026-11-20")).singleElement().asString().contains("not in the future");
    }

    @Test
    void deadline_tomorrow_passes() {
        assertThat(reasons(GOOD, MEASURES, "2026-11-21")).isEmpty();
    }

    @Test
    void deadline_on_the_last_day_of_the_horizon_passes() {
        // 20 Nov 2026 + 180 days = 19 May 2027 (10 + 31 + 31 + 28 + 31 + 30 + 19)
        assertThat(reasons(GOOD, MEASURES, "2027-05-19")).isEmpty();
    }

    @Test
    void deadline_one_day_beyond_the_horizon_is_refused() {
        assertThat(reasons(GOOD, MEASURES, "2027-05-20")).singleElement().asString().contains("beyond the 180-day horizon");
    }

    @Test
    void missing_deadline_is_refused() {
        assertThat(reasons(GOOD, MEASURES, null)).singleElement().asString().contains("deadline is missing");
    }

    @Test
    void malformed_deadline_is_refused() {
        assertThat(reasons(GOOD, MEASURES, "31/01/2027")).singleElement().asString().contains("not a date");
    }

    @Test
    void a_date_time_from_a_form_is_read_as_its_date() {
        assertThat(reasons(GOOD, MEASURES, "2027-01-31T00:00:00")).isEmpty();
    }

    @Test
    void missing_finding_link_is_refused() {
        var noFinding = new ActionDraft(null, "事项", "2027-01-31", "sales", "sales1", GOOD, MEASURES);
        assertThat(CHECK.check(noFinding, TODAY)).singleElement().asString().contains("not linked to a finding");
    }

    @Test
    void empty_item_is_refused() {
        var noItem = new ActionDraft(7L, "", "2027-01-31", "sales", "sales1", GOOD, MEASURES);
        assertThat(CHECK.check(noItem, TODAY)).singleElement().asString().contains("item is empty");
    }

    @Test
    void every_problem_of_a_bad_form_is_listed_at_once() {
        var bad = new ActionDraft(null, "", "2020-01-01", "sales", null, "提高客户满意度", "");
        assertThat(CHECK.check(bad, TODAY)).hasSize(5);
    }

    @Test
    void a_lower_case_word_or_plain_abbreviation_is_not_taken_for_a_kpi_code() {
        assertThat(CHECK.kpiCodesIn("sales_amount up 5 CNY, COMPLAINTS 减少 3 起, NEW_THING")).containsExactly("COMPLAINTS", "NEW_THING");
    }
}
