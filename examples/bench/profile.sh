#!/usr/bin/env bash
# Where the load-test server spends its CPU: ProfiledLoadTestServer (async-profiler from Maven Central) serves the
# demo's 48 KB page as loadtest.sh does, wrk drives one configuration through a warm-up, then again while the server
# samples its CPU, and the frames that cost the most are printed per request. Needs `mvn -DskipTests install` first and Debian's wrk; targets
# 127.0.0.1 only and stops by itself. Compare `bare` with `on` to see what the widgets cost.
# Usage: [AFTER=60] [FOR=20] examples/bench/profile.sh bare|off|on [users]
set -euo pipefail
cd "$(dirname "$0")/../.."
MODE=${1:?bare, off or on}
USERS=${2:-}
AFTER=${AFTER:-60}
FOR=${FOR:-20}
PORT=8091
OUT=/tmp/coquille-profile-$MODE${USERS:+-users}.txt
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
CP=$(mvn -q -f examples dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
SERVER_CPU=() WRK_CPU=()
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then SERVER_CPU=(taskset -c 1); WRK_CPU=(taskset -c 0); fi
TRIGGER=/tmp/coquille-profile.start
rm -f "$OUT" "$TRIGGER"
"${SERVER_CPU[@]}" java -Xmx1g -Dcoquille.profile.trigger="$TRIGGER" -Dcoquille.profile.for="$FOR" \
    -Dcoquille.profile.file="$OUT" -cp "examples/target/classes:$CP" \
    org.coquille.examples.bench.ProfiledLoadTestServer $PORT > /tmp/coquille-profile-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
URL="http://127.0.0.1:$PORT/$MODE/actualites/rapport-annuel.html"
for i in $(seq 1 30); do curl -fs -o /dev/null "$URL" && break; sleep 1; done
DRIVE=(-H 'X-Remote-User: alice'); [ -n "$USERS" ] && DRIVE=(-s examples/bench/users.lua)
echo "== warm-up: $AFTER s"
"${WRK_CPU[@]}" wrk -t1 -c16 -d"${AFTER}s" "${DRIVE[@]}" "$URL" | grep Requests/sec
echo "== sampling $FOR s of a run of $((FOR + 4)) s"
"${WRK_CPU[@]}" wrk -t1 -c16 -d$((FOR + 4))s "${DRIVE[@]}" "$URL" > /tmp/coquille-profile-wrk.log &
WRK=$!
sleep 2
touch "$TRIGGER"
wait $WRK
grep Requests/sec /tmp/coquille-profile-wrk.log
for i in $(seq 1 10); do [ -s "$OUT" ] && break; sleep 1; done
[ -s "$OUT" ] || { echo "no profile written: see /tmp/coquille-profile-server.log"; exit 1; }
RPS=$(awk '/Requests\/sec/ {print $2}' /tmp/coquille-profile-wrk.log)
echo "== collapsed stacks: $OUT (a sample per millisecond of CPU)"
echo "== CPU per request (µs) under the frames that cost the most, at $RPS req/s (with the profiler's own cost):"
# a frame's inclusive samples, counted once per stack, divided by the requests served while sampling
awk -v rps="$RPS" -v secs="$FOR" '{
    n = $NF; $NF = ""; split($0, frames, ";"); delete seen
    for (i in frames) { f = frames[i]; sub(/ +$/, "", f); if (!(f in seen)) { seen[f] = 1; total[f] += n } }
  } END { for (f in total) printf "%8.2f  %s\n", total[f] * 1000 / (rps * secs), f }' "$OUT" \
  | sort -rn | grep -E 'coquille|LegacyPages|HttpOutput.write|CompileBroker::compiler_thread_loop|GenCollect|G1' | head -25
