#!/usr/bin/env bash
# Loopback load test, in one server (LoadTestServer), each variant driven by wrk for the same time.
# ORIGIN=memory (the default): pages of 50 KB and 300 KB written from memory (MemoryPages, the fastest origin), four
#   ways: bare (no filter), off (filter, no widget on), on (widgets before </body>), selector (widgets inside #contenu);
#   one reader over and over (alice). Each round runs every variant of a size one after the other, starting with a
#   different one each round, and gives each variant's ratio to the bare page of the same round.
# ORIGIN=demo: the demo's 48 KB report page served by LegacyPages (no filter, widgets off, widgets on), widgets on
#   twice: one reader, and 2,000 employees in turn, one in ten of whom took part on the page (examples/bench/users.lua).
# Needs `mvn -DskipTests install` first and Debian's wrk. Targets 127.0.0.1 only; stops by itself.
# Usage: [ORIGIN=memory|demo] [WARMUP=15] [ROUNDS=3] examples/bench/loadtest.sh [seconds per run, default 20] [connections, default 16]
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
for i in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/bare/actualites/rapport-annuel.html" && break; sleep 1; done
uptime
WARMUP=${WARMUP:-15}
ROUNDS=${ROUNDS:-3}
: > /tmp/coquille-loadtest-wrk.log
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
if [ "${ORIGIN:-memory}" = memory ]; then
  MURL() { # variant size
    case $1 in
      bare|off|on) echo "http://127.0.0.1:$PORT/$1/memory/$2.html" ;;
      selector) echo "http://127.0.0.1:$PORT/on/memory/selector/$2.html" ;;
    esac
  }
  # The server's own CPU time (all its threads: requests, JIT, GC), in clock ticks: per request, it is what a variant
  # costs even on a machine whose other work makes throughput meaningless.
  TICK=$(getconf CLK_TCK)
  cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
  mrun() { # variant size seconds: prints the requests per second and the server's CPU µs per request
    local before after
    before=$(cpu_ticks)
    "${WRK_CPU[@]}" wrk -t1 -c"$CONNECTIONS" -d"$3s" -H 'X-Remote-User: alice' "$(MURL "$1" "$2")" \
      > /tmp/coquille-loadtest-one.log
    after=$(cpu_ticks)
    cat /tmp/coquille-loadtest-one.log >> /tmp/coquille-loadtest-wrk.log
    awk -v ticks=$((after - before)) -v tick="$TICK" '
      /requests in/ {requests = $1} /Requests\/sec/ {rps = $2} /Non-2xx/ {print "non-2xx answers: " $0 > "/dev/stderr"}
      END {printf "%s %.1f\n", rps, (requests > 0 ? 1e6 * ticks / tick / requests : 0)}' /tmp/coquille-loadtest-one.log
  }
  VARIANTS=(bare off on selector)
  echo "== check: widgets (bare off on selector), bytes of the 50k page"
  for v in "${VARIANTS[@]}"; do
    echo "$v: $(curl -fs -H 'X-Remote-User: alice' "$(MURL $v 50k)" | grep -c 'class="coq-widgets"' || true) widgets," \
      "$(curl -fs -H 'X-Remote-User: alice' "$(MURL $v 50k)" | wc -c) bytes"
  done
  echo "== warm-up ($WARMUP s per variant and size, twice)"
  for pass in 1 2; do for size in 50k 300k; do for v in "${VARIANTS[@]}"; do mrun $v $size "$WARMUP" > /dev/null; done; done; done
  echo "== $ROUNDS rounds of $SECONDS_PER_RUN s per variant: requests per second and its ratio to bare in the same" \
    "round; the server's CPU µs per request, µs added to bare's, and bare's CPU over the variant's (the throughput ratio" \
    "a quiet core would give)"
  for round in $(seq 1 "$ROUNDS"); do
    for size in 50k 300k; do
      declare -A rps=() cpu=()
      for i in 0 1 2 3; do # a different variant first in each round
        v=${VARIANTS[$(( (i + round - 1) % 4 ))]}
        read -r rps[$v] cpu[$v] < <(mrun $v $size "$SECONDS_PER_RUN")
      done
      line="round $round $size:"
      for v in "${VARIANTS[@]}"; do
        added=$(awk -v c="${cpu[$v]}" -v b="${cpu[bare]}" 'BEGIN {printf "%+.1f", c - b}')
        line="$line | $v ${rps[$v]} req/s ($(ratio "${rps[$v]}" "${rps[bare]}")x), ${cpu[$v]} µs CPU ($added, $(ratio "${cpu[bare]}" "${cpu[$v]}")x)"
      done
      echo "$line"
    done
  done
  uptime
  if [ -n "${PROFILE:-}" ]; then # PROFILE=seconds: a JFR recording of the server under each variant of the 50k page
    for v in "${VARIANTS[@]}"; do
      jcmd $SERVER JFR.start name=$v settings=profile filename=/tmp/coquille-loadtest-$v.jfr > /dev/null
      mrun $v 50k "$PROFILE" > /dev/null
      jcmd $SERVER JFR.stop name=$v > /dev/null
      echo "== $v 50k: where the server's samples are (JFR, $PROFILE s): top frames, then the innermost Coquille frame"
      jfr print --events jdk.ExecutionSample --stack-depth 64 /tmp/coquille-loadtest-$v.jfr | awk '
        /stackTrace = \[/ {top = ""; coq = ""; n++; next}
        /^[[:space:]]+[a-zA-Z_$][a-zA-Z0-9_$.]*\(/ {
          sub(/^[[:space:]]+/, ""); sub(/\(.*/, "");
          if (top == "") top = $0;
          if (coq == "" && $0 ~ /^org\.coquille\./ && $0 !~ /^org\.coquille\.examples\./) coq = $0; next}
        /^\]/ || /^}/ { if (top != "") { tops[top]++; coqs[coq == "" ? "(no Coquille frame)" : coq]++; top = "" } }
        END {
          for (f in tops) printf "  top %5.1f %%  %s\n", 100 * tops[f] / n, f | "sort -k2 -nr | head -15"; close("sort -k2 -nr | head -15");
          for (f in coqs) printf "  in  %5.1f %%  %s\n", 100 * coqs[f] / n, f | "sort -k2 -nr | head -12"; close("sort -k2 -nr | head -12");
          printf "  (%d samples)\n", n }'
    done
  fi
  echo "(wrk's full output: /tmp/coquille-loadtest-wrk.log)"
  exit 0
fi
URL() { echo "http://127.0.0.1:$PORT/$1/actualites/rapport-annuel.html"; }
echo "== check: the widgets are on for /on only"
curl -fs -H 'X-Remote-User: alice' "$(URL on)" | grep -c 'class="coq-widgets"' || true
curl -fs -H 'X-Remote-User: alice' "$(URL off)" | grep -c 'class="coq-widgets"' || true
# The server has one core for its requests, its JIT compiler and its GC: a JIT still compiling takes that core's time
# for a minute or more, so every configuration is warmed twice before anything is measured.
run() { # mode, seconds, [users]: prints the requests per second
  local script=(-H 'X-Remote-User: alice'); [ -n "${3:-}" ] && script=(-s examples/bench/users.lua)
  "${WRK_CPU[@]}" wrk -t1 -c"$CONNECTIONS" -d"$2s" "${script[@]}" "$(URL "$1")" | tee -a /tmp/coquille-loadtest-wrk.log \
    | awk '/Requests\/sec/ {print $2} /Non-2xx/ {print "non-2xx answers: " $0 > "/dev/stderr"}'
}
echo "== warm-up ($WARMUP s per configuration, twice)"
for pass in 1 2; do
  for mode in bare off on; do run $mode "$WARMUP" > /dev/null; done
  for mode in bare on; do run $mode "$WARMUP" users > /dev/null; done
done
echo "== $ROUNDS rounds of $SECONDS_PER_RUN s per configuration (requests per second; ratio against bare in the same round)"
for round in $(seq 1 "$ROUNDS"); do
  bare=$(run bare "$SECONDS_PER_RUN"); off=$(run off "$SECONDS_PER_RUN"); on=$(run on "$SECONDS_PER_RUN")
  # the script costs wrk time too: compare with the bare page driven the same way
  bare_users=$(run bare "$SECONDS_PER_RUN" users); on_users=$(run on "$SECONDS_PER_RUN" users)
  echo "round $round: bare $bare, off $off ($(ratio "$off" "$bare")x), on $on ($(ratio "$on" "$bare")x);" \
    "2000 users: bare $bare_users, on $on_users ($(ratio "$on_users" "$bare_users")x)"
done
echo "(wrk's full output: /tmp/coquille-loadtest-wrk.log)"
