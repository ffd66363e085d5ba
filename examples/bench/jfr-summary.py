#!/usr/bin/env python3
"""Summarises `jfr print --events jdk.ExecutionSample` output: the share of samples per top frame, and per frame of
interest anywhere on the stack (Coquille's, JDBC driver's, Jetty's, the pool's), for votes-vs-pgbench.sh."""
import collections
import re
import sys

def stacks(path):
    stack, inside = [], False
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.strip()
        if line.startswith("stackTrace = ["):
            stack, inside = [], True
        elif inside and line == "]":
            inside = False
            yield stack
        elif inside and line and not line.startswith("..."):
            stack.append(re.sub(r"\s+line:.*$", "", line))

samples = list(stacks(sys.argv[1]))
total = len(samples) or 1
top = collections.Counter(s[0] for s in samples if s)
print(f"{len(samples)} samples")
print("-- top frames (self time)")
for frame, n in top.most_common(15):
    print(f"{100 * n / total:5.1f}%  {frame}")
groups = {
    "waiting for PostgreSQL (socket read in pgjdbc)": lambda s: any("org.postgresql" in f for f in s) and
        any("SocketInputStream" in f or "NioSocketImpl" in f or "socketRead" in f for f in s[:6]),
    "pgjdbc (any)": lambda s: any(f.startswith("org.postgresql") for f in s),
    "HikariCP (any)": lambda s: any("hikari" in f for f in s),
    "Coquille rendering (internal.render, jte)": lambda s: any("org.coquille.internal.render" in f or "jte" in f.lower() for f in s),
    "Coquille store (store.jdbc)": lambda s: any("org.coquille.store.jdbc" in f for f in s),
    "Coquille web (internal.web)": lambda s: any("org.coquille.internal.web" in f for f in s),
    "Jetty (any)": lambda s: any("org.eclipse.jetty" in f for f in s),
    "notices (Outbox, PostgresChanges)": lambda s: any("Outbox" in f or "PostgresChanges" in f for f in s),
}
print("-- on the stack (inclusive)")
for name, match in groups.items():
    n = sum(1 for s in samples if match(s))
    print(f"{100 * n / total:5.1f}%  {name}")

print("-- by the Coquille frame nearest the top (what the thread was doing for Coquille)")
nearest = collections.Counter()
for s in samples:
    frame = next((f for f in s if f.startswith("org.coquille.") and ".shaded." not in f), "(no Coquille frame)")
    nearest[re.sub(r"\(.*\)$", "", frame)] += 1
for frame, n in nearest.most_common(12):
    print(f"{100 * n / total:5.1f}%  {frame}")
