package com.perftrack.cycle;

import static com.perftrack.support.Bench.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.support.Bench;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (not part of mvn test/verify; issue 18 "real cycle starts per second"): starting a real
 * {@code monthly-tracking-cycle} over the engine's REST API and running its asynchronous job (the cycle
 * opens one collection task per committee department), against a bare process over the same REST
 * (start → asynchronous service task → user task), in alternating rounds; and a bare process with the cycle's
 * fan-out (five parallel user tasks), to tell the engine's cost of five tasks from the application's own. Counts the rows each start
 * writes (every table of the database, before and after). Run:
 * {@code mvn -B -ntp -Pbenchmark test -Dtest=CycleStartBenchmark}.
 */
class CycleStartBenchmark {

    static final int STARTS = 30;
    static final int ROUNDS = 3;
    static final String ADMIN = "admin:benchmark-only-secret";
    static final String ORGANISATION = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,BENCH,基准公司,,bench.gm,,production\n"
            + "department,BENCH-SALES,销售部,BENCH,bench.sales,,sales\n"
            + "department,BENCH-MKT,市场部,BENCH,bench.mkt,,marketing\n"
            + "department,BENCH-PROD,生产部,BENCH,bench.prod,,production\n"
            + "department,BENCH-QUAL,质量部,BENCH,bench.qual,,quality\n"
            + "department,BENCH-FIN,财务部,BENCH,bench.fin,,finance\n"
            + "department,BENCH-HR,人力资源部,BENCH,bench.hr,,hr\n"
            + "person,BENCH-P1,甲,BENCH-SALES,bench.p1,,\n";

    final HttpClient http = HttpClient.newHttpClient();
    String base;

    @Test
    void real_cycle_starts_against_a_bare_process() throws Exception {
        String machine = Bench.machine();
        try (ConfigurableApplicationContext context = Bench.start("ptc_bench_cycle")) {
            base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            ManagementService management = context.getBean(ManagementService.class);
            context.getBean(RepositoryService.class).createDeployment().name("bare benchmark process")
                    .addModelInstance("bare.bpmn", Bpmn.createExecutableProcess("bare-benchmark")
                            .camundaHistoryTimeToLive(180).startEvent()
                            .serviceTask("work").camundaAsyncBefore().camundaExpression("${true}")
                            .userTask("task").camundaAssignee("admin").endEvent().done())
                    .deploy();
            // the same shape with the cycle's fan-out: five parallel department tasks with a candidate group
            context.getBean(RepositoryService.class).createDeployment().name("bare fan-out benchmark process")
                    .addModelInstance("bare-five.bpmn", Bpmn.createExecutableProcess("bare-five-benchmark")
                            .camundaHistoryTimeToLive(180).startEvent()
                            .serviceTask("work").camundaAsyncBefore().camundaExpression("${true}")
                            .userTask("tasks").camundaCandidateGroups("sales").multiInstance().parallel().cardinality("5")
                            .multiInstanceDone().endEvent().done())
                    .deploy();
            multipart("/api/imports/organisation", "organisation.csv", ORGANISATION);

            long[] bare = new long[ROUNDS];
            long[] real = new long[ROUNDS];
            long[] five = new long[ROUNDS];
            long fiveRows = 0;
            long bareRows = 0;
            long realRows = 0;
            int month = 0;
            for (int round = -1; round < ROUNDS; round++) { // round -1 warms up
                long before = rows(jdbc);
                long t = System.nanoTime();
                for (int i = 0; i < STARTS; i++) {
                    String id = start("bare-benchmark", "{}");
                    runJobs(management, id);
                }
                long bareTime = System.nanoTime() - t;
                long afterBare = rows(jdbc);
                t = System.nanoTime();
                for (int i = 0; i < STARTS; i++, month++) {
                    String period = String.format("%d-%02d", 2000 + month / 12, month % 12 + 1);
                    String id = start("monthly-tracking-cycle", "{\"variables\":{\"period\":{\"value\":\"" + period
                            + "\",\"type\":\"String\"},\"companyCode\":{\"value\":\"BENCH\",\"type\":\"String\"}}}");
                    runJobs(management, id);
                }
                long realTime = System.nanoTime() - t;
                long afterReal = rows(jdbc);
                t = System.nanoTime();
                for (int i = 0; i < STARTS; i++) {
                    runJobs(management, start("bare-five-benchmark", "{}"));
                }
                long fiveTime = System.nanoTime() - t;
                long afterFive = rows(jdbc);
                if (round >= 0) {
                    five[round] = fiveTime;
                    fiveRows += afterFive - afterReal;
                    bare[round] = bareTime;
                    real[round] = realTime;
                    bareRows += afterBare - before;
                    realRows += afterReal - afterBare;
                }
            }
            Integer tasks = jdbc.queryForObject("select count(*) from act_ru_task where name_ like '%2000-01%'", Integer.class);
            assertThat(tasks).as("the first benchmark cycle opened its collection tasks").isGreaterThanOrEqualTo(5);
            double bareRate = STARTS / (Bench.median(bare) / 1000);
            double realRate = STARTS / (Bench.median(real) / 1000);
            double fiveRate = STARTS / (Bench.median(five) / 1000);
            StringBuilder md = new StringBuilder();
            md.append("### Cycle starts over REST with their asynchronous job (`mvn -B -ntp -Pbenchmark test -Dtest=CycleStartBenchmark`)\n\n");
            md.append(machine).append("; ").append(STARTS).append(" starts per round, median of ").append(ROUNDS)
                    .append(" rounds after a warm-up, bare and real rounds alternating.\n\n");
            md.append("| what | starts/s | rows written per start | ratio to the bare process |\n| --- | ---: | ---: | ---: |\n");
            md.append(row("bare process (start → async service task → user task)", String.format("%.1f", bareRate),
                    bareRows / (ROUNDS * STARTS), "1.00")).append('\n');
            md.append(row("real `monthly-tracking-cycle` (its async job opens the collection tasks)",
                    String.format("%.1f", realRate), realRows / (ROUNDS * STARTS), String.format("%.2f× (goal ≥ 0.8×)", realRate / bareRate)))
                    .append('\n');
            md.append(row("bare process with the cycle's fan-out (async service task → 5 parallel user tasks with a candidate group)",
                    String.format("%.1f", fiveRate), fiveRows / (ROUNDS * STARTS), String.format("%.2f× (real vs this: %.2f×)",
                            fiveRate / bareRate, realRate / fiveRate))).append('\n');
            md.append("\nWhere one real start's rows go: ").append(whereRowsGo(jdbc, management,
                    String.format("%d-%02d", 2000 + month / 12, month % 12 + 1))).append(".\n");
            Bench.report("cycle", md.toString());
        }
    }

