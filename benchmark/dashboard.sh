#!/usr/bin/env bash
# Dashboard load benchmark (issues 7, 18): a fresh PostgreSQL database, the application on 127.0.0.1,
# 5 years x 1,000 people x 12 KPIs imported through /api/imports, then 20 concurrent clients:
#   1. cached: the committee's answers are in the dashboard cache (steady state);
#   2. after a recalculation: one figure of the latest month changes (import), then the same load;
#   3. after an import of an old month (2021-01): only that month's answers may be recomputed.
# Each load prints p50/p95/p99 per call and the ratio to the baseline GET /api/me of the same run.
# Usage: benchmark/dashboard.sh [PEOPLE] [YEARS] [THREADS] [ROUNDS]   (defaults 1000 5 20 50)
# Needs: the build's own plugins only (package with -DskipTests), psql, PostgreSQL on 127.0.0.1:5432 (user postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE=${1:-1000}; YEARS=${2:-5}; THREADS=${3:-20}; ROUNDS=${4:-50}
PORT=${BENCH_PORT:-18087}; DB=${BENCH_DB:-ptc_bench_dash}
# the postgres profile wants a demo password of its own (DemoPasswordGuard): one for this run only
export DEMO_PASSWORD=${DEMO_PASSWORD:-bench-demo-$RANDOM$RANDOM}
AUTH="secgen:$DEMO_PASSWORD"           # the committee's secretary-general reads the dashboard
ADMIN="admin:bench-admin-secret"       # imports need camunda-admin or hr (issue 10)
OUT=target/bench-dashboard.txt
psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $DB with (force)" -c "create database $DB encoding 'UTF8'"
mvn -B -ntp -q -DskipTests package
JAR=$(ls target/performance-tracking-cycle-*.jar | grep -v original | head -1)
XMX=${BENCH_XMX:-1g}
java -Xmx"$XMX" -jar "$JAR" \
  --spring.profiles.active=postgres --server.port="$PORT" --server.address=127.0.0.1 \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --ptc.demo.enabled=true \
  --ptc.security.refuse-demo-passwords=false --camunda.bpm.admin-user.password=bench-admin-secret \
  --camunda.bpm.job-execution.enabled=false > target/bench-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done
# resident memory of the application (issue 18: < 1 GB peak under the import load): VmRSS now, VmHWM = peak
rss() { awk -v k="$1:" '$1 == k {printf "%d MB", $2 / 1024}' "/proc/$APP/status"; }
RSS_IDLE=$(rss VmRSS)
java benchmark/DashboardBenchmark.java seed "$PORT" "$ADMIN" "$PEOPLE" "$YEARS"
RSS_IMPORT_PEAK=$(rss VmHWM)
# a company is a Camunda tenant: the secretary-general sees BENCH once a member (Camunda Admin, Tenants → Users)
curl -sf -u "$ADMIN" -X PUT "http://127.0.0.1:$PORT/engine-rest/tenant/BENCH/user-members/secgen" >/dev/null
exec 3>&1 > >(tee "$OUT") 2>&1
TEE=$!
echo "$(date -u +%F), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg) at start, $PEOPLE people x $YEARS years x 12 KPIs, $THREADS clients, -Xmx$XMX"
echo "== RSS: $RSS_IDLE after start (idle), peak $RSS_IMPORT_PEAK during the imports of the seed ($YEARS years x 12 months x $PEOPLE people x 12 KPIs through /api/imports/figures)"
echo "== 1. cached (steady state)"
java benchmark/DashboardBenchmark.java load "$PORT" "$AUTH" "$THREADS" "$ROUNDS"
echo "== 2. right after a recalculation of the latest month"
java benchmark/DashboardBenchmark.java touch "$PORT" "$ADMIN" 2025-12 1
java benchmark/DashboardBenchmark.java load "$PORT" "$AUTH" "$THREADS" 5 nowarm
echo "== 3. right after an import of 2021-01 (the latest month's answers stay cached)"
java benchmark/DashboardBenchmark.java touch "$PORT" "$ADMIN" 2021-01 2
java benchmark/DashboardBenchmark.java load "$PORT" "$AUTH" "$THREADS" 5 nowarm
echo "== RSS peak over the whole run: $(rss VmHWM)"
exec >&3 2>&1; wait "$TEE" 2>/dev/null || true
# the figures into BENCHMARKS.md, between the dashboard markers
{ echo '### Dashboard at '"$THREADS"' clients (`benchmark/dashboard.sh`)'; echo; echo '```'; cat "$OUT"; echo '```'; } > "$OUT.md"
awk -v f="$OUT.md" '/<!-- bench:dashboard -->/{print; while ((getline l < f) > 0) print l; skip=1; next}
  /<!-- \/bench:dashboard -->/{skip=0} !skip' BENCHMARKS.md > BENCHMARKS.md.new && mv BENCHMARKS.md.new BENCHMARKS.md
