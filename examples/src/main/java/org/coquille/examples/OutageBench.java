package org.coquille.examples;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a store outage costs the intranet, measured: the demo's report page (widgets on) and a vote posted through
 * the widget's form, driven on loopback against {@link OutageServer} with the store on PostgreSQL behind a
 * {@link TcpProxy}, before, during and after a cut of the proxy. Prints the page and write latencies (p50, p99,
 * max) per phase, how long the store took to be found down and to come back, and stops by itself.
 * <pre>
 * java -cp ... org.coquille.examples.OutageBench jdbc:postgresql://127.0.0.1:5432/test?user=postgres [before s] [cut s] [after s] [readers] [warm-up s]
 * </pre>
 * Defaults: 10 s before, a 20 s cut, 20 s after, 4 readers (200 employees in turn, each reader pausing 5 ms between
 * pages), one writer (a vote every 50 ms), after 15 s of the same load not measured (the JIT compiles meanwhile); the store's timeouts are the defaults.
 */
public final class OutageBench {

    private enum Phase { BEFORE, CUT, AFTER }

    private record Sample(long startNanos, long tookNanos, int status, boolean widgets) { }

    private final List<Sample> pages = Collections.synchronizedList(new ArrayList<>());
    private final List<Sample> writes = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean running = true;

    private OutageBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("Usage: OutageBench <jdbc:postgresql:...> [before s] [cut s] [after s] [readers]");
            System.exit(2);
        }
        int before = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int cut = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int after = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int readers = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        int warmUp = args.length > 5 ? Integer.parseInt(args[5]) : 15;
        new OutageBench().run(args[0], warmUp, before, cut, after, readers);
        System.exit(0);
    }

    private void run(String databaseUrl, int warmUp, int before, int cut, int after, int readers) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try (OutageServer server = new OutageServer(databaseUrl, Map.of("coquille.rateLimit.writesPerMinute", "1000000"))) {
            String token = OutageServer.token(server.page(client, "/on", "writer").body());
            if (token == null) {
                throw new IllegalStateException("The page has no widgets: nothing to measure");
            }
            List<Thread> threads = new ArrayList<>();
            AtomicInteger viewer = new AtomicInteger();
            for (int i = 0; i < readers; i++) {
                threads.add(start("reader-" + i, () -> {
                    // 200 employees in turn: each one's own marks are read from the store, then cached for the TTL
                    String user = "employee" + viewer.getAndIncrement() % 200;
                    long start = System.nanoTime();
                    HttpResponse<byte[]> page = server.page(client, "/on", user);
                    pages.add(new Sample(start, System.nanoTime() - start, page.statusCode(), OutageServer.hasWidgets(page.body())));
                    Thread.sleep(5);
                }));
            }
            AtomicInteger votes = new AtomicInteger();
            threads.add(start("writer", () -> {
                long start = System.nanoTime();
                HttpResponse<String> answer = server.vote(client, "writer", token, votes.getAndIncrement() % 2 == 0 ? 1 : -1);
                writes.add(new Sample(start, System.nanoTime() - start, answer.statusCode(), false));
                Thread.sleep(50);
            }));
            System.out.printf("Warming up for %d s; then %d s before, a %d s cut, %d s after; %d readers, 1 writer%n",
                    warmUp, before, cut, after, readers);
            Thread.sleep(warmUp * 1000L);
            long t0 = System.nanoTime();
            Thread.sleep(before * 1000L);
            long cutAt = System.nanoTime();
            server.proxy().cut();
            long downAt = waitFor(() -> server.health().isDown(), cutAt + cut * 1_000_000_000L);
            sleepUntil(cutAt + cut * 1_000_000_000L);
            long restoreAt = System.nanoTime();
            server.proxy().restore();
            long upAt = waitFor(() -> !server.health().isDown(), restoreAt + after * 1_000_000_000L);
            sleepUntil(restoreAt + after * 1_000_000_000L);
            running = false;
            for (Thread t : threads) {
                t.join(30_000);
            }
            report(t0, cutAt, restoreAt, downAt, upAt);
        }
    }

    private void report(long t0, long cutAt, long restoreAt, long downAt, long upAt) {
        try {
            System.out.println("Load average at the end (1, 5, 15 min): "
                    + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux
        }
        System.out.printf("Store found down %s after the cut; back %s after the proxy was restored%n",
                downAt < 0 ? "never" : ms(downAt - cutAt), upAt < 0 ? "never" : ms(upAt - restoreAt));
        long firstWidgetsAfter = pages.stream().filter(s -> s.startNanos >= restoreAt && s.widgets)
                .mapToLong(Sample::startNanos).min().orElse(-1);
        System.out.printf("First page with widgets again: %s after the restore%n",
                firstWidgetsAfter < 0 ? "none" : ms(firstWidgetsAfter - restoreAt));
        System.out.println();
        System.out.println("| phase | pages | page p50 | page p99 | page max | with widgets | writes | write p50 | write p99 | write max | write answers |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        for (Phase phase : Phase.values()) {
            List<Sample> p = of(pages, phase, t0, cutAt, restoreAt);
            List<Sample> w = of(writes, phase, t0, cutAt, restoreAt);
            long withWidgets = p.stream().filter(Sample::widgets).count();
            Map<Integer, Integer> statuses = new TreeMap<>();
            w.forEach(s -> statuses.merge(s.status, 1, Integer::sum));
            System.out.printf("| %s | %d | %s | %s | %s | %d %% | %d | %s | %s | %s | %s |%n", phase.name().toLowerCase(),
                    p.size(), pct(p, 50), pct(p, 99), pct(p, 100), p.isEmpty() ? 0 : 100 * withWidgets / p.size(),
                    w.size(), pct(w, 50), pct(w, 99), pct(w, 100), statuses);
        }
    }

    private static List<Sample> of(List<Sample> samples, Phase phase, long t0, long cutAt, long restoreAt) {
        synchronized (samples) {
            return samples.stream().filter(s -> switch (phase) {
                case BEFORE -> s.startNanos >= t0 && s.startNanos < cutAt;
                case CUT -> s.startNanos >= cutAt && s.startNanos < restoreAt;
                case AFTER -> s.startNanos >= restoreAt;
            }).toList();
        }
    }

    /** The {@code p}th percentile of the samples' latencies (nearest rank). */
    private static String pct(List<Sample> samples, int p) {
        if (samples.isEmpty()) {
            return "-";
        }
        long[] sorted = samples.stream().mapToLong(Sample::tookNanos).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return ms(sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))]);
    }

    private static String ms(long nanos) {
        double ms = nanos / 1e6;
        return ms < 10 ? String.format("%.1f ms", ms) : String.format("%,d ms", Math.round(ms));
    }

    private static long waitFor(java.util.function.BooleanSupplier condition, long deadline) throws InterruptedException {
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return System.nanoTime();
            }
            Thread.sleep(2);
        }
        return -1;
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private Thread start(String name, Step step) {
        Thread t = new Thread(() -> {
            while (running) {
                try {
                    step.run();
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    System.err.println(name + ": " + e);
                }
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
