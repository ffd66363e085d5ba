#!/usr/bin/env bash
# A variant against the bare page, paired (docs/BENCHMARKS.md, "Paired with the bare page"): one LoadTestServer, the
# 50 KB and 300 KB pages of MemoryPages (the fastest origin), /bare (no filter) and the variant alternated in short
# slices, the order flipped from one pair to the next, so that what the machine does meanwhile (the hypervisor taking
# the core away, a GC, a flush) falls on both alike. VARIANT: off (the filter, no widget on; the default), on (widgets
# before </body>), selector (widgets inside #contenu) or noop (a filter that only passes the request on: what any filter
# costs in Jetty). SIZES: the pages, "50k 300k" by default. Prints the ratio of the two totals, the median and spread of
# the pairs' ratios, and the CPU time the hypervisor stole during the run (the "steal" column of /proc/stat). The server
# runs on one core, wrk (1 thread) on the other.
# Needs `mvn -DskipTests install` first and Debian's wrk. Targets 127.0.0.1 only; stops by itself.
# Usage: [VARIANT=off|on|selector|noop] [SIZES="50k 300k"] [WARMUP=20] [PAIRS=15] [SLICE=4] examples/bench/paired.sh [connections, default 16]
set -euo pipefail
cd "$(dirname "$0")/../.."
CONNECTIONS=${1:-16}
WARMUP=${WARMUP:-20}
PAIRS=${PAIRS:-15}
SLICE=${SLICE:-4}
VARIANT=${VARIANT:-off}
PORT=8091
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
CP=$(mvn -q -f examples dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
SERVER_CPU=() WRK_CPU=()
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then SERVER_CPU=(taskset -c 1); WRK_CPU=(taskset -c 0); fi
"${SERVER_CPU[@]}" java -Xmx1g -cp "examples/target/classes:$CP" org.coquille.examples.LoadTestServer $PORT \
  > /tmp/coquille-paired-$VARIANT-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for i in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/bare/memory/50k.html" && break; sleep 1; done

url() { # variant size
  case $1 in
    bare|noop|off|on) echo "http://127.0.0.1:$PORT/$1/memory/$2.html" ;;
    selector) echo "http://127.0.0.1:$PORT/on/memory/selector/$2.html" ;;
    *) echo "VARIANT is off, on, selector or noop, not '$1'" >&2; exit 2 ;;
  esac
}
url "$VARIANT" 50k > /dev/null
rate() { # variant size seconds: requests per second
  "${WRK_CPU[@]}" wrk -t1 -c"$CONNECTIONS" -d"$3s" -H 'X-Remote-User: alice' "$(url "$1" "$2")" \
    | awk '/Requests\/sec/ {print $2} /Non-2xx/ {print "non-2xx answers: " $0 > "/dev/stderr"}'
}
steal() { awk '/^cpu / {print $9}' /proc/stat; }
echo "== $(nproc) cores; load: $(uptime | sed 's/.*load/load/')"
for size in ${SIZES:-50k 300k}; do
  for v in bare "$VARIANT" bare "$VARIANT"; do rate $v $size "$WARMUP" > /dev/null; done
  : > /tmp/coquille-paired-$VARIANT-$size.txt
  stolen=$(steal)
  for i in $(seq 1 "$PAIRS"); do
    if [ $((i % 2)) -eq 1 ]; then b=$(rate bare $size "$SLICE"); o=$(rate "$VARIANT" $size "$SLICE");
    else o=$(rate "$VARIANT" $size "$SLICE"); b=$(rate bare $size "$SLICE"); fi
    echo "$b $o" >> /tmp/coquille-paired-$VARIANT-$size.txt
  done
  stolen=$(( $(steal) - stolen ))
  # ratios sorted, then the totals' ratio, the median and the spread (POSIX awk and sort only)
  awk '{print $2 / $1}' /tmp/coquille-paired-$VARIANT-$size.txt | sort -g > /tmp/coquille-paired-$VARIANT-$size.ratios
  awk -v size=$size -v variant="$VARIANT" -v slice="$SLICE" -v stolen="$stolen" -v hz="$(getconf CLK_TCK)" '
    NR == FNR { b += $1; o += $2; pairs++; next }
    { r[++n] = $1 }
    END {
      printf "%s: %d pairs of %d s; bare %.0f req/s, %s %.0f req/s on average; %s/bare: %.3fx of the totals,", size,
        pairs, slice, b / pairs, variant, o / pairs, variant, o / b
      printf " median of the pairs %.3fx (middle half %.3f to %.3f, all %.3f to %.3f); CPU stolen by the hypervisor: %.1f s\n",
        (n % 2 ? r[(n + 1) / 2] : (r[n / 2] + r[n / 2 + 1]) / 2), r[int(n / 4) + 1], r[n - int(n / 4)], r[1], r[n],
        stolen / hz
    }' /tmp/coquille-paired-$VARIANT-$size.txt /tmp/coquille-paired-$VARIANT-$size.ratios
done
echo "== load at the end: $(uptime | sed 's/.*load/load/')"
