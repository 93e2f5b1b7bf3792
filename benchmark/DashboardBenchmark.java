import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load driver for the dashboard's data calls (issue 7), a single-file Java program with no
 * dependencies: {@code java benchmark/DashboardBenchmark.java seed|load ...}. Talks to 127.0.0.1
 * only. See BENCHMARKS.md, section "Dashboard".
 *
 * <pre>
 * seed PORT USER:PASSWORD PEOPLE YEARS   organisation BENCH (10 regions, PEOPLE people) and YEARS
 *                                        years ending 2025-12 of all 12 KPIs per person and month,
 *                                        posted through /api/imports (one file per half-year)
 * touch PORT USER:PASSWORD PERIOD N     changes one figure of PERIOD through /api/imports
 * load PORT USER:PASSWORD THREADS ROUNDS [nowarm]  each thread runs ROUNDS rounds of the dashboard's calls
 *                                        for the latest month (summary, trend, funnel, breakdown by
 *                                        region and by person) plus the baseline GET /api/me
 * </pre>
 */
public class DashboardBenchmark {

    static final String[] KPIS = {"SALES_AMOUNT", "NEW_CUSTOMERS", "CUSTOMER_SATISFACTION", "ORDER_CONVERSION",
        "SALES_CYCLE_DAYS", "COMPLAINTS", "FUNNEL_LEADS", "FUNNEL_CONTACTS", "FUNNEL_NEEDS", "FUNNEL_PROPOSALS",
        "FUNNEL_WON", "FUNNEL_LOST"};

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String base;
    static String auth;

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: seed PORT USER:PASSWORD PEOPLE YEARS | load PORT USER:PASSWORD THREADS ROUNDS");
            System.exit(2);
        }
        base = "http://127.0.0.1:" + Integer.parseInt(args[1]);
        auth = "Basic " + Base64.getEncoder().encodeToString(args[2].getBytes(StandardCharsets.UTF_8));
        int a = args[0].equals("touch") ? 0 : Integer.parseInt(args[3]);
        int b = Integer.parseInt(args[4]);
        if (args[0].equals("seed")) {
            seed(a, b);
        } else if (args[0].equals("touch")) {
            // one person's SALES_AMOUNT actual in the given month changes: the import recalculates it
            post("/api/imports/figures", "touch.csv", "period,unit_type,unit_code,kpi_code,target,actual\n" + args[3]
                    + ",person,BP0,SALES_AMOUNT,100," + (200 + b) + "\n");
        } else {
            load(a, b, args.length > 5 && args[5].equals("nowarm"));
        }
    }

    static void seed(int people, int years) throws Exception {
        StringBuilder org = new StringBuilder("unit_type,code,name,parent_code,user_id,email,role\n")
                .append("company,BENCH,压测公司,,,,production\n")
                .append("department,BENCH-SALES,销售部,BENCH,,,sales\n");
        for (int r = 0; r < 10; r++) {
            org.append("region,BR").append(r).append(",区域").append(r).append(",BENCH-SALES,,,\n");
        }
        for (int p = 0; p < people; p++) {
            org.append("person,BP").append(p).append(",员工").append(p).append(",BR").append(p % 10).append(",,,employee\n");
        }
        post("/api/imports/organisation", "bench-org.csv", org.toString());
        for (int half = 0; half < 2 * years; half++) { // the import takes at most 100,000 lines a file
            int y = 2026 - years + half / 2;
            StringBuilder csv = new StringBuilder("period,unit_type,unit_code,kpi_code,target,actual\n");
            for (int m = 1 + 6 * (half % 2); m <= 6 + 6 * (half % 2); m++) {
                String period = String.format("%d-%02d", y, m);
                for (int p = 0; p < people; p++) {
                    for (int k = 0; k < KPIS.length; k++) {
                        double target = 100 + (k * 17 + p % 13);
                        double actual = target * (0.8 + ((p * 31 + m * 7 + k * 3) % 40) / 100.0);
                        csv.append(period).append(",person,BP").append(p).append(',').append(KPIS[k]).append(',')
                                .append(String.format("%.0f,%.0f", target, actual)).append('\n');
                    }
                }
            }
            long t0 = System.nanoTime();
            post("/api/imports/figures", "bench-" + y + "-" + (half % 2 + 1) + ".csv", csv.toString());
            System.out.printf("imported %d half %d (%d rows) in %.1f s%n", y, half % 2 + 1, people * 6 * KPIS.length,
                    (System.nanoTime() - t0) / 1e9);
        }
    }

    static void post(String path, String fileName, String content) throws Exception {
        String boundary = "----bench" + UUID.randomUUID();
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " gave " + r.statusCode() + ": " + r.body());
        }
    }

    static void load(int threads, int rounds, boolean noWarmUp) throws Exception {
        String filters = get("/api/dashboard/filters");
        String period = filters.replaceAll("(?s).*\"latestPeriod\":\"([0-9-]+)\".*", "$1");
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put("baseline /api/me", "/api/me");
        calls.put("summary", "/api/dashboard/summary?period=" + period + "&unitCode=BENCH");
        calls.put("trend (12 months)", "/api/dashboard/trend?to=" + period + "&months=12&unitCode=BENCH");
        calls.put("funnel", "/api/dashboard/funnel?period=" + period + "&unitCode=BENCH");
        calls.put("breakdown region", "/api/dashboard/breakdown?period=" + period
                + "&companyCode=BENCH&unitType=region&kpiCode=SALES_AMOUNT");
        calls.put("breakdown person", "/api/dashboard/breakdown?period=" + period
                + "&companyCode=BENCH&unitType=person&kpiCode=SALES_AMOUNT&limit=20");
        calls.put("person summary", "/api/dashboard/summary?period=" + period + "&unitCode=BP7");
        for (String path : calls.values()) { // warm-up: JIT, connection pool, plan cache
            for (int i = 0; i < (noWarmUp ? 0 : 20); i++) {
                get(path);
            }
        }
        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        calls.keySet().forEach(k -> latencies.put(k, Collections.synchronizedList(new ArrayList<>())));
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            new Thread(() -> {
                List<String> names = new ArrayList<>(calls.keySet());
                for (int round = 0; round < rounds; round++) {
                    for (int i = 0; i < names.size(); i++) {
                        String name = names.get((i + offset) % names.size());
                        long t0 = System.nanoTime();
                        try {
                            get(calls.get(name));
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        latencies.get(name).add(System.nanoTime() - t0);
                    }
                }
                done.countDown();
            }).start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = threads * rounds * calls.size();
        System.out.printf("period %s, %d threads, %d requests in %.1f s (%.0f req/s), %d errors%n", period, threads,
                total, seconds, total / seconds, errors.get());
        double baseline = percentile(latencies.get("baseline /api/me"), 95);
        System.out.printf("%-20s %8s %8s %8s %8s %10s%n", "call", "p50 ms", "p95 ms", "p99 ms", "max ms", "p95/base");
        for (String name : calls.keySet()) {
            List<Long> l = latencies.get(name);
            System.out.printf("%-20s %8.1f %8.1f %8.1f %8.1f %10.2f%n", name, percentile(l, 50), percentile(l, 95),
                    percentile(l, 99), percentile(l, 100), percentile(l, 95) / baseline);
        }
        List<Long> data = new ArrayList<>();
        calls.keySet().stream().filter(k -> !k.startsWith("baseline")).forEach(k -> data.addAll(latencies.get(k)));
        System.out.printf("all dashboard data calls: p95 %.1f ms%n", percentile(data, 95));
    }

    static String get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " gave " + r.statusCode());
        }
        return r.body();
    }

    static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
