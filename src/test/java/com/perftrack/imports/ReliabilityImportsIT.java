package com.perftrack.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12, imports under load and with bad files: a 1.7 MB workbook of 440,000 rows (alone and
 * three at once) is refused by a limit while the application stays healthy; bad numbers, periods,
 * headers and formulas are refused with line and field and store nothing; imports beyond
 * {@code ptc.imports.max-concurrent} are answered 429 with Retry-After. Company RELI, periods 2015-xx.
 */
@IntegrationTest
class ReliabilityImportsIT {

    static final String ADMIN = "admin:it-admin-secret";
    static final String HEADER = "period,unit_type,unit_code,kpi_code,target,actual\n";
    static final String ORGANISATION = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,RELI,可靠公司,,,,distribution\n"
            + "department,RELI-SALES,销售部,RELI,,,sales\n"
            + "person,RLP1,员工一,RELI-SALES,,,\n"
            + "person,RLP2,员工二,RELI-SALES,,,\n";
    static final int ROWS = 440_000;
    private static byte[] huge;

    @LocalServerPort
    int port;
    @Autowired
    ImportGate gate;
    @Autowired
    ImportSettings settings;
    @Autowired
    DataSource dataSource;
    Api api;

    @BeforeEach
    void company() {
        api = new Api(port);
        var org = api.postFile("/api/imports/organisation", ADMIN, "reli.csv", ORGANISATION.getBytes(StandardCharsets.UTF_8));
        assertThat(org.status()).as(org.body()).isEqualTo(200);
    }

    /**
     * 440,000 rows as a program writes them (shared strings, no cell references): 1.7 MB packed,
     * about 48 MB of sheet XML unpacked.
     */
    static synchronized byte[] hugeWorkbook() {
        if (huge == null) {
            List<String> strings = new ArrayList<>(List.of("period", "unit_type", "unit_code", "kpi_code", "target",
                    "actual", "person", "SALES_AMOUNT", "NEW_CUSTOMERS", "COMPLAINTS", "ORDER_CONVERSION"));
            for (int m = 1; m <= 12; m++) {
                strings.add(String.format("2015-%02d", m));
            }
            for (int p = 0; p < 1000; p++) {
                strings.add("P" + p);
            }
            huge = RawXlsx.of(strings, sheet -> {
                sheet.write("<row>");
                for (int i = 0; i < 6; i++) {
                    sheet.write("<c t=\"s\"><v>" + i + "</v></c>");
                }
                sheet.write("</row>");
                StringBuilder row = new StringBuilder(160);
                for (int r = 0; r < ROWS; r++) {
                    // each person: 12 months x 4 KPIs, every value written two or three times over
                    int q = r * 2 / 5;
                    int person = (q / 48) % 1000;
                    row.setLength(0);
                    row.append("<row><c t=\"s\"><v>").append(11 + q % 12).append("</v></c><c t=\"s\"><v>6</v></c>")
                            .append("<c t=\"s\"><v>").append(23 + person).append("</v></c>")
                            .append("<c t=\"s\"><v>").append(7 + (q / 12) % 4).append("</v></c>")
                            .append("<c><v>").append(1000 + (person * 13) % 97).append("</v></c>")
                            .append("<c><v>").append(900 + (q * 37) % 1000).append("</v></c></row>");
                    sheet.write(row.toString());
                }
            });
        }
        return huge;
    }

    @Test
    void a_workbook_of_440_000_rows_is_refused_at_the_row_limit_and_the_application_stays_healthy() {
        byte[] xlsx = hugeWorkbook();
        assertThat(xlsx.length).as("packed size, as in the issue").isBetween(1_600_000, 1_850_000);

        Api.Response refused = api.postFile("/api/imports/figures", ADMIN, "huge.xlsx", xlsx);

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(settings.maxRows() + 2);
        assertThat(error.get("message").asText()).contains("行数超过上限 " + settings.maxRows())
                .contains("more than " + settings.maxRows() + " data lines");
        assertHealthyAndImporting("2015-01");
    }

