package com.perftrack.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.perftrack.imports.ImportRejectedException;
import com.perftrack.imports.ImportTable;
import com.perftrack.imports.LineError;
import com.perftrack.organisation.OrgUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Line checks of the three template files: every bad line named, nothing half-read. */
class TemplateFileParsersTest {

    static final Map<String, OrgUnit> UNITS = Map.of(
            "C", new OrgUnit("C", OrgUnit.COMPANY, "公司", null, "C", "gm", null, "production"),
            "S", new OrgUnit("S", OrgUnit.DEPARTMENT, "销售部", "C", "C", "sales.head", null, "sales"),
            "R", new OrgUnit("R", OrgUnit.REGION, "华东", "S", "C", null, null, null));

    static ImportTable table(String header, String... lines) {
        List<ImportTable.Line> rows = new java.util.ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            rows.add(new ImportTable.Line(i + 2, Arrays.asList(lines[i].split(",", -1))));
        }
        return new ImportTable(Arrays.asList(header.split(",")), rows);
    }

    @Test
    void a_survey_line_scores_its_companys_questions_within_its_month() {
        var parsers = new TemplateFileParsers(UNITS);
        List<Rows.Survey> rows = parsers.surveys(table("period,unit_code,customer,survey_date,comment,product,delivery,service,price",
                "2026-01,R,甲公司,2026-01-15,好,5,4,4,3"), c -> SurveyQuestion.DEFAULTS, Set.of("product", "delivery", "service", "price"));
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.unit().code()).isEqualTo("R");
            assertThat(r.scores()).containsExactly(Map.entry("product", 5), Map.entry("delivery", 4), Map.entry("service", 4),
                    Map.entry("price", 3));
        });
        assertThatThrownBy(() -> parsers.surveys(table("period,unit_code,customer,survey_date,product,delivery,service,price",
                "2026-01,R,甲公司,2026-02-01,5,4,4,3", "2026-01,C,乙,2026-01-02,6,4,4,3", "2026-1,X,,x,5,5,5,5"),
                c -> SurveyQuestion.DEFAULTS, Set.of("product", "delivery", "service", "price")))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors())
                        .extracting(LineError::line, LineError::field).contains(
                                org.assertj.core.groups.Tuple.tuple(2, "survey_date"), // the date is not in the month
                                org.assertj.core.groups.Tuple.tuple(3, "unit_code"), // a company runs no survey
                                org.assertj.core.groups.Tuple.tuple(4, "period"), org.assertj.core.groups.Tuple.tuple(4, "unit_code"),
                                org.assertj.core.groups.Tuple.tuple(4, "customer"), org.assertj.core.groups.Tuple.tuple(4, "survey_date")));
    }

    @Test
    void a_market_file_has_competitor_lines_and_one_estimate_per_unit_and_month() {
        var parsers = new TemplateFileParsers(UNITS);
        Rows.Market market = parsers.market(table("period,unit_code,competitor,product,price,move,market_size,market_share,demand_change,policy",
                "2026-01,S,竞品甲,A型,9800,降价,,,,", "2026-01,S,,,,,1000000,0.12,交期更短,"));
        assertThat(market.competitors()).singleElement().satisfies(c -> assertThat(c.price()).isEqualByComparingTo("9800"));
        assertThat(market.estimates()).singleElement().satisfies(e -> assertThat(e.share()).isEqualByComparingTo("0.12"));
        assertThatThrownBy(() -> parsers.market(table("period,unit_code,competitor,market_share",
                "2026-01,S,,12", "2026-01,S,,0.1", "2026-01,S,,0.2", "2026-01,S,,")))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors())
                        .extracting(LineError::line, LineError::field).containsExactly(
                                org.assertj.core.groups.Tuple.tuple(2, "market_share"), // 12 is not a fraction
                                org.assertj.core.groups.Tuple.tuple(4, "market_share"), // second estimate for S
                                org.assertj.core.groups.Tuple.tuple(5, null))); // an empty line of content
    }

    @Test
    void a_plan_line_needs_a_region_a_known_kpi_with_its_target_or_an_activity() {
        var parsers = new TemplateFileParsers(UNITS);
        Rows.Plan plan = parsers.plan(table("period,region_code,kpi_code,target,activity,owner,due_date,budget",
                "2026-02,R,SALES_AMOUNT,300000,,,,", "2026-02,R,,,华东展会,张三,2026-02-20,15000"), "SALES_AMOUNT"::equals);
        assertThat(plan.targets()).singleElement().satisfies(t -> assertThat(t.target()).isEqualByComparingTo("300000"));
        assertThat(plan.items()).singleElement().satisfies(i -> assertThat(i.budget()).isEqualByComparingTo("15000"));
        assertThatThrownBy(() -> parsers.plan(table("period,region_code,kpi_code,target,activity",
                "2026-02,S,SALES_AMOUNT,1,", "2026-02,R,NOPE,1,", "2026-02,R,SALES_AMOUNT,,"), "SALES_AMOUNT"::equals))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors())
                        .extracting(LineError::line, LineError::field).containsExactly(
                                org.assertj.core.groups.Tuple.tuple(2, "region_code"), // a department, not a region
                                org.assertj.core.groups.Tuple.tuple(3, "kpi_code"),
                                org.assertj.core.groups.Tuple.tuple(4, "target")));
    }
}
