package org.coquille.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.DispatcherType;

import org.coquille.Coquille;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.Widget;
import org.coquille.store.MemoryStore;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A decorated page keeps the HTTP meaning of a page: no validators of the original, no 304 on their strength,
 * ranges and HEAD as the container alone answers them, the application's own errors its own. Each case is
 * compared with the same Jetty without the filter, serving static files with Jetty's {@link DefaultServlet}
 * (ETag, Last-Modified, ranges) and the test servlet's pages.
 */
class HttpSemanticsInJettyTest {

    @TempDir
    Path work;
    @TempDir
    Path docs;
    private Server server;
    private Server bare;
    private Coquille coquille;
    private String with;
    private String without;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static final String STATIC_PAGE = "<!DOCTYPE html><html><head><title>Annuaire</title></head><body>"
            + "<p>Le service informatique est au 3e \u00e9tage.</p>\n".repeat(40) + "</body></html>";

    @BeforeEach
    void start() throws Exception {
        Files.writeString(docs.resolve("static.html"), STATIC_PAGE, StandardCharsets.UTF_8);
        MemoryStore store = new MemoryStore();
        for (String path : new String[] {"/static.html", "/latin1.jsp", "/no-store.html", "/wrong-length.html",
            "/short-length.html"}) {
            store.pages().saveSettings(PageSettings.off(PageId.of(path)).withWidgets(Set.of(Widget.REACTIONS, Widget.COMMENTS)));
        }
        coquille = Coquille.builder().settings(Map.of("coquille.workFolder", work.toString()))
                .store(store).key(new byte[32]).build();
        server = jetty(true);
        bare = jetty(false);
        with = LoopbackJetty.base(server);
        without = LoopbackJetty.base(bare);
    }

