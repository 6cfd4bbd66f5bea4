#!/usr/bin/env bash
# Bank-return benchmark (SPEC §8), run by hand, never in CI: imports the bank's return of a batch of
# ROWS grants (default 2,000; one in a hundred failed) on PostgreSQL, ROUNDS times (default 3) after
# a warm-up round, against the floor measured in the same run: the same UPDATE statements on as many
# fresh grants by plain JDBC in one transaction. Medians are compared.
#   bench/bank-return.sh [ROWS]
#   environment: PGHOST (127.0.0.1), PGUSER (postgres), BENCH_DB (jiuji_test_pay, recreated), ROUNDS (3)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-2000}
ROUNDS=${ROUNDS:-3}
BENCH_DB=${BENCH_DB:-jiuji_test_pay}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
WORK=target/bench
mkdir -p "$WORK"

psql -q -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB"
./mvnw -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat "$WORK/classpath.txt")"
JIUJI_ADMIN_PASSWORD='Bench-only-2026!' java -Xmx512m -cp "$CP" cn.jiuji.payment.BankReturnBenchmark \
  "$ROWS" "$WORK" "jdbc:postgresql://$PGHOST:5432/$BENCH_DB" "$PGUSER" "$ROUNDS" \
  2>&1 | tee "$WORK/bank-return.log" | grep -E '^(warm-up|round|RESULT)' || true
