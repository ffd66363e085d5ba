package org.coquille.examples.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.coquille.Coquille;
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

    /** The filter's whole work for a page without widgets. */
    @Benchmark
    public boolean pageWithoutWidgets() {
        boolean on = coquille.widgetsOn(request);
        coquille.countView(request);
        return on;
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(NoWidgetPathBenchmark.class.getSimpleName()).build()).run();
    }
}
