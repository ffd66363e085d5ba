#!/usr/bin/env bash
# Loopback load test of the gateway (README, "The gateway"): the demo's 48 KB report page served four ways in one run,
# each driven by wrk for the same time, round after round:
#   direct     nginx serving the page as a static file (the upstream intranet)
#   off        through coquille-gateway.jar, widgets off for that path
#   on         through coquille-gateway.jar, widgets on (comments, vote, reactions) for one reader over and over
#   proxy      through nginx, a plain proxy_pass to the same upstream
#   sub        through nginx, proxy_pass with sub_filter inserting a fixed fragment before </body>
# Everything that serves (nginx's single worker, the gateway's JVM) is pinned to one core, wrk to the other.
# Needs `mvn -DskipTests install` first, Debian's nginx and wrk. Targets 127.0.0.1 only; stops by itself.
# Usage: [WARMUP=15] [ROUNDS=3] [PROFILE=/tmp/gateway.jfr] examples/bench/gateway.sh [seconds per run, default 15] [connections, default 16]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-15}
CONNECTIONS=${2:-16}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
command -v nginx >/dev/null || { echo "nginx is missing: apt-get install nginx"; exit 1; }
JAR=gateway/target/coquille-gateway.jar
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -DskipTests install"; exit 1; }
SERVER_CPU=() WRK_CPU=()
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then SERVER_CPU=(taskset -c 1); WRK_CPU=(taskset -c 0); fi

DIR=$(mktemp -d /tmp/coquille-gateway-bench.XXXXXX)
mkdir -p "$DIR/www/on" "$DIR/www/off" "$DIR/work" "$DIR/logs"
chmod 755 "$DIR" # nginx's worker (nobody) reads the pages
PAGE=examples/src/main/resources/intranet/actualites/rapport-annuel.html
cp "$PAGE" "$DIR/www/on/page.html"; cp "$PAGE" "$DIR/www/off/page.html"
printf '/on/* = comments, vote, reactions\n/off/* = off\n' > "$DIR/work/coquille-pages.properties"
FRAGMENT='<section class="coq-widgets"><p>A fixed fragment, as a proxy would insert it.</p></section>'
cat > "$DIR/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $DIR/nginx.pid;
error_log $DIR/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  default_type text/html;
  types { text/html html; }
  upstream origin { server 127.0.0.1:18601; keepalive 64; }
  server { listen 127.0.0.1:18601; root $DIR/www; }
  server {
    listen 127.0.0.1:18602;
    location / { proxy_pass http://origin; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
  server {
    listen 127.0.0.1:18603;
    location / {
      proxy_pass http://origin; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Accept-Encoding "";
      sub_filter '</body>' '$FRAGMENT</body>';
      sub_filter_once on;
    }
  }
}
CONF
"${SERVER_CPU[@]}" nginx -p "$DIR" -c "$DIR/nginx.conf" > "$DIR/logs/nginx.out" 2>&1 &
NGINX=$!
JFR=()
# PROFILE=file.jfr: a Flight Recording of the gateway for the whole run (jfr print --events jdk.ExecutionSample file.jfr)
[ -n "${PROFILE:-}" ] && JFR=("-XX:StartFlightRecording=filename=$PROFILE,settings=profile")
"${SERVER_CPU[@]}" java -Xmx1g "${JFR[@]}" -jar "$JAR" --upstream http://127.0.0.1:18601 --port 18604 --host 127.0.0.1 \
  --coquille.workFolder="$DIR/work" > "$DIR/logs/gateway.log" 2>&1 &
GATEWAY=$!
trap 'kill $GATEWAY $NGINX 2>/dev/null || true; wait 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$DIR"' EXIT
for i in $(seq 1 60); do curl -fs -o /dev/null "http://127.0.0.1:18604/off/page.html" && break; sleep 1; done

declare -A URLS=(
  [direct]="http://127.0.0.1:18601/on/page.html"
  [off]="http://127.0.0.1:18604/off/page.html"
  [on]="http://127.0.0.1:18604/on/page.html"
  [proxy]="http://127.0.0.1:18602/on/page.html"
  [sub]="http://127.0.0.1:18603/on/page.html"
)
echo "== check: widgets only through the gateway's /on, the fixed fragment only through sub_filter"
for v in direct off on proxy sub; do
  printf '%-7s %s bytes, widgets: %s, fixed fragment: %s\n' "$v" \
    "$(curl -fs -H 'X-Remote-User: alice' "${URLS[$v]}" | wc -c)" \
    "$(curl -fs -H 'X-Remote-User: alice' "${URLS[$v]}" | grep -c 'id="coq-widgets"' || true)" \
    "$(curl -fs "${URLS[$v]}" | grep -c 'A fixed fragment' || true)"
done
run() { # variant, seconds: prints the requests per second
  "${WRK_CPU[@]}" wrk -t1 -c"$CONNECTIONS" -d"$2s" -H 'X-Remote-User: alice' "${URLS[$1]}" \
    | tee -a "$DIR/logs/wrk.log" | awk '/Requests\/sec/ {print $2} /Non-2xx/ {print "non-2xx answers: " $0 > "/dev/stderr"}'
}
WARMUP=${WARMUP:-15}
echo "== warm-up ($WARMUP s per variant, twice: the gateway's JIT shares its one core with the requests)"
for pass in 1 2; do for v in direct off on proxy sub; do run $v "$WARMUP" > /dev/null; done; done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
ROUNDS=${ROUNDS:-3}
echo "== $ROUNDS rounds of $SECONDS_PER_RUN s per variant (requests per second; ratios in the same round)"
for round in $(seq 1 "$ROUNDS"); do
  declare -A r=()
  for v in direct off on proxy sub; do r[$v]=$(run $v "$SECONDS_PER_RUN"); done
  echo "round $round: direct ${r[direct]}, nginx proxy ${r[proxy]}, nginx sub_filter ${r[sub]}," \
    "gateway off ${r[off]}, gateway on ${r[on]}; on/proxy $(ratio "${r[on]}" "${r[proxy]}")x," \
    "off/proxy $(ratio "${r[off]}" "${r[proxy]}")x, sub/proxy $(ratio "${r[sub]}" "${r[proxy]}")x," \
    "proxy/direct $(ratio "${r[proxy]}" "${r[direct]}")x"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
