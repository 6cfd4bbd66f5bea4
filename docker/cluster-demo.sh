#!/usr/bin/env bash
# The topology of compose.yaml without Docker: two application nodes (ports 8081 and 8082) on one
# PostgreSQL database, as Camunda 7's homogeneous cluster runs. Deploys a small model with two
# asynchronous steps through node 1, starts instances on both nodes, and checks from the history
# that every job was executed exactly once, by one node, and that both nodes did work.
#
# Run by hand from anywhere: docker/cluster-demo.sh
# Needs: JDK 17, a local PostgreSQL (user postgres, no password, on 127.0.0.1:5432), curl, jq.
# Both nodes are stopped when the script ends, whatever the outcome. Logs stay in
# target/cluster-demo/.
set -euo pipefail
cd "$(dirname "$0")/.."

INSTANCES=${INSTANCES:-40}
DB=jiuji_cluster
PORTS=(8081 8082)
NODES=(node1 node2)
ADMIN_USER=admin
# a fresh administrator password per run: the postgres profile has no default one
ADMIN_PASSWORD=${JIUJI_ADMIN_PASSWORD:-Jj-$(head -c 12 /dev/urandom | base64 | tr -d '/+=')-9}  # meets Camunda's password policy (postgres profile)
LOGS=target/cluster-demo
PIDS=()

fail() { echo "FAILED: $*" >&2; exit 1; }

