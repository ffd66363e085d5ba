package org.coquille.examples.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.coquille.Coquille;
import org.coquille.PageLook;
import org.coquille.store.MemoryStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What Coquille costs a page with no widget on, once the page is known: deciding not to hold it back
 * ({@code widgetsOn}) and counting its view and catalogue entry ({@code countView}), as the filter does.
 *
 * <p>Run: {@code mvn -q -f examples exec:java -Dexec.mainClass=org.coquille.examples.bench.NoWidgetPathBenchmark}.
 * With {@code --cpu}, instead of JMH: the thread's own CPU time per page (ThreadMXBean), 15 rounds of 200,000 pages
 * after 5 of warm-up, minimum and median; what a machine shared with other work can still measure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NoWidgetPathBenchmark {

    private Coquille coquille;
    private BenchRequest request;

    @Setup(Level.Trial)
    public void setUp() {
        coquille = Coquille.builder().settings(Map.of("coquille.workFolder",
                System.getProperty("java.io.tmpdir") + "/coquille-bench")).store(new MemoryStore()).build();
        request = new BenchRequest("/informatique/messagerie.html");
        if (coquille.widgetsOn(request)) { // a page first seen is held back once, to read its title
            coquille.decorate(request, "<title>Messagerie</title>".getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        coquille.close();
    }

    /** The filter's whole work for a page without widgets: one look at the page, then its view counted. */
    @Benchmark
    public boolean pageWithoutWidgets() {
        PageLook look = coquille.look(request);
        coquille.countView(request, look);
        return look.holdBack();
    }

    public static void main(String[] args) throws RunnerException {
        if (args.length > 0 && args[0].equals("--cpu")) {
            cpuTime();
            return;
        }
        new Runner(new OptionsBuilder().include(NoWidgetPathBenchmark.class.getSimpleName()).build()).run();
    }

    /** The CPU time of {@link #pageWithoutWidgets}, per page. */
    private static void cpuTime() {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        NoWidgetPathBenchmark bench = new NoWidgetPathBenchmark();
        bench.setUp();
        try {
            int pages = 200_000;
            long[] rounds = new long[15];
            boolean sink = false;
            for (int round = -5; round < rounds.length; round++) {
                long start = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < pages; i++) {
                    sink ^= bench.pageWithoutWidgets();
                }
                if (round >= 0) {
                    rounds[round] = (cpu.getCurrentThreadCpuTime() - start) / pages;
                }
            }
            java.util.Arrays.sort(rounds);
            System.out.printf("pageWithoutWidgets: CPU ns per page, min %d, median %d (%s)%n", rounds[0],
                    rounds[rounds.length / 2], sink);
        } finally {
            bench.tearDown();
        }
    }
}
