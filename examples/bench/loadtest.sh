#!/usr/bin/env bash
# Loopback load test: the demo's 48 KB report page served three ways in one server (no filter, filter with
# widgets off, widgets on), each driven by wrk for the same time; widgets on twice: one reader over and over
# (alice), and 2,000 employees in turn, one in ten of whom took part on the page (examples/bench/users.lua). Needs `mvn -DskipTests install` first and
# Debian's wrk. Targets 127.0.0.1 only; stops by itself.
# Usage: [WARMUP=15] [ROUNDS=3] examples/bench/loadtest.sh [seconds per run, default 20] [connections, default 16]
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
# The server has one core for its requests, its JIT compiler and its GC: a JIT still compiling takes that core's time
# for a minute or more, so every configuration is warmed twice before anything is measured.
WARMUP=${WARMUP:-15}
run() { # mode, seconds, [users]: prints the requests per second
  local script=(-H 'X-Remote-User: alice'); [ -n "${3:-}" ] && script=(-s examples/bench/users.lua)
  "${WRK_CPU[@]}" wrk -t1 -c"$CONNECTIONS" -d"$2s" "${script[@]}" "$(URL "$1")" | tee -a /tmp/coquille-loadtest-wrk.log \
    | awk '/Requests\/sec/ {print $2} /Non-2xx/ {print "non-2xx answers: " $0 > "/dev/stderr"}'
}
: > /tmp/coquille-loadtest-wrk.log
echo "== warm-up ($WARMUP s per configuration, twice)"
for pass in 1 2; do
  for mode in bare off on; do run $mode "$WARMUP" > /dev/null; done
  for mode in bare on; do run $mode "$WARMUP" users > /dev/null; done
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
ROUNDS=${ROUNDS:-3}
echo "== $ROUNDS rounds of $SECONDS_PER_RUN s per configuration (requests per second; ratio against bare in the same round)"
for round in $(seq 1 "$ROUNDS"); do
  bare=$(run bare "$SECONDS_PER_RUN"); off=$(run off "$SECONDS_PER_RUN"); on=$(run on "$SECONDS_PER_RUN")
  # the script costs wrk time too: compare with the bare page driven the same way
  bare_users=$(run bare "$SECONDS_PER_RUN" users); on_users=$(run on "$SECONDS_PER_RUN" users)
  echo "round $round: bare $bare, off $off ($(ratio "$off" "$bare")x), on $on ($(ratio "$on" "$bare")x);" \
    "2000 users: bare $bare_users, on $on_users ($(ratio "$on_users" "$bare_users")x)"
done
echo "(wrk's full output: /tmp/coquille-loadtest-wrk.log)"
