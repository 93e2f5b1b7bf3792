package com.perftrack.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.kpi.KpiResultService;
import com.perftrack.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 18: the incremental store (stage + merge, only the changed months and their MoM/YoY
 * neighbours) leaves exactly the {@code kpi_result} and {@code kpi_data_gap} rows that a full
 * recalculation from scratch writes. Random imports through the import path, each followed by a
 * comparison with the month's rows deleted and computed again; plus deterministic rounds that
 * change only a neighbour month (MoM and YoY), remove roll-ups (rows that must disappear), and
 * re-import an unchanged file (nothing recalculated, results version untouched).
 */
@IntegrationTest
class IncrementalResultsIT {

    static final String COMPANY = "INCR";
    static final String[] KPIS = {"SALES_AMOUNT", "NEW_CUSTOMERS", "CUSTOMER_SATISFACTION", "SALES_CYCLE_DAYS"};
    static final int PEOPLE = 9; // IR1: INP1..4, IR2: INP5..7, IR3: INP8..9
    /** 2040-01 .. 2041-03: every month of 2041 has a YoY neighbour. */
    static final List<String> MONTHS = months();

    @Autowired
    ImportService imports;
    @Autowired
    KpiResultService results;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void random_imports_leave_the_same_rows_as_a_full_recalculation() {
        importOrganisation();
        Random random = new Random(18);
        for (int round = 0; round < 14; round++) {
            StringBuilder file = new StringBuilder("period,unit_type,unit_code,kpi_code,target,actual\n");
            int months = 1 + random.nextInt(3);
            for (int m = 0; m < months; m++) {
                String month = MONTHS.get(random.nextInt(MONTHS.size()));
                for (int p = 1; p <= PEOPLE; p++) {
                    for (String kpi : KPIS) {
                        if (random.nextInt(3) == 0) {
                            continue; // this import leaves the row as it is
                        }
                        file.append(month).append(",person,INP").append(p).append(',').append(kpi).append(',')
                                .append(random.nextInt(8) == 0 ? "" : String.valueOf(50 + random.nextInt(5) * 10)).append(',')
                                .append(random.nextInt(8) == 0 ? "" : String.valueOf(random.nextInt(100))).append('\n');
                    }
                }
                if (random.nextBoolean()) {
                    file.append(month).append(",company,INCR,COMPLAINTS,10,").append(random.nextInt(15)).append('\n');
                }
            }
            importFigures("round" + round + ".csv", file.toString());
            assertSameAsFullRecalculation("random round " + round);
        }
    }

    @Test
    void a_change_of_one_month_rewrites_its_mom_and_yoy_neighbours_and_nothing_else() {
        importOrganisation();
        StringBuilder file = new StringBuilder("period,unit_type,unit_code,kpi_code,target,actual\n");
        for (String month : List.of("2040-04", "2040-05", "2041-04")) {
            for (int p = 1; p <= PEOPLE; p++) {
                file.append(month).append(",person,INP").append(p).append(",SALES_AMOUNT,100,").append(60 + p).append('\n');
            }
        }
        importFigures("neighbours.csv", file.toString());
        assertSameAsFullRecalculation("three months");
        List<String> may = rows("2040-05");
        List<String> nextApril = rows("2041-04");
        List<String> march = rows("2040-03");

        long mayVersion = results.version("2040-05", "2040-05");
        long autumnVersion = results.version("2040-07", "2040-12");
        // only April 2040 changes: May's MoM and April 2041's YoY growth must follow
        importFigures("april.csv", "period,unit_type,unit_code,kpi_code,target,actual\n2040-04,person,INP1,SALES_AMOUNT,100,20\n");
        assertThat(results.version("2040-05", "2040-05")).as("May's dashboard answers are dropped").isGreaterThan(mayVersion);
        assertThat(results.version("2040-07", "2040-12")).as("autumn's answers stay cached").isEqualTo(autumnVersion);
        assertThat(rows("2040-05")).isNotEqualTo(may);
        assertThat(rows("2041-04")).isNotEqualTo(nextApril);
        assertThat(rows("2040-03")).isEqualTo(march);
        assertSameAsFullRecalculation("after the April change");
        // INP1's own row in May 2040: MoM growth (61 - 20) / 20 = 2.05; company roll-up MoM: May sum
        // 61+...+69 = 585, April 20+62+...+69 = 544 -> 41 / 544 = 0.075368 (half-up, 6 decimals)
        assertThat(jdbc.queryForObject("select mom_growth from kpi_result where period = '2040-05' and unit_code = 'INP1' "
                + "and kpi_code = 'SALES_AMOUNT'", java.math.BigDecimal.class)).isEqualByComparingTo("2.050000");
        assertThat(jdbc.queryForObject("select mom_growth from kpi_result where period = '2040-05' and unit_code = 'INCR' "
                + "and kpi_code = 'SALES_AMOUNT'", java.math.BigDecimal.class)).isEqualByComparingTo("0.075368");
        // and YoY of April 2041 for INP1: (61 - 20) / 20 = 2.05
        assertThat(jdbc.queryForObject("select yoy_growth from kpi_result where period = '2041-04' and unit_code = 'INP1' "
                + "and kpi_code = 'SALES_AMOUNT'", java.math.BigDecimal.class)).isEqualByComparingTo("2.050000");
    }

