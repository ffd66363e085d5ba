#!/usr/bin/env bash
# Loopback load test: the demo's 48 KB report page served three ways in one server (no filter, filter with
# widgets off, widgets on), each driven by wrk for the same time; widgets on twice: one reader over and over
# (alice), and 2,000 employees in turn, one in ten of whom took part on the page (examples/bench/users.lua). Needs `mvn -DskipTests install` first and
# Debian's wrk. Targets 127.0.0.1 only; stops by itself.
# Usage: examples/bench/loadtest.sh [seconds per run, default 20] [connections, default 16]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-20}
CONNECTIONS=${2:-16}
PORT=8090
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
CP=$(mvn -q -f examples dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
# On a machine of 2 cores or more, the server gets one core and wrk another, so that the load generator's own work
# does not take the server's time and the ratios compare the server's costs alone.
SERVER_CPU=() WRK_CPU=()
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then SERVER_CPU=(taskset -c 1); WRK_CPU=(taskset -c 0); fi
"${SERVER_CPU[@]}" java -Xmx1g -cp "examples/target/classes:$CP" org.coquille.examples.LoadTestServer $PORT > /tmp/coquille-loadtest-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for i in $(seq 1 30); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/bare/actualites/rapport-annuel.html" && break; sleep 1; done
URL() { echo "http://127.0.0.1:$PORT/$1/actualites/rapport-annuel.html"; }
echo "== check: the widgets are on for /on only"
curl -fs -H 'X-Remote-User: alice' "$(URL on)" | grep -c 'class="coq-widgets"' || true
curl -fs -H 'X-Remote-User: alice' "$(URL off)" | grep -c 'class="coq-widgets"' || true
echo "== warm-up (5 s each)"
for mode in bare off on; do "${WRK_CPU[@]}" wrk -t1 -c"$CONNECTIONS" -d5s -H 'X-Remote-User: alice' "$(URL $mode)" > /dev/null; done
summary() { awk '/Requests\/sec/ {rps=$2} /Latency/ {lat=$2} /Non-2xx/ {bad=$0} END {printf "%s req/s, mean latency %s %s\n", rps, lat, bad}'; }
for round in 1 2; do
  for mode in bare off on; do
    printf '%s round %s: ' "$mode" "$round"
    "${WRK_CPU[@]}" wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" -H 'X-Remote-User: alice' "$(URL $mode)" | summary
  done
  for mode in bare on; do # the script costs wrk time too: compare with the bare page driven the same way
    printf '%s, 2000 users round %s: ' "$mode" "$round"
    "${WRK_CPU[@]}" wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" -s examples/bench/users.lua "$(URL $mode)" | summary
  done
done