stop_nodes() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  done
  if [ ${#PIDS[@]} -gt 0 ]; then echo "== Nodes stopped (pids ${PIDS[*]}); logs in $LOGS/"; fi
}
trap stop_nodes EXIT
trap 'exit 130' INT TERM

for tool in curl jq psql java; do
  command -v "$tool" >/dev/null || fail "$tool is needed"
done
for port in "${PORTS[@]}"; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then fail "port $port is already in use"; fi
done

echo "== PostgreSQL"
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -c "CREATE DATABASE $DB"
echo "database $DB created"

echo "== Build"
./mvnw -B -q -DskipTests package
JAR=$(ls target/jiuji-*.jar | grep -v '\.original$' | head -n 1)
echo "$JAR"

# url [curl options...]: the admin's authenticated request, failing on HTTP errors
api() {
  local url=$1
  shift
  curl -sS --fail-with-body -u "$ADMIN_USER:$ADMIN_PASSWORD" "$@" "$url"
}

start_node() {
  local node=$1 port=$2
  # the same environment the containers of compose.yaml get; the hostname names the node in
  # Camunda's job log (ACT_HI_JOB_LOG.HOSTNAME_)
  SPRING_PROFILES_ACTIVE=postgres \
    SERVER_PORT="$port" \
    JIUJI_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
    JIUJI_DB_USER=postgres \
    JIUJI_DB_PASSWORD= \
    JIUJI_ADMIN_USER="$ADMIN_USER" \
    JIUJI_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    CAMUNDA_BPM_GENERICPROPERTIES_PROPERTIES_HOSTNAME="$node" \
    java -Xmx512m -jar "$JAR" >"$LOGS/$node.log" 2>&1 &
  PIDS+=($!)
  echo "$node: pid $!, port $port, log $LOGS/$node.log"
}

wait_until_up() {
  local node=$1 port=$2 pid=$3
  for _ in $(seq 1 180); do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$LOGS/$node.log" >&2
      fail "$node exited during start-up"
    fi
    if [ "$(curl -s "http://127.0.0.1:$port/actuator/health" | jq -r .status 2>/dev/null)" = UP ]; then
      echo "$node: UP"
      return
    fi
    sleep 1
  done
  fail "$node did not come up within 180 s"
}

echo "== Nodes"
rm -rf "$LOGS"
mkdir -p "$LOGS"
# One after the other: on an empty database the first node creates Camunda's schema, the admin
# user and the groups; two nodes doing that at the same moment would collide.
start_node "${NODES[0]}" "${PORTS[0]}"
wait_until_up "${NODES[0]}" "${PORTS[0]}" "${PIDS[0]}"
start_node "${NODES[1]}" "${PORTS[1]}"
wait_until_up "${NODES[1]}" "${PORTS[1]}" "${PIDS[1]}"

for i in 0 1; do
  echo "${NODES[$i]} GET /engine-rest/engine: $(api "http://127.0.0.1:${PORTS[$i]}/engine-rest/engine")"
done
# (Camunda leaves the list of engine names open; everything else needs credentials.)
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORTS[1]}/engine-rest/process-definition")
[ "$status" = 401 ] || fail "node2 answered $status without credentials, expected 401"
echo "${NODES[1]} GET /engine-rest/process-definition without credentials: $status"
# the second node started on the same database: its process application deployed no new version
versions=$(api "http://127.0.0.1:${PORTS[1]}/engine-rest/process-definition/count?key=temporaryAssistance" | jq .count)
[ "$versions" = 1 ] || fail "temporaryAssistance has $versions versions after two starts, expected 1"
echo "temporaryAssistance versions after both nodes started: $versions"

echo "== Deploy through ${NODES[0]}"
MODEL="$LOGS/clusterDemo.bpmn"
cat >"$MODEL" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
    id="clusterDemoDefinitions" targetNamespace="http://jiuji.cn/cluster-demo">
  <process id="clusterDemo" name="集群演示" isExecutable="true" camunda:historyTimeToLive="P1D">
    <startEvent id="started" />
    <sequenceFlow id="toFirstStep" sourceRef="started" targetRef="firstStep" />
    <serviceTask id="firstStep" name="第一步" camunda:asyncBefore="true" camunda:expression="${true}" />
    <sequenceFlow id="toSecondStep" sourceRef="firstStep" targetRef="secondStep" />
    <serviceTask id="secondStep" name="第二步" camunda:asyncBefore="true" camunda:expression="${true}" />
    <sequenceFlow id="toFinished" sourceRef="secondStep" targetRef="finished" />
    <endEvent id="finished" />
  </process>
</definitions>
EOF
api "http://127.0.0.1:${PORTS[0]}/engine-rest/deployment/create" \
    -F deployment-name=cluster-demo -F deployment-source=cluster-demo.sh \
    -F "data=@$MODEL;filename=clusterDemo.bpmn" \
  | jq -c '{id, name, deployedProcessDefinitions: (.deployedProcessDefinitions | keys)}'

echo "== Start $INSTANCES instances, alternately on both nodes"
for n in $(seq 1 "$INSTANCES"); do
  i=$(( (n - 1) % 2 ))
  api "http://127.0.0.1:${PORTS[$i]}/engine-rest/process-definition/key/clusterDemo/start" \
      -H 'Content-Type: application/json' -d "{\"businessKey\":\"demo-$n\"}" >/dev/null
done
echo "started $INSTANCES"

echo "== Wait until every instance has finished"
finished=0
for _ in $(seq 1 180); do
  finished=$(api "http://127.0.0.1:${PORTS[0]}/engine-rest/history/process-instance/count?processDefinitionKey=clusterDemo&finished=true" | jq .count)
  [ "$finished" -ge "$INSTANCES" ] && break
  sleep 1
done
[ "$finished" -ge "$INSTANCES" ] || fail "only $finished of $INSTANCES instances finished within 180 s"
echo "finished: $finished of $INSTANCES"

echo "== Job log (history)"
log=$(api "http://127.0.0.1:${PORTS[1]}/engine-rest/history/job-log?processDefinitionKey=clusterDemo&successLog=true&firstResult=0&maxResults=1000")
failures=$(api "http://127.0.0.1:${PORTS[1]}/engine-rest/history/job-log/count?processDefinitionKey=clusterDemo&failureLog=true" | jq .count)
echo "$log" | jq -r 'group_by(.hostname)[] | "\(.[0].hostname): \(length) jobs executed"'
jobs=$(echo "$log" | jq '[.[].jobId] | unique | length')
successes=$(echo "$log" | jq 'length')
executedTwice=$(echo "$log" | jq '[group_by(.jobId)[] | select(length > 1)] | length')
echo "jobs: $jobs, success log entries: $successes, jobs with more than one success: $executedTwice, failure log entries: $failures"

[ "$jobs" -eq $((2 * INSTANCES)) ] || fail "expected $((2 * INSTANCES)) jobs, the history has $jobs"
[ "$executedTwice" -eq 0 ] || fail "$executedTwice jobs were executed more than once"
[ "$successes" -eq "$jobs" ] || fail "$successes success entries for $jobs jobs"
for node in "${NODES[@]}"; do
  count=$(echo "$log" | jq --arg node "$node" '[.[] | select(.hostname == $node)] | length')
  [ "$count" -gt 0 ] || fail "$node executed no job"
done
others=$(echo "$log" | jq --arg a "${NODES[0]}" --arg b "${NODES[1]}" '[.[] | select(.hostname != $a and .hostname != $b)] | length')
[ "$others" -eq 0 ] || fail "$others jobs were executed by neither node"
echo "OK: each of the $jobs jobs was executed exactly once, and both nodes executed jobs"
