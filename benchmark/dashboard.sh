#!/usr/bin/env bash
# Dashboard load benchmark (issue 7): a fresh PostgreSQL database, the application on 127.0.0.1,
# 5 years x 1,000 people x 12 KPIs imported through /api/imports, then 20 concurrent clients.
# Usage: benchmark/dashboard.sh [PEOPLE] [YEARS] [THREADS] [ROUNDS]   (defaults 1000 5 20 50)
# Needs: a built tree (mvn -o -q compile), psql, PostgreSQL on 127.0.0.1:5432 (user postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE=${1:-1000}; YEARS=${2:-5}; THREADS=${3:-20}; ROUNDS=${4:-50}
PORT=${BENCH_PORT:-18087}; DB=${BENCH_DB:-ptc_bench_dash}
psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $DB with (force)" -c "create database $DB encoding 'UTF8'"
mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
java -Xmx1g -cp "target/classes:$(cat target/bench-classpath.txt)" com.perftrack.PerformanceTrackingApplication \
  --spring.profiles.active=postgres --server.port="$PORT" --server.address=127.0.0.1 \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --ptc.demo.enabled=true \
  --ptc.security.refuse-demo-passwords=false --camunda.bpm.admin-user.password=bench-admin-secret \
  --camunda.bpm.job-execution.enabled=false > target/bench-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done
java benchmark/DashboardBenchmark.java seed "$PORT" secgen:demo "$PEOPLE" "$YEARS"
java benchmark/DashboardBenchmark.java load "$PORT" secgen:demo "$THREADS" "$ROUNDS"