    private void runJobs(ManagementService management, String processInstanceId) {
        for (int guard = 0; guard < 20; guard++) {
            List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(j -> management.executeJob(j.getId()));
        }
    }

    private String start(String key, String body) throws Exception {
        HttpResponse<String> answer = http.send(request("/engine-rest/process-definition/key/" + key + "/start")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String json = answer.body();
        int at = json.indexOf("\"id\":\"") + 6;
        return json.substring(at, json.indexOf('"', at));
    }

    private void multipart(String path, String fileName, String content) throws Exception {
        String boundary = "bench" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> answer = http.send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(ADMIN.getBytes(StandardCharsets.UTF_8)));
    }

    /** Rows in every table of the database (a fresh, small one). */
    private static long rows(JdbcTemplate jdbc) {
        return rowsByTable(jdbc).values().stream().mapToLong(Long::longValue).sum();
    }

    private static java.util.Map<String, Long> rowsByTable(JdbcTemplate jdbc) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : new ArrayList<>(jdbc.queryForList("select tablename from pg_tables where schemaname = 'public'",
                String.class))) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    /** Per table, the rows one more real start adds, most first. */
    private String whereRowsGo(JdbcTemplate jdbc, ManagementService management, String period) throws Exception {
        var before = rowsByTable(jdbc);
        String id = start("monthly-tracking-cycle", "{\"variables\":{\"period\":{\"value\":\"" + period
                + "\",\"type\":\"String\"},\"companyCode\":{\"value\":\"BENCH\",\"type\":\"String\"}}}");
        runJobs(management, id);
        var after = rowsByTable(jdbc);
        StringBuilder text = new StringBuilder();
        after.entrySet().stream().map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0).sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> text.append(text.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue()));
        return text.toString();
    }
}
