package com.perftrack.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.kpi.KpiResultService;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12, finding 1: imports of one month arriving together. Every import succeeds, and the
 * stored results are exactly what a fresh recalculation from the stored figures gives. At most
 * {@code ptc.imports.max-concurrent} run at once; the others are answered 429 and, like a real
 * client, send their file again after Retry-After (ReliabilityImportsIT checks that answer).
 */
@IntegrationTest
class ConcurrentImportsIT {

    static final String ADMIN = "admin:it-admin-secret";
    static final String PERIOD = "2017-05";
    static final int PEOPLE = 8;

    @LocalServerPort
    int port;
    @Autowired
    KpiResultService results;
    @Autowired
    ImportSettings settings;

    @Test
    void parallel_imports_of_one_month_disjoint_and_overlapping_all_succeed_and_equal_a_recalculation() throws Exception {
        Api api = new Api(port);
        StringBuilder organisation = new StringBuilder("unit_type,code,name,parent_code,user_id,email,role\n"
                + "company,RACE,竞速公司,,,,distribution\ndepartment,RACE-SALES,销售部,RACE,,,sales\n");
        for (int i = 1; i <= PEOPLE; i++) {
            organisation.append("person,RP").append(i).append(",员工").append(i).append(",RACE-SALES,,,\n");
        }
        var org = api.postFile("/api/imports/organisation", ADMIN, "race.csv", organisation.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(org.status()).as(org.body()).isEqualTo(200);

        ExecutorService pool = Executors.newFixedThreadPool(PEOPLE);
        try {
            List<Future<Api.Response>> replies = new ArrayList<>();
            for (int i = 1; i <= PEOPLE; i++) {
                // each file: its own person (disjoint) and the company's complaints (the same row in all)
                String file = "period,unit_type,unit_code,kpi_code,target,actual\n"
                        + PERIOD + ",company,RACE,COMPLAINTS,10,5\n"
                        + PERIOD + ",person,RP" + i + ",SALES_AMOUNT,1000," + (900 + i) + "\n";
                replies.add(pool.submit(() -> postUntilAdmitted(api, file.getBytes(StandardCharsets.UTF_8))));
            }
            for (Future<Api.Response> reply : replies) {
                Api.Response response = reply.get();
                assertThat(response.status()).as(response.body()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        JsonNode stored = api.get("/api/kpi-results?period=" + PERIOD + "&unitType=person", ADMIN).json();
        for (int i = 1; i <= PEOPLE; i++) {
            String code = "RP" + i;
            JsonNode row = null;
            for (JsonNode r : stored) {
                if (code.equals(r.get("unitCode").asText()) && "SALES_AMOUNT".equals(r.get("kpiCode").asText())) {
                    row = r;
                }
            }
            assertThat(row).as(code + " has its result").isNotNull();
            assertThat(row.get("actual").decimalValue()).isEqualByComparingTo(String.valueOf(900 + i));
        }
        // the company's SALES_AMOUNT rolls every person up: 8 x 1000 target, 7236 = sum(901..908) actual
        JsonNode company = api.get("/api/kpi-results?period=" + PERIOD + "&unitType=company&unitCode=RACE", ADMIN).json();
        String before = company.toString();
        assertThat(before).contains("SALES_AMOUNT");
        for (JsonNode r : company) {
            if ("SALES_AMOUNT".equals(r.get("kpiCode").asText())) {
                assertThat(r.get("actual").decimalValue()).isEqualByComparingTo("7236");
                assertThat(r.get("target").decimalValue()).isEqualByComparingTo("8000");
            }
        }
        results.calculatePeriod(PERIOD);
        assertThat(api.get("/api/kpi-results?period=" + PERIOD + "&unitType=company&unitCode=RACE", ADMIN).json().toString())
                .as("equal to a fresh recalculation").isEqualTo(before);
        assertThat(api.get("/api/kpi-results?period=" + PERIOD + "&unitType=person", ADMIN).json().toString())
                .isEqualTo(stored.toString());
    }

    /** Sends the file again after Retry-After while the import slots are taken. */
    private Api.Response postUntilAdmitted(Api api, byte[] file) throws InterruptedException {
        for (int attempt = 0; attempt < 30; attempt++) {
            Api.Response response = api.postFile("/api/imports/figures", ADMIN, "race.csv", file);
            if (response.status() != 429) {
                return response;
            }
            Thread.sleep(settings.retryAfterSeconds() * 1000L);
        }
        throw new AssertionError("30 times 429: the import slots never came free");
    }
}
