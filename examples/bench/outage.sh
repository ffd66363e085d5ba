#!/usr/bin/env bash
# Store outage on loopback: the demo's report page (widgets on) and form votes, driven against a Jetty server whose
# Coquille store is on PostgreSQL behind a TCP proxy; the proxy is cut for 20 s, then restored. Prints the page and
# write latencies (p50, p99) before, during and after the cut (org.coquille.examples.OutageBench). Stops by itself.
# Needs `mvn -DskipTests install` first. Targets 127.0.0.1 only; works in its own schema, dropped at the end.
# Usage: examples/bench/outage.sh [jdbc:postgresql URL] [before s, 10] [cut s, 20] [after s, 20] [readers, 4] [warm-up s, 15]
set -euo pipefail
cd "$(dirname "$0")/../.."
URL=${1:-${COQUILLE_TEST_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}}
CP=$(mvn -q -f examples dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
exec java -Xmx512m -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS \
  -cp "examples/target/classes:$CP" org.coquille.examples.OutageBench "$URL" "${2:-10}" "${3:-20}" "${4:-20}" "${5:-4}" "${6:-15}"