    @Test
    void roll_ups_without_complete_pairs_disappear_and_an_unchanged_re_import_recalculates_nothing() {
        importOrganisation();
        String complete = "period,unit_type,unit_code,kpi_code,target,actual\n"
                + "2042-09,person,INP8,NEW_CUSTOMERS,10,8\n2042-09,person,INP9,NEW_CUSTOMERS,10,12\n";
        importFigures("ir3.csv", complete);
        assertThat(count("2042-09", "IR3")).isEqualTo(1);
        // both people of IR3 lose their target: the region's roll-up row must go (a delete in the merge)
        importFigures("ir3-blank.csv", "period,unit_type,unit_code,kpi_code,target,actual\n"
                + "2042-09,person,INP8,NEW_CUSTOMERS,,8\n2042-09,person,INP9,NEW_CUSTOMERS,,12\n");
        assertThat(count("2042-09", "IR3")).isZero();
        assertSameAsFullRecalculation("after the roll-up vanished");

        importFigures("ir3.csv", complete);
        long version = version();
        Object calculatedAt = jdbc.queryForObject("select calculated_at from kpi_calculation where period = '2042-09'", Object.class);
        ImportService.ImportSummary again = importFigures("ir3.csv", complete);
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.resultRows()).as("nothing recalculated").isZero();
        assertThat(version()).as("dashboards keep their cache").isEqualTo(version);
        assertThat(jdbc.queryForObject("select calculated_at from kpi_calculation where period = '2042-09'", Object.class))
                .isEqualTo(calculatedAt);
        // recalculating a month to identical rows does not bump the results version either
        results.calculatePeriod("2042-09");
        assertThat(version()).isEqualTo(version);
    }

    private ImportService.ImportSummary importFigures(String name, String csv) {
        return imports.importFigures(name, csv.getBytes(StandardCharsets.UTF_8), "admin");
    }

    private void importOrganisation() {
        StringBuilder org = new StringBuilder("unit_type,code,name,parent_code,user_id,email,role\n"
                + "company,INCR,增量公司,,,,distribution\ndepartment,INCR-SALES,销售部,INCR,,,sales\n"
                + "region,IR1,一区,INCR-SALES,,,\nregion,IR2,二区,INCR-SALES,,,\nregion,IR3,三区,INCR-SALES,,,\n");
        for (int p = 1; p <= PEOPLE; p++) {
            String region = p <= 4 ? "IR1" : p <= 7 ? "IR2" : "IR3";
            org.append("person,INP").append(p).append(",员工").append(p).append(',').append(region).append(",,,")
                    .append(p % 2 == 0 ? "employee" : "").append('\n');
        }
        imports.importOrganisation("incr-org.csv", org.toString().getBytes(StandardCharsets.UTF_8), "admin");
    }

    /** Deletes the test's months' results and gaps, computes them from scratch, and compares. */
    private void assertSameAsFullRecalculation(String when) {
        List<String> incremental = rows(null);
        List<String> incrementalGaps = gaps();
        transaction.executeWithoutResult(s -> {
            jdbc.update("delete from kpi_result where period between '2040-01' and '2042-12'");
            jdbc.update("delete from kpi_data_gap where period between '2040-01' and '2042-12'");
            List<String> withFigures = jdbc.queryForList(
                    "select distinct period from figure where period between '2040-01' and '2042-12'", String.class);
            results.recalculate(withFigures);
        });
        assertThat(incremental).as(when).isNotEmpty();
        assertThat(rows(null)).as(when).containsExactlyElementsOf(incremental);
        assertThat(gaps()).as(when).containsExactlyElementsOf(incrementalGaps);
    }

    private List<String> rows(String period) {
        return jdbc.queryForList("select concat_ws('|', period, unit_type, unit_code, kpi_code, company_code, target, actual, "
                + "deviation, deviation_pct, attainment, mom_growth, yoy_growth, status, rank_in_group, rolled_up) "
                + "from kpi_result where company_code = ? and (cast(? as varchar) is null or period = ?) "
                + "order by period, unit_type, unit_code, kpi_code", String.class, COMPANY, period, period);
    }

    private List<String> gaps() {
        return jdbc.queryForList("select concat_ws('|', period, unit_type, unit_code, kpi_code, company_code, missing) "
                + "from kpi_data_gap where company_code = ? order by period, unit_type, unit_code, kpi_code", String.class,
                COMPANY);
    }

    private int count(String period, String unit) {
        return jdbc.queryForObject("select count(*) from kpi_result where period = ? and unit_code = ? "
                + "and kpi_code = 'NEW_CUSTOMERS'", Integer.class,
                period, unit);
    }

    private long version() {
        return jdbc.queryForObject("select version from kpi_results_version where id = 1", Long.class);
    }

    private static List<String> months() {
        List<String> months = new ArrayList<>();
        for (int m = 0; m < 15; m++) {
            months.add(String.format("%d-%02d", 2040 + m / 12, m % 12 + 1));
        }
        return months;
    }
}
