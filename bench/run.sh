#!/usr/bin/env bash
# Import benchmark (issue 7), run by hand, never in CI: generates ROWS settlements (default
# 1,000,000), imports and screens them on PostgreSQL (database jiuji_bench, recreated), with
# -Xmx512m and a GC log, then times psql's \copy of the same file into a plain table: the floor.
#   bench/run.sh [ROWS]      environment: PGHOST (127.0.0.1), PGUSER (postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
# rows of a file imported (and removed) before the measured one: the server's code compiled, as
# after its first import; WARMUP=0 measures the first import after the start
WARMUP=${WARMUP:-200000}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
WORK=target/bench
mkdir -p "$WORK"

psql -q -d postgres -c 'DROP DATABASE IF EXISTS jiuji_bench WITH (FORCE)' -c 'CREATE DATABASE jiuji_bench'
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat "$WORK/classpath.txt")"

JIUJI_ADMIN_PASSWORD='Bench-only-2026!' java ${JAVA_BENCH_OPTS:-} -Xmx512m -Xlog:gc:file="$WORK/gc.log" -cp "$CP" cn.jiuji.screening.ScreeningBenchmark \
  "$ROWS" "$WORK" "jdbc:postgresql://$PGHOST:5432/jiuji_bench${JDBC_OPTIONS:-}" "$PGUSER" "$WARMUP" \
  2>&1 | tee "$WORK/benchmark.log" | grep -E '^[a-zA-Z]|cn.jiuji.screening' || true

# the floor: PostgreSQL's own COPY of the same rows into a plain table with the same columns
psql -q -d jiuji_bench -c 'DROP TABLE IF EXISTS bench_copy' -c 'CREATE TABLE bench_copy (
  settlement_id VARCHAR(64), id_number VARCHAR(18), patient_name VARCHAR(50), household_id VARCHAR(18),
  household_head VARCHAR(50), township VARCHAR(40), village VARCHAR(100), category VARCHAR(20),
  settled_on DATE, total_cost NUMERIC(14, 2), self_paid NUMERIC(14, 2))'
psql -q -d jiuji_bench -c CHECKPOINT  # the import starts after a checkpoint too
start=$(date +%s.%N)
psql -q -d jiuji_bench -c "\\copy bench_copy FROM '$WORK/medical-$ROWS.csv' WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')"
end=$(date +%s.%N)
# and into a table with the same primary key as medical_settlement: what the key alone costs
psql -q -d jiuji_bench -c 'DROP TABLE IF EXISTS bench_copy_keyed' -c 'CREATE TABLE bench_copy_keyed (LIKE bench_copy)' \
  -c 'ALTER TABLE bench_copy_keyed ADD PRIMARY KEY (settlement_id)'
psql -q -d jiuji_bench -c CHECKPOINT
kstart=$(date +%s.%N)
psql -q -d jiuji_bench -c "\\copy bench_copy_keyed FROM '$WORK/medical-$ROWS.csv' WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')"
kend=$(date +%s.%N)
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }
copy_s=$(calc "$end - $start")
import_s=$(grep -o 'import_s=[0-9.]*' "$WORK/benchmark.log" | cut -d= -f2)
screen_s=$(grep -o 'screen_s=[0-9.]*' "$WORK/benchmark.log" | cut -d= -f2)
echo "COPY floor: $ROWS rows in ${copy_s} s = $(calc "$ROWS / $copy_s") rows/s"
keyed_s=$(calc "$kend - $kstart")
echo "COPY into a table with the primary key: ${keyed_s} s = $(calc "$keyed_s / $copy_s")x the floor"
echo "import / COPY: $(calc "$import_s / $copy_s")x; import + screening / COPY: $(calc "($import_s + $screen_s) / $copy_s")x"
echo "GC log: $WORK/gc.log (max heap after GC: $(grep -o '[0-9]*M->[0-9]*M' "$WORK/gc.log" | cut -d'>' -f2 | tr -d M | sort -n | tail -1) MB)"
