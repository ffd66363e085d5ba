package org.coquille.examples.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.coquille.Coquille;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.inject.Placement;
import org.coquille.core.User;
import org.coquille.core.Widget;
import org.coquille.inject.Injection;
import org.coquille.inject.PageInjector;
import org.coquille.store.MemoryStore;
import org.jsoup.Jsoup;
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
 * What Coquille costs per page on the demo's 48 KB report: the byte scanner and splice alone, the whole
 * decoration (page id, settings, fragment rendering from cached data, splice), and, for comparison, what a
 * decode and re-encode and a DOM parse and re-serialisation per request would cost.
 * Run: {@code mvn -q -f examples exec:java -Dexec.mainClass=org.coquille.examples.bench.PageCostBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PageCostBenchmark {

    private static final String PATH = "/actualites/rapport-annuel.html";

    private byte[] page;
    private String fragment;
    private PageInjector injector;
    private Coquille coquille;
    private BenchRequest request;
    private BenchRequest[] viewers;
    private BenchRequest contributor;
    private byte[][] pages;
    private byte[] tableLeftOpen;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        try (InputStream in = PageCostBenchmark.class.getResourceAsStream("/intranet" + PATH)) {
            page = in.readAllBytes();
        }
        MemoryStore store = new MemoryStore();
        PageId id = PageId.of(PATH);
        store.pages().saveSettings(PageSettings.off(id).withWidgets(Set.of(Widget.COMMENTS, Widget.VOTE, Widget.REACTIONS)));
        coquille = Coquille.builder().settings(Map.of("coquille.workFolder",
                System.getProperty("java.io.tmpdir") + "/coquille-bench")).store(store).build();
        for (int i = 0; i < 5; i++) {
            coquille.comments().post(User.employee("user" + i), id, null, "Commentaire numéro " + i + " sur le rapport.");
            coquille.reactions().set(User.employee("user" + i), id, List.of("👍", "🎉").get(i % 2), true);
            coquille.votes().vote(User.employee("user" + i), id, 1);
        }
        request = new BenchRequest(PATH);
        byte[] decorated = coquille.decorate(request, page, "ISO-8859-1");
        int offset = new String(page, StandardCharsets.ISO_8859_1).lastIndexOf("</body>");
        fragment = new String(decorated, offset, decorated.length - page.length, StandardCharsets.ISO_8859_1);
        injector = new PageInjector(100);
        contributor = new BenchRequest(PATH, "user0");
        viewers = new BenchRequest[50_000];
        for (int i = 0; i < viewers.length; i++) {
            viewers[i] = new BenchRequest(PATH, "employee" + i);
        }
        String text = new String(page, StandardCharsets.ISO_8859_1);
        int lastTableEnd = text.lastIndexOf("</td></tr></table>");
        tableLeftOpen = (text.substring(0, lastTableEnd) + text.substring(lastTableEnd + "</td></tr></table>".length()))
                .getBytes(StandardCharsets.ISO_8859_1); // a footer table never closed, as on many legacy pages
        pages = new byte[2_000][]; // 96 MB of distinct pages, more than the 16 MiB of remembered pages
        int word = text.indexOf("conforme"); // a word in a table cell
        for (int i = 0; i < pages.length; i++) {
            pages[i] = page.clone();
            byte[] stamp = String.format("%08d", i).getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(stamp, 0, pages[i], word, stamp.length);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        coquille.close();
    }

    /** Finding the real {@code </body>} in the raw bytes (no memory of pages) and splicing a ready fragment in. */
    @Benchmark
    public byte[] scanAndSplice() {
        return new PageInjector(0, 0).inject(page, "ISO-8859-1", Placement.DEFAULT, fragment).bytes();
    }

    /**
     * The same on a page that leaves its last table open, with no memory of pages or plans: the scan, then the jsoup
     * parses that work out the end tags the fragment begins with (done once per page content outside this benchmark).
     */
    @Benchmark
    public byte[] scanAndSpliceTableLeftOpen() {
        return new PageInjector(0, 0).inject(tableLeftOpen, "ISO-8859-1", Placement.DEFAULT, fragment).bytes();
    }

    /**
     * Everything Coquille does for a page with widgets on, for a viewer who has seen it before with nothing written
     * since: id, view count, settings, the remembered fragment, the remembered body end, the splice as the filter
     * writes it (no joined copy).
     */
    @Benchmark
    public Injection decorate() {
        return coquille.decoration(request, page, "ISO-8859-1");
    }

    /** The same for readers seeing the page for the first time: they share one rendering, each with their token. */
    @Benchmark
    public Injection decorateNewViewer() {
        return coquille.decoration(viewers[next++ % viewers.length], page, "ISO-8859-1");
    }

    /** The same for a viewer who took part (commented, voted, reacted): their widgets are rendered for them. */
    @Benchmark
    public Injection decorateContributor() {
        return coquille.decoration(contributor, page, "ISO-8859-1");
    }

    /** The same for a page whose bytes were never seen (a page that changes on every request): a full scan. */
    @Benchmark
    public Injection decorateChangedPage() {
        byte[] changed = pages[next++ % pages.length];
        return coquille.decoration(request, changed, "ISO-8859-1");
    }

    /** For comparison: decoding the page to text and encoding it back, which Coquille avoids. */
    @Benchmark
    public byte[] decodeAndEncode() {
        return new String(page, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** For comparison: a DOM per request, parse and re-serialise, which Coquille avoids. */
    @Benchmark
    public String domParseAndSerialise() {
        return Jsoup.parse(new String(page, StandardCharsets.ISO_8859_1)).outerHtml();
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(PageCostBenchmark.class.getSimpleName()).build()).run();
    }
}
