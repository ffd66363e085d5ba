package org.coquille.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import jakarta.servlet.DispatcherType;

import org.coquille.Coquille;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.Widget;
import org.coquille.spi.SocialStore;
import org.coquille.store.MemoryStore;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The filter in a real Jetty: pages that can take widgets get them with every other byte kept; every
 * other response streams through exactly as it does without the filter; failures fall back to the page.
 */
class FilterInJettyTest {

    @TempDir
    Path work;
    private Server server;
    private Server bare;
    private Coquille coquille;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private String start(SocialStore store, boolean twice) throws Exception {
        coquille = Coquille.builder().settings(Map.of("coquille.workFolder", work.toString(),
                        "coquille.maxPageSize", "65536"))
                .store(store).key(new byte[32]).build();
        server = jetty(twice ? 2 : 1);
        bare = jetty(0);
        return LoopbackJetty.base(server);
    }

    private Server jetty(int filters) throws Exception {
        ServletContextHandler context = new ServletContextHandler(LoopbackJetty.CONTEXT);
        context.addServlet(new ServletHolder(new TestPages()), "/");
        for (int i = 0; i < filters; i++) {
            FilterHolder holder = new FilterHolder(new CoquilleFilter(coquille));
            holder.setAsyncSupported(true);
            context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD,
                    DispatcherType.INCLUDE, DispatcherType.ERROR));
        }
        context.getServletHandler().getServlets()[0].setAsyncSupported(true);
        return LoopbackJetty.start(context);
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (bare != null) {
            bare.stop();
        }
        if (coquille != null) {
            coquille.close();
        }
    }

    private static MemoryStore storeWithWidgetsOn(String... paths) {
        MemoryStore store = new MemoryStore();
        for (String path : paths) {
            store.pages().saveSettings(PageSettings.off(PageId.of(path)).withWidgets(Set.of(Widget.REACTIONS, Widget.COMMENTS)));
        }
        return store;
    }

    private HttpResponse<byte[]> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The body with the widget fragment (link, section, script) cut out. */
    private static byte[] withoutFragment(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int start = text.indexOf("<link rel=\"stylesheet\" href=\"/intranet/_coquille/");
        String endMark = "</script>";
        int end = text.indexOf(endMark, text.indexOf("coquille.js")) + endMark.length();
        assertThat(start).as("fragment start").isNotNegative();
        return (text.substring(0, start) + text.substring(end)).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void latin1PageWrittenWithAWriterGetsWidgetsAndKeepsItsBytes() throws Exception {
        String url = start(storeWithWidgetsOn("/latin1.jsp"), false);
        HttpResponse<byte[]> response = get(url + "/latin1.jsp");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).contains("<section class=\"coq-widgets\"");
        assertThat(withoutFragment(response.body())).isEqualTo(TestPages.LATIN1_BYTES);
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/stream-bytes.html", "/header-length.html"})
    void contentLengthSetByTheApplicationIsRecomputed(String path) throws Exception {
        String url = start(storeWithWidgetsOn(path), false);
        HttpResponse<byte[]> response = get(url + path);
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
        assertThat(withoutFragment(response.body())).isEqualTo(TestPages.UTF8_PAGE.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void pageBiggerThanTheContainersBufferIsDecoratedWhole() throws Exception {
        String url = start(storeWithWidgetsOn("/report.html"), false);
        HttpResponse<byte[]> response = get(url + "/report.html");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().length).isGreaterThan(TestPages.REPORT.length);
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
        assertThat(withoutFragment(response.body())).isEqualTo(TestPages.REPORT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/off.html", "/data.json", "/missing.html", "/moved.html", "/not-modified.html",
        "/gzip.html", "/download.html", "/big.html", "/async.html"})
    void everythingElsePassesThroughExactlyAsWithoutTheFilter(String path) throws Exception {
        // widgets are on for every one of these pages: only the response itself rules decoration out
        String url = start(storeWithWidgetsOn("/data.json", "/missing.html", "/moved.html", "/not-modified.html",
                "/gzip.html", "/download.html", "/big.html", "/async.html"), false);
        HttpResponse<byte[]> with = get(url + path);
        HttpResponse<byte[]> without = get(LoopbackJetty.base(bare) + path);
        assertThat(with.statusCode()).isEqualTo(without.statusCode());
        // Jetty's own error page names the port, the one thing that differs between the two servers
        assertThat(portless(with.body())).isEqualTo(portless(without.body()));
        assertThat(new String(with.body(), StandardCharsets.ISO_8859_1)).doesNotContain("coq-widgets");
        for (String header : new String[] {"Content-Type", "Content-Encoding", "Content-Length", "Location",
            "Content-Disposition"}) {
            assertThat(with.headers().firstValue(header)).as(header).isEqualTo(without.headers().firstValue(header));
        }
    }

    private static String portless(byte[] body) {
        return new String(body, StandardCharsets.ISO_8859_1).replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT");
    }

    @Test
    void includedContentIsNotDecoratedOnItsOwn() throws Exception {
        String url = start(storeWithWidgetsOn("/including.jsp"), false);
        String body = new String(get(url + "/including.jsp").body(), StandardCharsets.ISO_8859_1);
        assertThat(body.split("<section class=\"coq-widgets\"", -1)).hasSize(2);
        // the included fragment's stray </body> is not the page's end: the widgets go before the last one
        assertThat(new String(withoutFragment(body.getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1))
                .isEqualTo("<html><body><div><p>included</p></body></div></body></html>");
        assertThat(body).endsWith("</script></body></html>");
    }

    @Test
    void headRequestIsNotDecorated() throws Exception {
        String url = start(storeWithWidgetsOn("/latin1.jsp"), false);
        HttpResponse<byte[]> head = client.send(HttpRequest.newBuilder(URI.create(url + "/latin1.jsp"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void streamingPageReachesTheClientBeforeItEnds() throws Exception {
        TestPages.firstChunkRead = new CountDownLatch(1);
        String url = start(storeWithWidgetsOn("/streaming.html"), false);
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(url + "/streaming.html"))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            byte[] first = new byte["<html><body><p>first chunk</p>".length()];
            int read = 0;
            while (read < first.length) {
                int n = in.read(first, read, first.length - read);
                assertThat(n).as("stream ended early").isPositive();
                read += n;
            }
            TestPages.firstChunkRead.countDown();
            String rest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(new String(first, StandardCharsets.UTF_8) + rest)
                    .isEqualTo("<html><body><p>first chunk</p><p>second chunk</p></body></html>");
        }
    }

    @Test
    void forwardedPageIsDecoratedOnce() throws Exception {
        String url = start(storeWithWidgetsOn("/forwarding.jsp"), false);
        String body = new String(get(url + "/forwarding.jsp").body(), StandardCharsets.ISO_8859_1);
        assertThat(body.split("<section class=\"coq-widgets\"", -1)).hasSize(2);
        assertThat(withoutFragment(body.getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(TestPages.LATIN1_BYTES);
    }

    @Test
    void filterMappedTwiceAddsWidgetsOnce() throws Exception {
        String url = start(storeWithWidgetsOn("/latin1.jsp"), true);
        String body = new String(get(url + "/latin1.jsp").body(), StandardCharsets.ISO_8859_1);
        assertThat(body.split("<section class=\"coq-widgets\"", -1)).hasSize(2);
    }

    @Test
    void failingStoreServesThePageAsWithoutCoquille() throws Exception {
        SocialStore failing = failing(SocialStore.class);
        String url = start(failing, false);
        for (int i = 0; i < 20; i++) {
            HttpResponse<byte[]> response = get(url + "/latin1.jsp");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(TestPages.LATIN1_BYTES);
        }
    }

    @Test
    void filterThatCannotStartLeavesTheIntranetRunningAsWithoutCoquille() throws Exception {
        ServletContextHandler context = new ServletContextHandler(LoopbackJetty.CONTEXT);
        context.addServlet(new ServletHolder(new TestPages()), "/");
        FilterHolder filter = new FilterHolder(CoquilleFilter.class);
        filter.setInitParameter("coquille.workFolder", work.toString());
        filter.setInitParameter("coquille.cache.ttl", "half a minute"); // not a duration: Coquille cannot start
        context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
        server = LoopbackJetty.start(context);
        assertThat(context.isAvailable()).isTrue();
        HttpResponse<byte[]> page = get(LoopbackJetty.base(server) + "/latin1.jsp");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo(TestPages.LATIN1_BYTES); // the host's bytes, as the container alone sends them
    }

    @Test
    void hostFailureIsTheHostsOwn() throws Exception {
        String url = start(storeWithWidgetsOn("/failing.jsp"), false);
        HttpResponse<byte[]> with = get(url + "/failing.jsp");
        HttpResponse<byte[]> without = get(LoopbackJetty.base(bare) + "/failing.jsp");
        assertThat(with.statusCode()).isEqualTo(without.statusCode());
        assertThat(new String(with.body(), StandardCharsets.ISO_8859_1)).doesNotContain("coq-widgets");
    }

    @Test
    void coquillesOwnRequestsNeverReachTheApplication() throws Exception {
        String url = start(new MemoryStore(), false);
        HttpResponse<byte[]> css = get(url + "/_coquille/static/coquille.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        HttpResponse<byte[]> unknown = get(url + "/_coquille/nothing-here");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void formPostThroughTheContainerIsStoredAndRedirectsBack() throws Exception {
        MemoryStore store = storeWithWidgetsOn("/latin1.jsp");
        String url = start(store, false);
        String page = new String(get(url + "/latin1.jsp").body(), StandardCharsets.ISO_8859_1);
        String token = page.replaceAll("(?s).*name=\"coq_csrf\" value=\"([^\"]+)\".*", "$1");
        // anonymous by default: the post is refused, with the reason shown back on the page
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url + "/_coquille/form/reaction"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("coq_csrf=" + token + "&coq_page=%2Flatin1.jsp"
                        + "&coq_return=%2Fintranet%2Flatin1.jsp&coq_reaction=on%3A%F0%9F%8E%89")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith("/intranet/latin1.jsp?coq_flash=");
        assertThat(store.reactions().reactionCounts(PageId.of("/latin1.jsp"))).isEmpty();
        String after = new String(get(url.replace("/intranet", "") + response.headers().firstValue("Location")
                .orElseThrow().split("#")[0]).body(), StandardCharsets.ISO_8859_1);
        assertThat(after).contains("Sign in to take part.");
        assertThat(Arrays.equals(TestPages.LATIN1_BYTES, withoutFragment(after.getBytes(StandardCharsets.ISO_8859_1))))
                .isTrue();
    }

    /** A store, or one of its parts (its areas), whose every operation fails. */
    private static <T> T failing(Class<T> type) {
        return type.cast(java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (method.getParameterCount() == 0 && method.getReturnType().getPackageName().equals("org.coquille.spi")) {
                        return failing(method.getReturnType());
                    }
                    return switch (method.getName()) {
                        case "close" -> null;
                        case "describe" -> "down";
                        default -> throw new org.coquille.spi.StoreUnavailableException("down", null);
                    };
                }));
    }
}
