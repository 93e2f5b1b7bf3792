package com.perftrack.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import com.perftrack.kpi.Kpi;
import com.perftrack.kpi.KpiCatalog.CatalogueRow;
import com.perftrack.kpi.KpiCatalog.WeightRow;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalogue and weights files of SPEC.md section 7, line by line. */
class KpiCatalogueFilesTest {

    static final String CATALOGUE = "code,name_zh,name_en,unit,aggregation,direction,decimals,source_role\n";
    static final String WEIGHTS = "company_code,role,kpi_code,weight,valid_from\n";
    static final Map<String, Kpi> STORED = Map.of(
            "SALES_AMOUNT", new Kpi("SALES_AMOUNT", "销售额", "Sales amount", "CNY", "higher", "sum", "sales", 2),
            "EMPTY_ONE", new Kpi("EMPTY_ONE", "无数据", "No figures", "count", "higher", "sum", "sales", 0));

    static ImportTable table(String csv) {
        return new TableReader(100).read(csv.getBytes(StandardCharsets.UTF_8));
    }

    List<CatalogueRow> catalogue(String csv) {
        return new KpiCatalogueFileValidator(STORED, Set.of("SALES_AMOUNT")).validate(table(CATALOGUE + csv));
    }

    @Test
    void new_codes_and_renames_are_accepted_and_an_empty_english_name_takes_the_code() {
        List<CatalogueRow> rows = catalogue("PROJECT_COMPLETION,项目完成率,,%,avg,higher,4,project-management\n"
                + "SALES_AMOUNT,销售收入,Revenue,CNY,sum,higher,0,sales\n"
                + "EMPTY_ONE,无数据,No figures,count,avg,lower,0,quality\n");
        assertThat(rows).containsExactly(
                new CatalogueRow("PROJECT_COMPLETION", "项目完成率", "PROJECT_COMPLETION", "%", "avg", "higher", 4, "project-management"),
                new CatalogueRow("SALES_AMOUNT", "销售收入", "Revenue", "CNY", "sum", "higher", 0, "sales"),
                // a KPI without figures may still change how it is aggregated and judged
                new CatalogueRow("EMPTY_ONE", "无数据", "No figures", "count", "avg", "lower", 0, "quality"));
    }

    @Test
    void every_bad_catalogue_line_is_reported_and_a_kpi_with_figures_keeps_aggregation_and_direction() {
        var e = catchThrowableOfType(ImportRejectedException.class, () -> catalogue(
                "1BAD,名,Name,count,sum,higher,0,sales\n"                 // 2 code
                + "NO_NAME,,Name,count,sum,higher,0,sales\n"             // 3 name_zh
                + "NO_UNIT,名,Name,,median,up,7,Sales\n"                  // 4 unit, aggregation, direction, decimals, role
                + "SALES_AMOUNT,销售额,Sales,CNY,avg,lower,2,sales\n"     // 5 aggregation and direction of a KPI with figures
                + "TWICE,名,Name,count,sum,higher,0,sales\n"
                + "TWICE,名,Name,count,sum,higher,0,sales\n"))          // 7 code twice
                ;
        assertThat(e.errors()).extracting(LineError::line, LineError::field).containsExactly(
                tuple(2, "code"), tuple(3, "name_zh"), tuple(4, "unit"), tuple(4, "aggregation"), tuple(4, "direction"),
                tuple(4, "decimals"), tuple(4, "source_role"), tuple(5, "aggregation"), tuple(5, "direction"),
                tuple(7, "code"));
        assertThat(e.errors().get(7).message()).contains("SALES_AMOUNT").contains("sum").contains("create a new code");
    }

    List<WeightRow> weights(String csv) {
        return new KpiWeightFileValidator(Set.of("ACME"), Set.of("SALES_AMOUNT", "NEW_CUSTOMERS")::contains)
                .validate(table(WEIGHTS + csv));
    }

    @Test
    void weight_sets_are_read_with_their_quarter() {
        assertThat(weights("ACME,employee,SALES_AMOUNT,60,2026-Q3\nACME,employee,NEW_CUSTOMERS,0,2026-Q3\n"))
                .containsExactly(new WeightRow("ACME", "employee", "SALES_AMOUNT", new BigDecimal("60"), "2026-Q3"),
                        new WeightRow("ACME", "employee", "NEW_CUSTOMERS", new BigDecimal("0"), "2026-Q3"));
    }

    @Test
    void every_bad_weight_line_is_reported() {
        var e = catchThrowableOfType(ImportRejectedException.class, () -> weights(
                "NOPE,employee,SALES_AMOUNT,10,2026-Q1\n"         // 2 company
                + "ACME,Employee,SALES_AMOUNT,10,2026-Q1\n"       // 3 role
                + "ACME,employee,NO_KPI,-5,2026-Q5\n"             // 4 kpi, weight, quarter
                + "ACME,employee,SALES_AMOUNT,10,2026-Q2\n"
                + "ACME,employee,SALES_AMOUNT,20,2026-Q2\n"       // 6 twice in one set
                + "ACME,sales,SALES_AMOUNT,0,2026-Q2\n"));        // 7 a set whose weights are all 0
        assertThat(e.errors()).extracting(LineError::line, LineError::field).containsExactly(
                tuple(2, "company_code"), tuple(3, "role"), tuple(4, "kpi_code"), tuple(4, "weight"),
                tuple(4, "valid_from"), tuple(6, "kpi_code"), tuple(7, "weight"));
    }
}