    private Server jetty(boolean filtered) throws Exception {
        ServletContextHandler context = new ServletContextHandler(LoopbackJetty.CONTEXT);
        context.setBaseResourceAsPath(docs);
        context.addServlet(new ServletHolder(new TestPages()), "*.jsp");
        context.addServlet(new ServletHolder(new TestPages()), "/no-store.html");
        context.addServlet(new ServletHolder(new TestPages()), "/wrong-length.html");
        context.addServlet(new ServletHolder(new TestPages()), "/short-length.html");
        ServletHolder files = new ServletHolder("default", DefaultServlet.class);
        files.setInitParameter("etags", "true");
        context.addServlet(files, "/");
        if (filtered) {
            context.addFilter(new FilterHolder(new CoquilleFilter(coquille)), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        return LoopbackJetty.start(context);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        bare.stop();
        coquille.close();
    }

    private HttpResponse<byte[]> send(String method, String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static boolean decorated(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8).contains("<section class=\"coq-widgets\"");
    }

    @Test
    void decoratedPageCarriesNoneOfTheOriginalsValidators() throws Exception {
        HttpResponse<byte[]> original = send("GET", without + "/static.html");
        assertThat(original.headers().firstValue("ETag")).isPresent();
        assertThat(original.headers().firstValue("Last-Modified")).isPresent();

        HttpResponse<byte[]> page = send("GET", with + "/static.html");
        assertThat(decorated(page)).isTrue();
        assertThat(page.headers().firstValue("ETag")).isEmpty();
        assertThat(page.headers().firstValue("Last-Modified")).isEmpty();
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
    }

    @Test
    void conditionalRequestWithTheOriginalsValidatorsGetsTheDecoratedPage() throws Exception {
        HttpResponse<byte[]> original = send("GET", without + "/static.html");
        String etag = original.headers().firstValue("ETag").orElseThrow();
        String lastModified = original.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(send("GET", without + "/static.html", "If-None-Match", etag).statusCode()).isEqualTo(304);

        for (String[] condition : new String[][] {{"If-None-Match", etag}, {"If-Modified-Since", lastModified}}) {
            HttpResponse<byte[]> page = send("GET", with + "/static.html", condition);
            assertThat(page.statusCode()).as(condition[0]).isEqualTo(200);
            assertThat(decorated(page)).as(condition[0]).isTrue();
            assertThat(page.headers().firstValueAsLong("Content-Length")).hasValue(page.body().length);
        }
    }

    @Test
    void applicationsNoStoreIsKept() throws Exception {
        HttpResponse<byte[]> page = send("GET", with + "/no-store.html");
        assertThat(decorated(page)).isTrue();
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void pageWithoutWidgetsKeepsItsValidatorsAndAnswers304() throws Exception {
        Files.writeString(docs.resolve("plain.html"), STATIC_PAGE, StandardCharsets.UTF_8);
        HttpResponse<byte[]> page = send("GET", with + "/plain.html");
        String etag = page.headers().firstValue("ETag").orElseThrow();
        assertThat(decorated(page)).isFalse();
        assertThat(send("GET", with + "/plain.html", "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=0-99", "bytes=0-9,20-29,-5", "bytes=100-", "bytes=99999-"})
    void rangeRequestGetsWhatTheContainerAloneSends(String range) throws Exception {
        HttpResponse<byte[]> alone = send("GET", without + "/static.html", "Range", range);
        HttpResponse<byte[]> page = send("GET", with + "/static.html", "Range", range);
        assertThat(alone.statusCode()).isIn(206, 416);
        assertSameAnswer(page, alone);
    }

    @Test
    void ifRangeGetsWhatTheContainerAloneSends() throws Exception {
        String etag = send("GET", without + "/static.html").headers().firstValue("ETag").orElseThrow();
        for (String ifRange : new String[] {etag, "\"stale\""}) {
            HttpResponse<byte[]> alone = send("GET", without + "/static.html", "Range", "bytes=0-99", "If-Range", ifRange);
            HttpResponse<byte[]> page = send("GET", with + "/static.html", "Range", "bytes=0-99", "If-Range", ifRange);
            assertSameAnswer(page, alone);
        }
    }

    private static void assertSameAnswer(HttpResponse<byte[]> page, HttpResponse<byte[]> alone) {
        assertThat(page.statusCode()).isEqualTo(alone.statusCode());
        for (String header : new String[] {"Content-Range", "Content-Length", "ETag", "Last-Modified"}) {
            assertThat(page.headers().firstValue(header)).as(header).isEqualTo(alone.headers().firstValue(header));
        }
        // a multipart answer's boundary is random: the parts must be the same
        String type = alone.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("multipart/byteranges")) {
            String boundary = type.replaceAll(".*boundary=", "");
            String other = page.headers().firstValue("Content-Type").orElseThrow().replaceAll(".*boundary=", "");
            assertThat(new String(page.body(), StandardCharsets.ISO_8859_1).replace(other, "B"))
                    .isEqualTo(new String(alone.body(), StandardCharsets.ISO_8859_1).replace(boundary, "B"));
        } else {
            assertThat(page.headers().firstValue("Content-Type")).isEqualTo(alone.headers().firstValue("Content-Type"));
            // Jetty's own error page names the port, the one thing that differs between the two servers
            assertThat(portless(page.body())).isEqualTo(portless(alone.body()));
        }
    }

    private static String portless(byte[] body) {
        return new String(body, StandardCharsets.ISO_8859_1).replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/static.html", "/latin1.jsp"})
    void headNeverAnnouncesALengthGetDoesNotSend(String path) throws Exception {
        HttpResponse<byte[]> get = send("GET", with + path);
        HttpResponse<byte[]> head = send("HEAD", with + path);
        assertThat(decorated(get)).isTrue();
        assertThat(head.statusCode()).isEqualTo(200);
        head.headers().firstValueAsLong("Content-Length")
                .ifPresent(length -> assertThat(length).as("HEAD's Content-Length").isEqualTo(get.body().length));
        assertThat(head.headers().firstValue("ETag")).isEmpty();
        assertThat(head.headers().firstValue("Last-Modified")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/wrong-length.html", "/short-length.html"})
    void applicationsWrongContentLengthEndsAsWithoutCoquille(String path) throws Exception {
        int aloneStatus = statusOrFailure(without + path);
        assertThat(statusOrFailure(with + path)).isEqualTo(aloneStatus);
    }

    /** The status, or -1 when the container cut the connection (the body was shorter than announced). */
    private int statusOrFailure(String url) throws Exception {
        try {
            HttpResponse<byte[]> response = send("GET", url);
            assertThat(decorated(response)).isFalse();
            return response.statusCode();
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
