package org.coquille.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.coquille.Coquille;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.Widget;
import org.coquille.inject.PageBuffers;
import org.coquille.store.MemoryStore;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Held pages share reused buffers, in a real Jetty: whatever one page left in a buffer never reaches another page,
 * one request after the other (a short page after a long one, a page after one whose application threw halfway) or
 * many at once.
 */
class PageBufferReuseInJettyTest {

    /** Every page: its own mark repeated, {@code length} bytes in all, written in parts and without a length. */
    static final class MarkedPages extends HttpServlet {

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String mark = req.getParameter("utm_mark");
            int length = Integer.parseInt(req.getParameter("utm_length"));
            resp.setContentType("text/html;charset=UTF-8");
            byte[] page = page(mark, length);
            int half = page.length / 2;
            resp.getOutputStream().write(page, 0, half);
            if (req.getServletPath().equals("/failing.html")) {
                throw new IllegalStateException("the application fails halfway through its page");
            }
            resp.getOutputStream().write(page, half, page.length - half);
        }
    }

    @TempDir
    Path work;
    private Coquille coquille;
    private Server server;
    private final PageBuffers pool = new PageBuffers(PageBuffers.DEFAULT_MAX_BYTES);
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        MemoryStore store = new MemoryStore();
        for (String path : List.of("/page.html", "/failing.html")) {
            store.pages().saveSettings(PageSettings.off(PageId.of(path)).withWidgets(Set.of(Widget.REACTIONS)));
        }
        coquille = Coquille.builder().settings(Map.of("coquille.workFolder", work.toString()))
                .store(store).key(new byte[32]).build();
        ServletContextHandler context = new ServletContextHandler(LoopbackJetty.CONTEXT);
        context.addServlet(new ServletHolder(new MarkedPages()), "/");
        context.addFilter(new FilterHolder(new CoquilleFilter(coquille, pool)), "/*", EnumSet.of(DispatcherType.REQUEST));
        server = LoopbackJetty.start(context);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        coquille.close();
    }

    /** A page of {@code length} bytes: a head, {@code mark} over and over, {@code </body></html>}. */
    static byte[] page(String mark, int length) {
        String head = "<!DOCTYPE html><html><head><title>" + mark + "</title></head><body><p>";
        String tail = "</p></body></html>";
        StringBuilder text = new StringBuilder(length).append(head);
        while (text.length() < length - tail.length()) {
            text.append(mark);
        }
        text.setLength(Math.max(head.length(), length - tail.length()));
        return text.append(tail).toString().getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path, String mark, int length) throws Exception {
        URI uri = URI.create(LoopbackJetty.base(server) + path + "?utm_mark=" + mark + "&utm_length=" + length);
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Checks that the answer is the page of {@code mark} with the widgets, and nothing of any other page. */
    private static void assertIsItsOwnPage(HttpResponse<String> response, String mark, int length) {
        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        int widgets = body.indexOf("<link rel=\"stylesheet\"");
        int end = body.indexOf("</script>", body.indexOf("coquille.js")) + "</script>".length();
        assertThat(widgets).as("the widgets are on the page").isPositive();
        String withoutWidgets = body.substring(0, widgets) + body.substring(end);
        assertThat(withoutWidgets).as("the page of " + mark + ", byte for byte")
                .isEqualTo(new String(page(mark, length), StandardCharsets.UTF_8));
    }

    /**
     * What the pool keeps once the last request's filter is done: the client may have the whole answer a moment before
     * the filter gives its buffer back, so this waits for the pool to stop changing (5 s at most).
     */
    private long keptBytesOnceReleased() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (pool.keptBytes() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return pool.keptBytes();
    }

    @Test
    void aShortPageAfterALongOneInTheSameBufferHoldsNothingOfIt() throws Exception {
        assertIsItsOwnPage(get("/page.html", "LONG", 60_000), "LONG", 60_000);
        assertIsItsOwnPage(get("/page.html", "short", 2_000), "short", 2_000);
        assertIsItsOwnPage(get("/page.html", "LONG", 60_000), "LONG", 60_000);
        assertIsItsOwnPage(get("/page.html", "tiny", 200), "tiny", 200);

        assertThat(keptBytesOnceReleased()).as("one 64 KiB buffer, reused for every page").isEqualTo(64 * 1024);
    }

    @Test
    void aPageAfterOneWhoseApplicationThrewHoldsNothingOfIt() throws Exception {
        assertIsItsOwnPage(get("/page.html", "before", 30_000), "before", 30_000);

        HttpResponse<String> failed = get("/failing.html", "FAILED", 50_000);
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).doesNotContain("FAILEDFAILED"); // the container's error page names the URL
        assertThat(keptBytesOnceReleased()).as("the failed page's buffer went back").isEqualTo(64 * 1024);

        assertIsItsOwnPage(get("/page.html", "after", 1_000), "after", 1_000);
    }

    @Test
    void pagesServedAtOnceNeverSeeEachOthersBytes() throws Exception {
        ExecutorService readers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int reader = t;
                done.add(readers.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        String mark = "r" + reader + "n" + i + "-";
                        // short and long pages, some past the 64 KiB a page first gets, so buffers grow
                        int length = (i % 4 == 0) ? 150_000 + reader * 1_000 : 500 + (i * 997 + reader * 7_919) % 60_000;
                        assertIsItsOwnPage(get("/page.html", mark, length), mark, length);
                        if (i % 10 == 9) {
                            assertThat(get("/failing.html", "X" + mark, 40_000).statusCode()).isEqualTo(500);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            readers.shutdownNow();
        }
        assertThat(pool.keptBytes()).isPositive().isLessThanOrEqualTo(pool.maxBytes());
    }
}
