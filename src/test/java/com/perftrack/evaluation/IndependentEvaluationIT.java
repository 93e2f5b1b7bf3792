package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TestCompanies;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An independent company (INDQ, a dozen sales people, role employee, one peer group) and a year of
 * figures, imported through the public API only, then GET /api/evaluations for all four quarters
 * compared with results worked out by hand from SPEC.md sections 3 and 4.
 *
 * <p>Every month has SALES_AMOUNT target 100 and actual 100 × a, so a quarter's attainment is a
 * (sum of actuals / sum of targets). With only one weighted KPI reported the weights renormalise
 * to it and score = attainment. Special cases:
 * <ul>
 * <li>IND-E03 also reports NEW_CUSTOMERS 10 / 8 in Q1: score = (50 × 1.10 + 20 × 0.80) / (50 + 20)
 *     = 71 / 70 = 1.0143 (4 decimals);</li>
 * <li>IND-E11 reaches 160% in Q1: capped at 150%;</li>
 * <li>IND-E12 leaves May's actual empty: Q2 counts April and June only, (110 + 90) / 200 = 1.0000.</li>
 * </ul>
 * Top ⌈10% × 12⌉ = 2 places get BONUS, ties at the boundary included; 2, 3, ≥4 consecutive quarters
 * below 100% give WARNING, FINE, DEMOTION_OR_TRANSFER_REVIEW; a quarter at or above 100% resets.
 */
@IntegrationTest
class IndependentEvaluationIT {

    /** The administrator of the IT profile: creates the test's own company and writes its units (issue 10). */
    static final String ADMIN = "admin:it-admin-secret";

    /** Quarterly attainment a per person, Q1..Q4 (IND-E03's Q1 and IND-E12's Q2 see above). */
    static final Map<String, double[]> ATTAINMENT = new java.util.LinkedHashMap<>();

    static {
        ATTAINMENT.put("IND-E01", new double[] {1.2, 1.1, 1.1, 1.1});
        ATTAINMENT.put("IND-E02", new double[] {1.2, 1.0, 1.0, 1.0});
        ATTAINMENT.put("IND-E03", new double[] {1.1, 1.05, 1.05, 1.05});
        ATTAINMENT.put("IND-E04", new double[] {0.9, 0.9, 0.9, 1.2});
        ATTAINMENT.put("IND-E05", new double[] {0.8, 0.8, 1.0, 1.0});
        ATTAINMENT.put("IND-E06", new double[] {0.95, 1.0, 1.0, 1.0});
        ATTAINMENT.put("IND-E07", new double[] {1.0, 1.0, 1.0, 1.0});
        ATTAINMENT.put("IND-E08", new double[] {0.99, 0.98, 0.98, 1.0});
        ATTAINMENT.put("IND-E09", new double[] {1.05, 1.3, 1.3, 1.3});
        ATTAINMENT.put("IND-E10", new double[] {0.7, 0.7, 0.7, 0.7});
        ATTAINMENT.put("IND-E11", new double[] {1.6, 1.2, 1.2, 1.4});
        ATTAINMENT.put("IND-E12", new double[] {1.02, 1.0, 1.02, 1.02});
    }

    /** person → {score, rank, belowTarget, consecutive, outcome} per quarter, worked out by hand. */
    static final Object[][][] EXPECTED = {
        // Q1: E11 1.5 (cap) | E01 E02 1.2 | E09 1.05 | E12 1.02 | E03 1.0143 | E07 1.0 | E08 .99 | E06 .95 | E04 .9 | E05 .8 | E10 .7
        {{"IND-E01", "1.2000", 2, false, 0, "BONUS"}, {"IND-E02", "1.2000", 2, false, 0, "BONUS"},
         {"IND-E03", "1.0143", 6, false, 0, null}, {"IND-E04", "0.9000", 10, true, 1, null},
         {"IND-E05", "0.8000", 11, true, 1, null}, {"IND-E06", "0.9500", 9, true, 1, null},
         {"IND-E07", "1.0000", 7, false, 0, null}, {"IND-E08", "0.9900", 8, true, 1, null},
         {"IND-E09", "1.0500", 4, false, 0, null}, {"IND-E10", "0.7000", 12, true, 1, null},
         {"IND-E11", "1.5000", 1, false, 0, "BONUS"}, {"IND-E12", "1.0200", 5, false, 0, null}},
        // Q2: E09 1.3 | E11 1.2 | E01 1.1 | E03 1.05 | E02 E06 E07 E12 1.0 | E08 .98 | E04 .9 | E05 .8 | E10 .7
        {{"IND-E01", "1.1000", 3, false, 0, null}, {"IND-E02", "1.0000", 5, false, 0, null},
         {"IND-E03", "1.0500", 4, false, 0, null}, {"IND-E04", "0.9000", 10, true, 2, "WARNING"},
         {"IND-E05", "0.8000", 11, true, 2, "WARNING"}, {"IND-E06", "1.0000", 5, false, 0, null},
         {"IND-E07", "1.0000", 5, false, 0, null}, {"IND-E08", "0.9800", 9, true, 2, "WARNING"},
         {"IND-E09", "1.3000", 1, false, 0, "BONUS"}, {"IND-E10", "0.7000", 12, true, 2, "WARNING"},
         {"IND-E11", "1.2000", 2, false, 0, "BONUS"}, {"IND-E12", "1.0000", 5, false, 0, null}},
        // Q3: E09 1.3 | E11 1.2 | E01 1.1 | E03 1.05 | E12 1.02 | E02 E05 E06 E07 1.0 | E08 .98 | E04 .9 | E10 .7
        {{"IND-E01", "1.1000", 3, false, 0, null}, {"IND-E02", "1.0000", 6, false, 0, null},
         {"IND-E03", "1.0500", 4, false, 0, null}, {"IND-E04", "0.9000", 11, true, 3, "FINE"},
         {"IND-E05", "1.0000", 6, false, 0, null}, {"IND-E06", "1.0000", 6, false, 0, null},
         {"IND-E07", "1.0000", 6, false, 0, null}, {"IND-E08", "0.9800", 10, true, 3, "FINE"},
         {"IND-E09", "1.3000", 1, false, 0, "BONUS"}, {"IND-E10", "0.7000", 12, true, 3, "FINE"},
         {"IND-E11", "1.2000", 2, false, 0, "BONUS"}, {"IND-E12", "1.0200", 5, false, 0, null}},
        // Q4: E11 1.4 | E09 1.3 | E04 1.2 | E01 1.1 | E03 1.05 | E12 1.02 | E02 E05 E06 E07 E08 1.0 | E10 .7
        {{"IND-E01", "1.1000", 4, false, 0, null}, {"IND-E02", "1.0000", 7, false, 0, null},
         {"IND-E03", "1.0500", 5, false, 0, null}, {"IND-E04", "1.2000", 3, false, 0, null},
         {"IND-E05", "1.0000", 7, false, 0, null}, {"IND-E06", "1.0000", 7, false, 0, null},
         {"IND-E07", "1.0000", 7, false, 0, null}, {"IND-E08", "1.0000", 7, false, 0, null},
         {"IND-E09", "1.3000", 2, false, 0, "BONUS"}, {"IND-E10", "0.7000", 12, true, 4, "DEMOTION_OR_TRANSFER_REVIEW"},
         {"IND-E11", "1.4000", 1, false, 0, "BONUS"}, {"IND-E12", "1.0200", 6, false, 0, null}},
    };

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    Api api;