    @Test
    void three_of_them_at_once_are_all_refused_and_the_application_stays_healthy() throws Exception {
        byte[] xlsx = hugeWorkbook();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Api.Response>> replies = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                replies.add(pool.submit(() -> api.postFile("/api/imports/figures", ADMIN, "huge.xlsx", xlsx)));
            }
            for (Future<Api.Response> reply : replies) {
                Api.Response response = reply.get(120, TimeUnit.SECONDS);
                // 422 at the row limit, or 429 when the other two hold both import slots
                assertThat(response.status()).as(response.body()).isIn(422, 429);
                assertThat(response.json().get("detail").asText()).isNotBlank();
            }
        } finally {
            pool.shutdownNow();
        }
        assertHealthyAndImporting("2015-02");
    }

    @Test
    void bad_numbers_and_periods_are_refused_naming_line_and_field_and_nothing_of_the_file_is_stored() {
        String file = HEADER
                + "2015-03,person,RLP1,SALES_AMOUNT,1000,1e2147483648\n"
                + "2015-03,person,RLP1,NEW_CUSTOMERS,99999999999999.9999999,3\n"
                + "0000-01,person,RLP1,COMPLAINTS,1,1\n"
                + "2015-03,person,RLP2,SALES_AMOUNT,1000,900\n"; // good, and still not stored
        Api.Response refused = api.postFile("/api/imports/figures", ADMIN, "bad.csv", file.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(lineFields(refused)).containsExactly("2:actual", "3:target", "4:period");
        assertThat(refused.json().get("errors").get(0).get("message").asText()).contains("out of range");
        assertThat(refused.json().get("errors").get(1).get("message").asText()).contains("6 decimal places");
        assertThat(api.get("/api/figures?period=2015-03", ADMIN).json()).isEmpty();
    }

    @Test
    void a_duplicate_header_column_is_refused_at_line_1() {
        String file = "period,unit_type,unit_code,kpi_code,target,actual,actual\n2015-04,person,RLP1,SALES_AMOUNT,1,1,2\n";
        Api.Response refused = api.postFile("/api/imports/figures", ADMIN, "dup.csv", file.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(lineFields(refused)).containsExactly("1:actual");
        assertThat(refused.json().get("errors").get(0).get("message").asText()).contains("duplicate column 'actual'");
        assertThat(api.get("/api/figures?period=2015-04", ADMIN).json()).isEmpty();
    }

    @Test
    void a_formula_without_a_cached_value_is_refused_naming_the_cell_and_one_with_a_value_counts() {
        byte[] uncalculated = RawXlsx.of(List.of(), sheet -> sheet.write(
                RawXlsx.row(1, "period", "unit_type", "unit_code", "kpi_code", "target", "actual")
                        + RawXlsx.row(2, "2015-05", "person", "RLP1", "SALES_AMOUNT", "1000", "800")
                        + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>2015-05</t></is></c>"
                        + "<c r=\"B3\" t=\"inlineStr\"><is><t>person</t></is></c><c r=\"C3\" t=\"inlineStr\"><is><t>RLP2</t></is></c>"
                        + "<c r=\"D3\" t=\"inlineStr\"><is><t>SALES_AMOUNT</t></is></c>"
                        + "<c r=\"E3\"><f>E2</f></c><c r=\"F3\"><v>700</v></c></row>"));
        Api.Response refused = api.postFile("/api/imports/figures", ADMIN, "formula.xlsx", uncalculated);

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(lineFields(refused)).containsExactly("3:target");
        assertThat(refused.json().get("errors").get(0).get("message").asText()).contains("E3")
                .contains("formula without a cached value");
        assertThat(api.get("/api/figures?period=2015-05", ADMIN).json()).isEmpty();

        byte[] calculated = RawXlsx.of(List.of(), sheet -> sheet.write(
                RawXlsx.row(1, "period", "unit_type", "unit_code", "kpi_code", "target", "actual")
                        + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>2015-05</t></is></c>"
                        + "<c r=\"B2\" t=\"inlineStr\"><is><t>person</t></is></c><c r=\"C2\" t=\"inlineStr\"><is><t>RLP2</t></is></c>"
                        + "<c r=\"D2\" t=\"inlineStr\"><is><t>SALES_AMOUNT</t></is></c>"
                        + "<c r=\"E2\"><f>500*2</f><v>1000</v></c><c r=\"F2\"><v>700</v></c></row>"));
        Api.Response stored = api.postFile("/api/imports/figures", ADMIN, "formula.xlsx", calculated);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        JsonNode figure = api.get("/api/figures?period=2015-05&unitCode=RLP2", ADMIN).json().get(0);
        assertThat(figure.get("target").decimalValue()).isEqualByComparingTo("1000");
    }

    @Test
    void imports_beyond_the_cap_are_answered_429_with_retry_after_while_the_admitted_ones_finish() throws Exception {
        int slots = settings.maxConcurrent();
        ExecutorService pool = Executors.newFixedThreadPool(slots);
        List<Future<Api.Response>> admitted = new ArrayList<>();
        try (Connection lock = dataSource.getConnection()) {
            // every figure import stores under this row lock: held here, admitted imports wait inside their slot
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.executeQuery("select version from kpi_results_version where id = 1 for update").close();
            }
            for (int i = 0; i < slots; i++) {
                String file = HEADER + String.format("2015-%02d", 6 + i) + ",person,RLP1,SALES_AMOUNT,1000," + (900 + i) + "\n";
                admitted.add(pool.submit(() -> api.postFile("/api/imports/figures", ADMIN, "slow.csv",
                        file.getBytes(StandardCharsets.UTF_8))));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (gate.inUse() < slots && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(gate.inUse()).as("admitted imports hold every slot").isEqualTo(slots);

            HttpResponse<String> busy = post("/api/imports/figures",
                    HEADER + "2015-09,person,RLP2,SALES_AMOUNT,1000,1000\n");
            assertThat(busy.statusCode()).as(busy.body()).isEqualTo(429);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue(String.valueOf(settings.retryAfterSeconds()));
            JsonNode problem = new Api.Response(busy.statusCode(), busy.body()).json();
            assertThat(problem.get("status").asInt()).isEqualTo(429);
            assertThat(problem.get("detail").asText()).contains("已有 " + slots + " 个导入正在进行")
                    .contains("try again in " + settings.retryAfterSeconds() + " s");
            assertThat(post("/api/imports/organisation", ORGANISATION).statusCode())
                    .as("one cap for both kinds of import").isEqualTo(429);
            lock.rollback();
        }
        for (Future<Api.Response> reply : admitted) {
            Api.Response response = reply.get(60, TimeUnit.SECONDS);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }
        pool.shutdown();
        assertThat(gate.inUse()).isZero();
        assertThat(api.get("/api/figures?period=2015-09", ADMIN).json()).as("the refused file stored nothing").isEmpty();
        assertHealthyAndImporting("2015-09");
    }

    @Test
    void a_file_over_the_upload_limit_is_answered_413_with_a_sentence_naming_the_limit() {
        // over max-file-size (10 MB), under max-request-size (11 MB): Tomcat reads the request to the
        // limit and answers; a body far beyond both is cut off with the connection
        byte[] big = new byte[10 * 1024 * 1024 + 512 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        Api.Response refused = api.postFile("/api/imports/figures", ADMIN, "big.csv", big);

        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(refused.json().get("detail").asText()).contains("10 MB");
        assertHealthyAndImporting("2015-10");
    }

    private void assertHealthyAndImporting(String period) {
        Api.Response health = api.get("/actuator/health", null);
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        String file = HEADER + period + ",person,RLP1,SALES_AMOUNT,1000,950\n";
        Api.Response normal = api.postFile("/api/imports/figures", ADMIN, "normal.csv", file.getBytes(StandardCharsets.UTF_8));
        assertThat(normal.status()).as(normal.body()).isEqualTo(200);
        assertThat(api.get("/api/figures?period=" + period + "&unitCode=RLP1", ADMIN).json().get(0).get("actual").decimalValue())
                .isEqualByComparingTo("950");
    }

    private static List<String> lineFields(Api.Response response) {
        List<String> errors = new ArrayList<>();
        response.json().get("errors").forEach(e -> errors.add(e.get("line").asInt() + ":" + e.get("field").asText()));
        return errors;
    }

    /** One multipart POST whose headers the test reads (Retry-After). */
    private HttpResponse<String> post(String path, String csv) throws Exception {
        String boundary = "----reli" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("admin:it-admin-secret".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
