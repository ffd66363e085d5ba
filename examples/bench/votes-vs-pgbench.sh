#!/usr/bin/env bash
# The write path against the database's own limit (docs/BENCHMARKS.md, "Votes through HTTP against pgbench"):
# 16 employees each changing their vote on one page through the widget's form (wrk, examples/bench/votes.lua) on one
# NodeServer over PostgreSQL, then the same upsert straight into PostgreSQL with pgbench -c 16
# (examples/bench/votes.sql), and the ratio. The server runs on one core, the load generator (wrk, then pgbench) on
# the other; PostgreSQL is not pinned. A JFR recording of the server during a further HTTP run is summarised
# (jdk.ExecutionSample: the top frames, and the Coquille/JDBC frames that are on the stack most often).
# Needs `mvn -DskipTests install` first, Debian's wrk and pgbench (postgresql-client), a PostgreSQL on 127.0.0.1
# whose user postgres may create a database. Stops by itself.
# PIN=no leaves every process unpinned, the server, wrk, pgbench and PostgreSQL sharing the cores as they will.
# PIN=db also puts PostgreSQL (its running processes, and the backends they start) on the load generator's core for the
# whole run, HTTP and pgbench alike, so that the server's core is its own; the script gives PostgreSQL both cores back
# at the end (needs the right to change the affinity of PostgreSQL's processes: root, or their user).
# SERVER_OPTS adds JVM options to the server's (an -agentpath for async-profiler, say).
# Usage: [WARMUP=20] [SECONDS_PER_RUN=30] [PIN=yes|no|db] [DB=coq_bench_votes] [POOL_SIZE=8 (coquille.store.poolSize)] examples/bench/votes-vs-pgbench.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
WARMUP=${WARMUP:-20}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-30}
DB=${DB:-coq_bench_votes}
PORT=${PORT:-8095}
PAGE=/actualites/rapport-annuel.html
OUT=${OUT:-/tmp/coquille-votes-bench}
mkdir -p "$OUT"
for tool in wrk pgbench psql jfr; do command -v $tool >/dev/null || { echo "$tool is missing"; exit 1; }; done
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
CP=$(mvn -q -f examples dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
SERVER_CPU=() LOAD_CPU=()
if [ "${PIN:-yes}" != no ] && command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
  SERVER_CPU=(taskset -c 0); LOAD_CPU=(taskset -c 1)
fi
postgres_on() { # cores: moves every PostgreSQL process (and so the backends it forks from now on) there
  for pid in $(pgrep -x postgres); do taskset -a -p -c "$1" "$pid" > /dev/null; done
}
restore_postgres() { [ "${PIN:-yes}" != db ] || postgres_on "0-$(($(nproc) - 1))"; }
trap restore_postgres EXIT
[ "${PIN:-yes}" != db ] || postgres_on 1
echo "== $(nproc) cores; load before: $(uptime)"

# the server: stops when its input (a FIFO this script holds open on descriptor 3) ends
rm -f "$OUT/in" && mkfifo "$OUT/in"
"${SERVER_CPU[@]}" java -Xmx1g -XX:+FlightRecorder ${SERVER_OPTS:-} -cp "examples/target/classes:$CP" \
  -Dcoquille.store.poolSize="${POOL_SIZE:-8}" org.coquille.examples.NodeServer "jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" "$PORT" < "$OUT/in" > "$OUT/server.log" 2>&1 &
SERVER=$!
exec 3> "$OUT/in"
stop_server() { exec 3>&- 2>/dev/null || true; wait $SERVER 2>/dev/null || true; }
trap 'stop_server; restore_postgres' EXIT
for i in $(seq 1 60); do grep -q "NODE READY" "$OUT/server.log" && break; sleep 1; done
grep -q "NODE READY" "$OUT/server.log" || { cat "$OUT/server.log"; exit 1; }
JAVA_PID=$SERVER

# each employee's CSRF token, from the page as they see it
: > "$OUT/tokens"
for i in $(seq 0 15); do
  token=$(curl -fs -H "X-Remote-User: employee$i" "http://127.0.0.1:$PORT/on$PAGE" | grep -o 'name="coq_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  echo "employee$i $token" >> "$OUT/tokens"
done
export COQ_TOKENS="$OUT/tokens" COQ_PAGE="$PAGE"
http_run() { # seconds: prints votes per second; non-3xx answers go to stderr
  "${LOAD_CPU[@]}" wrk -t16 -c16 -d"$1s" -s examples/bench/votes.lua "http://127.0.0.1:$PORT" | tee -a "$OUT/wrk.log" \
    | awk '/Requests\/sec/ {print $2} /Non-2xx/ {print "non-2xx or 3xx answers: " $0 > "/dev/stderr"}'
}
: > "$OUT/wrk.log"
echo "== warm-up: $WARMUP s of votes, twice"
http_run "$WARMUP" > /dev/null; http_run "$WARMUP" > /dev/null
echo "== votes through HTTP, $SECONDS_PER_RUN s; load: $(uptime | sed 's/.*load/load/')"
cpu_ticks() { awk '{print $14, $15}' "/proc/$JAVA_PID/stat"; } # the server's user and system time
ticks_before=$(cpu_ticks)
http=$(http_run "$SECONDS_PER_RUN")
ticks_after=$(cpu_ticks)
echo "$ticks_before $ticks_after" | awk -v hz="$(getconf CLK_TCK)" -v s="$SECONDS_PER_RUN" -v v="$http" '{
  user = ($3 - $1) / hz; sys = ($4 - $2) / hz
  printf "server CPU: %.1f s in %d s (%.0f%% of a core; user %.1f s, system %.1f s), %.0f µs per vote\n", user + sys, s,
    100 * (user + sys) / s, user, sys, 1e6 * (user + sys) / (v * s) }'
rows=$("${PSQL[@]}" -d "$DB" -At -c "SELECT count(*) FROM coq_vote")
echo "votes per second through HTTP: $http ($rows vote rows, one per employee)"
# the profile is taken in a run of its own: JFR's profiling settings slow the server down by half or more
echo "== the same for $SECONDS_PER_RUN s with a JFR recording (settings=profile), for the profile only"
jcmd "$JAVA_PID" JFR.start name=votes filename="$OUT/votes.jfr" settings=profile > /dev/null
echo "votes per second while recorded: $(http_run "$SECONDS_PER_RUN")"
jcmd "$JAVA_PID" JFR.stop name=votes > /dev/null
stop_server

echo "== the same upsert with pgbench -c 16 -j 2 -M prepared, $SECONDS_PER_RUN s; load: $(uptime | sed 's/.*load/load/')"
"${LOAD_CPU[@]}" pgbench -h 127.0.0.1 -U postgres -n -c 16 -j 2 -M prepared -T "$SECONDS_PER_RUN" -f examples/bench/votes.sql "$DB" \
  > "$OUT/pgbench.log" 2>&1
pg=$(awk '/^tps/ {print $3; exit}' "$OUT/pgbench.log")
grep -E "^(latency|tps)" "$OUT/pgbench.log"
echo "upserts per second with pgbench: $pg"
echo "== ratio HTTP / pgbench: $(awk -v a="$http" -v b="$pg" 'BEGIN {printf "%.2f", a / b}')x"

echo "== profile of the server during the HTTP run: threads running Java code (jdk.ExecutionSample)"
jfr print --stack-depth 64 --events jdk.ExecutionSample "$OUT/votes.jfr" > "$OUT/samples.txt"
python3 examples/bench/jfr-summary.py "$OUT/samples.txt"
echo "== and threads in native code, mostly waiting on a socket (jdk.NativeMethodSample)"
jfr print --stack-depth 64 --events jdk.NativeMethodSample "$OUT/votes.jfr" > "$OUT/native.txt"
python3 examples/bench/jfr-summary.py "$OUT/native.txt"
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB"
