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
# the application's own launcher with the test classes (the benchmark's main class lives there);
# works offline with what the build already has
JIUJI_ADMIN_PASSWORD='Bench-only-2026!' ./mvnw -B -q -o test-compile spring-boot:run \
  -Dspring-boot.run.useTestClasspath=true -Dspring-boot.run.additional-classpath-elements=target/test-classes \
  -Dspring-boot.run.main-class=cn.jiuji.payment.BankReturnBenchmark \
  -Dspring-boot.run.jvmArguments=-Xmx512m \
  -Dspring-boot.run.arguments="$ROWS $WORK jdbc:postgresql://$PGHOST:5432/$BENCH_DB $PGUSER $ROUNDS" \
  2>&1 | tee "$WORK/bank-return.log" | grep -E '^(warm-up|round|RESULT)' || true
# leave the database empty again: the benchmark's administrator (its own password) and rows must
# not meet the tests that run on the same database
psql -q -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB"
