#!/usr/bin/env bash
# Import benchmark (issue 7), run by hand, never in CI: generates ROWS settlements (default
# 1,000,000), imports them ROUNDS times into emptied tables and screens them on PostgreSQL
# (database jiuji_bench, recreated) in a JVM with -Xmx512m and a GC log, then loads the same file
# ROUNDS times with psql's \copy into a plain table: the floor. Medians are compared.
#   bench/run.sh [ROWS]
#   environment: PGHOST (127.0.0.1), PGUSER (postgres), ROUNDS (3), WARMUP (200000, 0 = none),
#                JAVA_BENCH_OPTS (more JVM options, e.g. a JFR recording)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
ROUNDS=${ROUNDS:-3}
# rows of a file imported (and removed) before the measured ones: the server's code compiled, as
# after its first import; WARMUP=0 measures the first import after the start
WARMUP=${WARMUP:-200000}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
WORK=target/bench
mkdir -p "$WORK"

psql -q -d postgres -c 'DROP DATABASE IF EXISTS jiuji_bench WITH (FORCE)' -c 'CREATE DATABASE jiuji_bench'
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat "$WORK/classpath.txt")"

# shellcheck disable=SC2086 # JAVA_BENCH_OPTS holds several options
JIUJI_ADMIN_PASSWORD='Bench-only-2026!' java ${JAVA_BENCH_OPTS:-} -Xmx512m -Xlog:gc:file="$WORK/gc.log" \
  -cp "$CP" cn.jiuji.screening.ScreeningBenchmark \
  "$ROWS" "$WORK" "jdbc:postgresql://$PGHOST:5432/jiuji_bench${JDBC_OPTIONS:-}" "$PGUSER" "$WARMUP" "$ROUNDS" \
  2>&1 | tee "$WORK/benchmark.log" | grep -E '^[a-zA-Z]|cn.jiuji.screening' || true

calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# PostgreSQL's own COPY of the same rows, after a checkpoint as each import: into a plain table
# with the same columns (the floor), and into one with medical_settlement's primary key
copy_into() {
  local table=$1 key=$2 start end
  psql -q -d jiuji_bench -c "DROP TABLE IF EXISTS $table" -c "CREATE TABLE $table (
    settlement_id VARCHAR(64), id_number VARCHAR(18), patient_name VARCHAR(50), household_id VARCHAR(18),
    household_head VARCHAR(50), township VARCHAR(40), village VARCHAR(100), category VARCHAR(20),
    settled_on DATE, total_cost NUMERIC(14, 2), self_paid NUMERIC(14, 2) $key)" -c CHECKPOINT
  start=$(date +%s.%N)
  psql -q -d jiuji_bench -c "\\copy $table FROM '$WORK/medical-$ROWS.csv' WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')"
  end=$(date +%s.%N)
  calc "$end - $start"
}
floors=() keyed=()
for _ in $(seq "$ROUNDS"); do
  floors+=("$(copy_into bench_copy '')")
  keyed+=("$(copy_into bench_copy_keyed ', PRIMARY KEY (settlement_id)')")
done
copy_s=$(echo "${floors[*]}" | median)
keyed_s=$(echo "${keyed[*]}" | median)
import_s=$(grep -o 'import_s=[0-9.]*' "$WORK/benchmark.log" | cut -d= -f2)
screen_s=$(grep -o 'screen_s=[0-9.]*' "$WORK/benchmark.log" | cut -d= -f2)
rounds=$(grep -o 'import round [0-9]*: [0-9.]*' "$WORK/benchmark.log" | awk '{ print $4 }' | tr '\n' ' ')
echo "COPY floor: ${floors[*]} s, median $copy_s s = $(calc "$ROWS / $copy_s") rows/s"
echo "COPY into a table with the primary key: ${keyed[*]} s, median $keyed_s s = $(calc "$keyed_s / $copy_s")x the floor"
echo "import: ${rounds}s, median $import_s s"
echo "import / COPY: $(calc "$import_s / $copy_s")x (medians); import + screening / COPY: $(calc "($import_s + $screen_s) / $copy_s")x"
# after a collection: young and full pauses (G1's Remark and Cleanup report the heap as it stands)
echo "GC log: $WORK/gc.log (max heap after GC: $(grep -E 'Pause (Young|Full)' "$WORK/gc.log" | grep -o '[0-9]*M->[0-9]*M' | cut -d'>' -f2 | tr -d M | sort -n | tail -1) MB)"
