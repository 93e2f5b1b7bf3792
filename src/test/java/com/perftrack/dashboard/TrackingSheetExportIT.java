package com.perftrack.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 12, finding 7: the committee's tracking sheet for a month whose units have no results yet. */
@IntegrationTest
class TrackingSheetExportIT {

    static final List<String> DEMO_USERS = List.of("gm", "vice", "secgen", "sales.head", "marketing.head",
            "production.head", "quality.head", "finance.head", "hr.head", "procurement.head", "pm.head",
            "contract.head", "sales1", "sales2", "sales3");

    @LocalServerPort
    int port;

    @Test
    void every_demo_user_gets_the_sheet_or_a_refusal_never_a_failure_for_a_month_without_results() throws Exception {
        Api api = new Api(port);
        byte[] organisation;
        try (InputStream in = getClass().getResourceAsStream("/demo/organisation.csv")) {
            organisation = in.readAllBytes();
        }
        var imported = api.postFile("/api/imports/organisation", "admin:it-admin-secret", "organisation.csv", organisation);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        HttpClient http = HttpClient.newHttpClient();
        for (String user : DEMO_USERS) {
            HttpResponse<byte[]> sheet = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/reports/monthly-tracking-sheet?period=2018-03"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (user + ":demo").getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(sheet.statusCode()).as(user + ": " + new String(sheet.body(), StandardCharsets.UTF_8)).isIn(200, 403);
            if (!user.startsWith("sales") || user.equals("sales.head")) {
                assertThat(sheet.statusCode()).as(user).isEqualTo(200);
            }
            if (sheet.statusCode() == 200) {
                assertThat(new String(sheet.body(), 0, 2, StandardCharsets.ISO_8859_1)).as(user + ": an xlsx (zip)").isEqualTo("PK");
            }
        }
    }
}
