#!/usr/bin/env bash
# Meeting benchmark (SPEC §8), run by hand, never in CI: on PostgreSQL (database jiuji_bench_meeting,
# recreated) a leading-group meeting decides CASES cases (default 2,000) in one submission; the
# floor, measured in the same run on as many other cases, completes the same approvals one by one
# through the Java API without a meeting (cn.jiuji.meeting.MeetingBenchmark).
#   bench/meeting.sh [CASES]
#   environment: PGHOST (127.0.0.1), PGUSER (postgres), ROUNDS (1), JDBC_OPTIONS (appended to the
#                JDBC URL, e.g. '?reWriteBatchedInserts=true'), MODE (meeting-only: no floor)
set -euo pipefail
cd "$(dirname "$0")/.."
CASES=${1:-2000}
ROUNDS=${ROUNDS:-1}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
WORK=target/bench-meeting
mkdir -p "$WORK"

psql -q -d postgres -c 'DROP DATABASE IF EXISTS jiuji_bench_meeting WITH (FORCE)' -c 'CREATE DATABASE jiuji_bench_meeting'
# the application's libraries from its own jar (no dependency plugin needed offline)
./mvnw -B -q -o -DskipTests package
rm -rf "$WORK/lib" && mkdir -p "$WORK/lib"
(cd "$WORK/lib" && unzip -q -j ../../jiuji-*.jar 'BOOT-INF/lib/*')
CP="target/test-classes:target/classes:$WORK/lib/*"

JIUJI_ADMIN_PASSWORD='Bench-only-2026!' java -Xmx1g -cp "$CP" cn.jiuji.meeting.MeetingBenchmark \
  "$CASES" "jdbc:postgresql://$PGHOST:5432/jiuji_bench_meeting${JDBC_OPTIONS:-}" "$PGUSER" "$ROUNDS" "${MODE:-both}" \
  2>&1 | tee "$WORK/benchmark.log" | grep -E '^(one by one|meeting|round|RESULT|  \(|Exception|Caused)|approvals completed' || true
