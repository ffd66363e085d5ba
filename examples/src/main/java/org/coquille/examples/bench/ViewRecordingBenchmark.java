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
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What recording a page view for the usage report costs on the request thread: the page id, the viewer's
 * pseudonym (an HMAC-SHA256) and an in-memory tally; the store is written by another thread every 10 s.
 * Run: {@code java -cp examples/target/classes:$CP org.coquille.examples.bench.ViewRecordingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ViewRecordingBenchmark {

    private Coquille coquille;
    private BenchRequest request;

    @Setup(Level.Trial)
    public void setUp() {
        coquille = Coquille.builder().settings(Map.of("coquille.workFolder",
                System.getProperty("java.io.tmpdir") + "/coquille-bench")).store(new MemoryStore()).build();
        request = new BenchRequest("/actualites/rapport-annuel.html");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        coquille.close();
    }

    /** A page served without widgets: the view counted, nothing written to the store. */
    @Benchmark
    public void countView() {
        coquille.countView(request);
    }

    /** The same, on 4 request threads at once (they share the tally). */
    @Benchmark
    @org.openjdk.jmh.annotations.Threads(4)
    public void countViewFourThreads() {
        coquille.countView(request);
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(ViewRecordingBenchmark.class.getSimpleName()).build()).run();
    }
}
