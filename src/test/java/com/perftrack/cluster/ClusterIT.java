package com.perftrack.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.support.Api;
import com.perftrack.support.AppNode;
import com.perftrack.support.PostgresDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 12: two application nodes on one PostgreSQL database, each a JVM of its own started from
 * the executable jar, as an operator would. The nodes get a fresh database of their own
 * ({@value #DATABASE}), so that their job executors and the kill of one of them cannot touch the
 * database and jobs of the other integration tests. Both nodes start at once, and serve every
 * test; the one that kills a node runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final String DATABASE = "ptc_relclu_nodes";
    static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    static final String SECGEN = "secgen:" + AppNode.DEMO_PASSWORD;
    static final String CYCLE_PERIOD = "2026-10";

    static AppNode a;
    static AppNode b;
    static Map<String, Duration> readyAfter = new HashMap<>();

    @BeforeAll
    static void startTwoNodesAtOnce() throws Exception {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE + " with (force)");
            s.execute("create database " + DATABASE + " encoding 'UTF8'");
        }
        // the walk completes the demo company's sales collection without filing salesperson reports (issue 16)
        String noSalespersonReports = "--ptc.sales.monthly-report.companies=NONE";
        a = AppNode.start("node-a", PostgresDatabase.urlOf(DATABASE), noSalespersonReports);
        b = AppNode.start("node-b", PostgresDatabase.urlOf(DATABASE), noSalespersonReports);
        ExecutorService waiting = Executors.newFixedThreadPool(2);
        try {
            Future<Duration> aReady = waiting.submit(() -> a.awaitReady(START_TIMEOUT));
            Future<Duration> bReady = waiting.submit(() -> b.awaitReady(START_TIMEOUT));
            readyAfter.put(a.name(), aReady.get());
            readyAfter.put(b.name(), bReady.get());
        } finally {
            waiting.shutdownNow();
        }
        figure("ready after launch (both launched at once)", readyAfter);
    }

    @AfterAll
    static void stopNodes() throws Exception {
        for (AppNode node : new AppNode[] {a, b}) {
            if (node != null) {
                node.kill();
            }
        }
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE + " with (force)");
        }
    }

    @Test
    @Order(1)
    void two_nodes_started_together_on_an_empty_database_both_come_up_with_one_deployment_and_one_of_everything()
            throws Exception {
        assertThat(a.ready()).as("node-a ready").isTrue();
        assertThat(b.ready()).as("node-b ready").isTrue();
        try (Connection c = nodesDatabase()) {
            Map<String, Integer> processes = counts(c, "select key_, count(*) from act_re_procdef group by key_");
            assertThat(processes.keySet()).containsExactlyInAnyOrderElementsOf(modelIds("process"));
            assertThat(processes).allSatisfy((key, versions) -> assertThat(versions).as(key).isEqualTo(1));
            Map<String, Integer> decisions = counts(c, "select key_, count(*) from act_re_decision_def group by key_");
            assertThat(decisions.keySet()).containsExactlyInAnyOrderElementsOf(modelIds("decision"));
            assertThat(decisions).allSatisfy((key, versions) -> assertThat(versions).as(key).isEqualTo(1));
            assertThat(single(c, "select count(*) from act_re_deployment")).isEqualTo(1);
            // a second deployment of a scheduler would have started a second timer
            assertThat(counts(c, "select d.key_, count(*) from act_ru_job j join act_re_procdef d on d.id_ = j.process_def_id_ "
                    + "where j.type_ = 'timer' group by d.key_"))
                    .containsOnly(Map.entry("monthly-cycle-scheduler", 1), Map.entry("quarterly-evaluation-scheduler", 1),
                            Map.entry("coaching-scheduler", 1), Map.entry("weekly-sales-plan-scheduler", 1));
            assertThat(counts(c, "select version, count(*) from flyway_schema_history where success group by version"))
                    .isNotEmpty().allSatisfy((version, runs) -> assertThat(runs).as("Flyway " + version).isEqualTo(1));
            assertThat(single(c, "select count(*) from flyway_schema_history where not success")).isZero();
            assertThat(counts(c, "select name_, count(*) from act_ru_filter group by name_"))
                    .isNotEmpty().allSatisfy((filter, copies) -> assertThat(copies).as(filter).isEqualTo(1));
            // the administrator and the 15 demo users, once each; the demo company's data imported once
            assertThat(single(c, "select count(*) from act_id_user")).isEqualTo(16);
            assertThat(single(c, "select count(*) from act_id_tenant")).isEqualTo(1);
            assertThat(single(c, "select count(*) from import_log")).isEqualTo(2);
        }
        String logs = a.log() + b.log();
        assertThat(logs).doesNotContain("ENGINE-03015").doesNotContain("duplicate key")
                .contains("Another node is starting on this database: waiting until it is ready");
        assertThat(a.api().get("/api/me", SECGEN).status()).isEqualTo(200);
        assertThat(b.api().get("/api/me", SECGEN).status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void an_import_on_one_node_shows_on_the_other_nodes_dashboard_within_five_seconds() throws Exception {
        String summary = "/api/dashboard/summary?period=2026-09&unitCode=DEMO-P1";
        Api onA = a.api();
        Api onB = b.api();
        BigDecimal before = salesActual(onB.get(summary, SECGEN));
        assertThat(salesActual(onB.get(summary, SECGEN))).as("served from node-b's cache").isEqualByComparingTo(before);
        BigDecimal changed = before.add(new BigDecimal("1234.56"));

        var imported = onA.postFile("/api/imports/figures", SECGEN, "p1.csv",
                ("period,unit_type,unit_code,kpi_code,target,actual\n2026-09,person,DEMO-P1,SALES_AMOUNT,500000,"
                        + changed.toPlainString() + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        long committed = System.nanoTime();
        BigDecimal seen = before;
        while (seen.compareTo(changed) != 0 && System.nanoTime() - committed < Duration.ofSeconds(10).toNanos()) {
            Thread.sleep(50);
            seen = salesActual(onB.get(summary, SECGEN));
        }
        Duration visibleAfter = Duration.ofNanos(System.nanoTime() - committed);
        figure("import on node-a visible on node-b's dashboard after", visibleAfter);
        assertThat(seen).as("node-b shows node-a's import").isEqualByComparingTo(changed);
        assertThat(visibleAfter).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    @Order(3)
    void after_the_database_drops_every_connection_both_nodes_serve_every_request_again() throws Exception {
        for (AppNode node : List.of(a, b)) {
            assertThat(node.api().get("/api/kpi-results?period=2026-09&unitCode=DEMO-P1", SECGEN).status()).isEqualTo(200);
        }
        int terminated;
        try (Connection c = admin(); PreparedStatement s = c.prepareStatement(
                "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
            s.setString(1, DATABASE);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                terminated = r.getInt(1);
            }
        }
        // what the pools see on a restart: every connection they hold is gone at once
        assertThat(terminated).as("both nodes' pools held connections").isGreaterThanOrEqualTo(2);
        Map<String, Object> recovery = new HashMap<>();
        recovery.put("backends terminated", terminated);
        for (AppNode node : List.of(a, b)) {
            long since = System.nanoTime();
            int failed = 0;
            while (node.api().get("/api/kpi-results?period=2026-09&unitCode=DEMO-P1", SECGEN).status() != 200) {
                failed++;
                assertThat(Duration.ofNanos(System.nanoTime() - since)).as(node.name() + " recovers").isLessThan(Duration.ofSeconds(30));
                Thread.sleep(100);
            }
            recovery.put(node.name() + " failed requests before recovery", failed);
            recovery.put(node.name() + " recovered after ms", Duration.ofNanos(System.nanoTime() - since).toMillis());
        }
        figure("database connections dropped", recovery);

        // after recovery: reads of our API, of the engine's, the dashboard and a write, on both nodes at once
        List<String> reads = List.of("/api/kpi-results?period=2026-08&unitCode=DEMO", "/api/dashboard/summary?period=2026-08&unitCode=DEMO",
                "/engine-rest/process-definition?latestVersion=true&firstResult=0&maxResults=20", "/engine-rest/task?firstResult=0&maxResults=5", "/api/me");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> replies = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                for (AppNode node : List.of(a, b)) {
                    for (String path : reads) {
                        replies.add(pool.submit(() -> {
                            var r = node.api().get(path, SECGEN);
                            return r.status() == 200 ? "ok" : node.name() + " " + path + " → " + r.status() + " " + r.body();
                        }));
                    }
                }
            }
            for (AppNode node : List.of(a, b)) {
                replies.add(pool.submit(() -> {
                    var r = node.api().postFile("/api/imports/figures", SECGEN, "after.csv",
                            ("period,unit_type,unit_code,kpi_code,target,actual\n2026-08,person,DEMO-P2,NEW_CUSTOMERS,6,"
                                    + (node == a ? 7 : 8) + "\n").getBytes(StandardCharsets.UTF_8));
                    return r.status() == 200 ? "ok" : node.name() + " import → " + r.status() + " " + r.body();
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> reply : replies) {
                outcomes.add(reply.get());
            }
            assertThat(outcomes).hasSize(8 * 2 * reads.size() + 2).containsOnly("ok");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(4)
    void a_calculation_job_of_a_killed_node_runs_exactly_once_on_the_other_node_within_a_minute() throws Exception {
        Api onA = a.api();
        var started = onA.postJson("/engine-rest/process-definition/key/monthly-tracking-cycle/start", SECGEN,
                Map.of("variables", Map.of("period", string(CYCLE_PERIOD), "companyCode", string("DEMO"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String cycle = started.json().get("id").asText();
        List<JsonNode> collection = collectionTasks(onA, cycle);
        for (JsonNode task : collection.subList(0, collection.size() - 1)) {
            complete(onA, task);
        }

        try (Connection blocker = nodesDatabase()) {
            // hold the results' version row, as a long recalculation of another month would: the
            // calculation job, once a node has taken it, waits for it (KpiResultService.claimResults)
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.executeQuery("select version from kpi_results_version where id = 1 for update").close();
            }
            complete(onA, collection.get(collection.size() - 1));
            String runner = nodeWaitingForTheResults();
            AppNode victim = runner.equals(a.name()) ? a : b;
            AppNode survivor = victim == a ? b : a;
            victim.kill();
            long killed = System.nanoTime();
            blocker.rollback();
            figure("calculation job taken by", runner + " (killed), survivor " + survivor.name());

            try (Connection c = nodesDatabase()) {
                Duration resumedAfter = null;
                while (resumedAfter == null) {
                    if (calculations(c, cycle, "end_time_ is not null") > 0) {
                        resumedAfter = Duration.ofNanos(System.nanoTime() - killed);
                    } else {
                        assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("the job resumes within a minute")
                                .isLessThan(Duration.ofSeconds(60));
                        Thread.sleep(200);
                    }
                }
                figure("dead node's calculation job completed on " + survivor.name() + " after", resumedAfter);
                assertThat(resumedAfter).isLessThan(Duration.ofSeconds(60));
                // exactly once: one run of the activity, one successful job, no failed attempt, on the survivor
                assertThat(calculations(c, cycle, "true")).isEqualTo(1);
                assertThat(jobLog(c, cycle)).containsExactly("successful on " + survivor.name());
                assertThat(single(c, "select count(*) from kpi_calculation where period = '" + CYCLE_PERIOD + "'")).isEqualTo(1);
                int rows = single(c, "select count(*) from kpi_result where period = '" + CYCLE_PERIOD + "'");
                assertThat(rows).isPositive();
                assertThat(single(c, "select long_ from act_hi_varinst where proc_inst_id_ = '" + cycle
                        + "' and name_ = 'kpiResultCount'")).as("the job's own count of its rows").isEqualTo(rows);
            }
            // and the cycle goes on there: the agenda is drafted and waits for the secretary-general
            Api there = survivor.api();
            assertThat(waitForTasks(there, cycle, "Task_ConfirmAgenda", 1)).hasSize(1);
        }
    }

    // ---- helpers ----

    /** Which node's connection waits for the results' version row: the node whose job executor runs the job. */
    private String nodeWaitingForTheResults() throws Exception {
        try (Connection c = admin(); PreparedStatement s = c.prepareStatement("select application_name from pg_stat_activity "
                + "where datname = ? and wait_event_type = 'Lock' and query like '%kpi_results_version%'")) {
            s.setString(1, DATABASE);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        return r.getString(1);
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("no node started the calculation job within 60 s");
    }

    private static int calculations(Connection c, String cycle, String condition) throws SQLException {
        return single(c, "select count(*) from act_hi_actinst where proc_inst_id_ = '" + cycle
                + "' and act_id_ = 'Task_CalculateKpiResults' and " + condition);
    }

    private static List<String> jobLog(Connection c, String cycle) throws SQLException {
        List<String> entries = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select job_state_, hostname_ from act_hi_job_log "
                + "where process_instance_id_ = '" + cycle + "' and act_id_ = 'Task_CalculateKpiResults' and job_state_ <> 0 "
                + "order by timestamp_, sequence_counter_")) {
            while (r.next()) {
                entries.add((r.getInt(1) == 2 ? "successful" : "state " + r.getInt(1)) + " on " + r.getString(2));
            }
        }
        return entries;
    }

    /** The department heads' collection tasks of the demo company (a production company: five departments), any order. */
    private static List<JsonNode> collectionTasks(Api api, String cycle) throws InterruptedException {
        List<JsonNode> tasks = new ArrayList<>();
        for (String key : COLLECTION.keySet()) {
            tasks.addAll(waitForTasks(api, cycle, key, 1));
        }
        return tasks;
    }

    static final Map<String, String[]> COLLECTION = Map.of(
            "Task_SubmitSalesInformation", new String[] {"sales.head", "sales_salesSummary"},
            "Task_SubmitMarketInformation", new String[] {"marketing.head", "market_marketInformation"},
            "Task_SubmitProductionInformation", new String[] {"production.head", "production_outputPlanVsActual"},
            "Task_SubmitQualityInformation", new String[] {"quality.head", "quality_qualityChanges"},
            "Task_SubmitFinanceInformation", new String[] {"finance.head", "finance_financeSummary"});

    private static void complete(Api api, JsonNode task) {
        String[] who = COLLECTION.get(task.get("taskDefinitionKey").asText());
        var done = api.postJson("/engine-rest/task/" + task.get("id").asText() + "/complete",
                who[0] + ":" + AppNode.DEMO_PASSWORD, Map.of("variables", Map.of(who[1], string("本月说明 cluster"))));
        assertThat(done.status()).as(task.get("taskDefinitionKey").asText() + ": " + done.body()).isEqualTo(204);
    }

    private static List<JsonNode> waitForTasks(Api api, String instance, String key, int count) throws InterruptedException {
        List<JsonNode> found = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            found.clear();
            api.get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key
                    + "&firstResult=0&maxResults=50", AppNode.ADMIN).json().forEach(found::add);
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no task " + key + " in " + instance + " after 60 s");
    }

    private static BigDecimal salesActual(Api.Response summary) {
        assertThat(summary.status()).as(summary.body()).isEqualTo(200);
        for (JsonNode card : summary.json().get("cards")) {
            if ("SALES_AMOUNT".equals(card.get("kpiCode").asText())) {
                return new BigDecimal(card.get("actual").asText());
            }
        }
        throw new AssertionError("no SALES_AMOUNT card in " + summary.body());
    }

    private static Map<String, Object> string(String value) {
        return Map.of("value", value, "type", "String");
    }

    /** The ids of the executable processes (or decisions) in bpmn/, the models the nodes deploy. */
    private static Set<String> modelIds(String kind) throws IOException {
        Pattern pattern = kind.equals("process")
                ? Pattern.compile("<bpmn:process id=\"([^\"]+)\"[^>]*isExecutable=\"true\"")
                : Pattern.compile("<decision id=\"([^\"]+)\"");
        Set<String> ids = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
        }
        return ids;
    }

    private static Map<String, Integer> counts(Connection c, String sql) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                counts.put(r.getString(1), r.getInt(2));
            }
        }
        return counts;
    }

    private static int single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            assertThat(r.next()).as(sql).isTrue();
            return r.getInt(1);
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(PostgresDatabase.url(), PostgresDatabase.user(), PostgresDatabase.password());
    }

    private static Connection nodesDatabase() throws SQLException {
        return DriverManager.getConnection(PostgresDatabase.urlOf(DATABASE), PostgresDatabase.user(), PostgresDatabase.password());
    }

    /** The figures RELIABILITY.md quotes, in the test output. */
    private static void figure(String what, Object value) {
        System.out.println("[cluster] " + what + ": " + value);
    }
}