    @BeforeEach
    void importTheCompany() {
        api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, "INDQ");
        StringBuilder org = new StringBuilder("unit_type,code,name,parent_code,user_id,email,role\n")
                .append("company,INDQ,独立核对公司,,gm,,production\n")
                .append("department,INDQ-SALES,销售部,INDQ,sales.head,,sales\n")
                .append("region,INDQ-R1,一区,INDQ-SALES,,,\n");
        ATTAINMENT.keySet().forEach(p -> org.append("person,").append(p).append(",员工").append(p.substring(5))
                .append(",INDQ-R1,").append(p.toLowerCase()).append(",,employee\n"));
        var organisation = api.postFile("/api/imports/organisation", ADMIN, "indq.csv", bytes(org.toString()));
        assertThat(organisation.status()).as(organisation.body()).isEqualTo(200);

        StringBuilder figures = new StringBuilder("period,unit_type,unit_code,kpi_code,target,actual\n");
        for (var person : ATTAINMENT.entrySet()) {
            for (int month = 1; month <= 12; month++) {
                String period = String.format("2025-%02d", month);
                String actual = actual(person.getKey(), person.getValue()[(month - 1) / 3], month);
                figures.append(period).append(",person,").append(person.getKey()).append(",SALES_AMOUNT,100,")
                        .append(actual).append('\n');
                if (person.getKey().equals("IND-E03") && month <= 3) {
                    figures.append(period).append(",person,IND-E03,NEW_CUSTOMERS,10,8\n");
                }
            }
        }
        var imported = api.postFile("/api/imports/figures", "sales.head", "indq-2025.csv", bytes(figures.toString()));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }

    static String actual(String person, double attainment, int month) {
        if (person.equals("IND-E12") && month >= 4 && month <= 6) {
            return month == 4 ? "110" : month == 5 ? "" : "90"; // May not reported: a data gap
        }
        return String.valueOf(Math.round(attainment * 100));
    }

    @Test
    void evaluations_of_all_four_quarters_equal_the_hand_computed_results() {
        for (int q = 1; q <= 4; q++) {
            var response = api.get("/api/evaluations?quarter=2025-Q" + q, "hr.head");
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            Map<String, JsonNode> rows = new HashMap<>();
            response.json().forEach(r -> rows.put(r.get("personCode").asText(), r));
            for (Object[] expected : EXPECTED[q - 1]) {
                String person = (String) expected[0];
                JsonNode row = rows.get(person);
                String where = "2025-Q" + q + " " + person;
                assertThat(row).as(where).isNotNull();
                assertThat(row.get("score").decimalValue()).as(where + " score")
                        .isEqualByComparingTo(new BigDecimal((String) expected[1]));
                assertThat(row.get("rank").asInt()).as(where + " rank").isEqualTo(expected[2]);
                assertThat(row.get("belowTarget").asBoolean()).as(where + " belowTarget").isEqualTo(expected[3]);
                assertThat(row.get("consecutiveQuartersBelow").asInt()).as(where + " consecutive").isEqualTo(expected[4]);
                JsonNode outcome = row.get("outcome");
                assertThat(outcome == null || outcome.isNull() ? null : outcome.asText()).as(where + " outcome")
                        .isEqualTo(expected[5]);
            }
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
