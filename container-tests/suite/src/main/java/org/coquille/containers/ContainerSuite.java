package org.coquille.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.coquille.containers.Http.Answer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the filter must do in every servlet container, written once: HTTP in, HTTP out. Each container's module
 * runs it by saying how to start {@link TestIntranet} with or without the filter; the suite then compares each
 * answer with the same container's answer without the filter. Three applications per container: without the
 * filter, with it (in-memory store), and with it over a store that is down.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ContainerSuite {

    /** The filter class, the same name in both namespaces. */
    protected static final String FILTER = "org.coquille.servlet.CoquilleFilter";

    /**
     * Starts the container on 127.0.0.1, a free port, serving {@code docBase} at {@code /intranet}: its default servlet
     * for static files, its JSP engine for {@code *.jsp}, and, when {@code filterInitParams} is not null, the filter
     * {@link #FILTER} on {@code /*} for {@code REQUEST} dispatches with those init-params, as a {@code web.xml} declares it.
     */
    protected abstract WebApp start(Path docBase, Map<String, String> filterInitParams, Path scratch) throws Exception;

    /**
     * Whether the container's default servlet leaves out the Content-Length of a file too big for its buffer when a
     * filter wraps the response, streaming it chunked instead: the body is the same, only its framing differs. Jetty 12
     * does so: ee8's ResourceService writes "normally", without the length, to any stream not its own; ee10's
     * ResourceServlet takes the length as unknown (jetty/jetty.project#12792).
     */
    protected boolean chunksWrappedStaticFiles() {
        return false;
    }

    /**
     * Whether the container's default servlet refuses every range (416, {@code Content-Range: bytes *}{@code /-1}) once
     * any filter wraps the response: Jetty 12.0.16's ee10 ResourceServlet then takes the file's length as unknown
     * (jetty/jetty.project#12792). Coquille wraps the responses of pages whose widgets are on, and of a page it has
     * not catalogued yet.
     */
    protected boolean refusesRangesThroughAWrapper() {
        return false;
    }

    private Path dir;
    private WebApp bare;
    private WebApp filtered;
    private WebApp storeDown;

    @BeforeAll
    void startContainers() throws Exception {
        dir = Files.createTempDirectory("coquille-" + getClass().getSimpleName());
        Path docBase = TestIntranet.writeWebApp(dir.resolve("webapp"));
        bare = start(docBase, null, dir.resolve("scratch-bare"));
        filtered = start(docBase, TestIntranet.filterSettings(dir.resolve("work"), "memory"), dir.resolve("scratch"));
        storeDown = start(docBase, TestIntranet.filterSettings(dir.resolve("work-down"), FailingStoreProvider.NAME),
                dir.resolve("scratch-down"));
    }

    @AfterAll
    void stopContainers() throws Exception {
        for (WebApp app : new WebApp[] {storeDown, filtered, bare}) {
            if (app != null) {
                app.close();
            }
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    // ---- pages with widgets: the container's own bytes, with the fragment inserted and nothing else changed ------

    @Test
    void jspCompiledByTheContainerGetsTheFragmentAndKeepsEveryOtherByte() throws Exception {
        Answer without = Http.get(bare.base() + "/page.jsp");
        assertThat(without.status()).isEqualTo(200);
        // the container's JSP engine ran the page: its loop and expression are in the output, in ISO-8859-1
        assertThat(without.body()).containsSequence("<li>cr\u00e8me br\u00fbl\u00e9e</li>".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(without.text()).contains("Couverts servis : 42 \u00d7 2");
        Answer with = Http.get(filtered.base() + "/page.jsp");
        assertDecorated(with, without);
    }

    @Test
    void jspIncludingAnotherIsDecoratedOnceAtTheEndOfThePage() throws Exception {
        Answer without = Http.get(bare.base() + "/include.jsp");
        assertThat(without.text()).contains("3 places</p></body>");
        Answer with = Http.get(filtered.base() + "/include.jsp");
        String inserted = assertDecorated(with, without);
        assertThat(with.text().split("<section class=\"coq-widgets\"", -1)).hasSize(2);
        // the included part's stray </body> is not the page's end
        String page = new String(with.body(), StandardCharsets.UTF_8);
        assertThat(page.indexOf(new String(inserted.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)))
                .isGreaterThan(page.indexOf("\u00c9t\u00e9 \u2014 \u00e0 la une"));
    }

    @Test
    void staticPageFromTheDefaultServletGetsTheFragmentAndKeepsEveryOtherByte() throws Exception {
        assertDecorated(Http.get(filtered.base() + "/static.html"), Http.get(bare.base() + "/static.html"));
    }

    /** Asserts {@code with} is {@code without} with one insertion, the widgets' fragment; returns the insertion. */
    private static String assertDecorated(Answer with, Answer without) {
        assertThat(with.status()).isEqualTo(without.status()).isEqualTo(200);
        assertThat(with.header("Content-Type")).isEqualTo(without.header("Content-Type"));
        assertThat(with.header("Content-Length")).hasValue(String.valueOf(with.body().length));
        byte[] page = without.body();
        byte[] decorated = with.body();
        int prefix = 0;
        while (prefix < page.length && prefix < decorated.length && page[prefix] == decorated[prefix]) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < page.length - prefix && suffix < decorated.length - prefix
                && page[page.length - 1 - suffix] == decorated[decorated.length - 1 - suffix]) {
            suffix++;
        }
        assertThat(prefix + suffix).as("the page's own bytes, all kept around one insertion").isEqualTo(page.length);
        String inserted = new String(Arrays.copyOfRange(decorated, prefix, decorated.length - suffix), StandardCharsets.ISO_8859_1);
        assertThat(inserted).contains("<section class=\"coq-widgets\"").contains("/intranet/_coquille/static/coquille.js");
        return inserted;
    }

    // ---- everything else: exactly what the container sends without the filter ----------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/plain.jsp", "/plain.html"})
    void pageWithWidgetsOffIsTheContainersOwnByteForByte(String path) throws Exception {
        assertSameAnswer(Http.get(filtered.base() + path), Http.get(bare.base() + path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/data.json", "/style.css", "/status.jsp", "/encoded.jsp", "/redirect.jsp", "/nowhere.html",
        "/big.html"})
    void responseThatCannotTakeWidgetsPassesThroughAsTheContainerSendsIt(String path) throws Exception {
        // widgets are on for every one of these paths: only the response rules them out (not HTML, not 200,
        // Content-Encoding set, a redirect, the container's own 404, over the size cap)
        Answer with = Http.get(filtered.base() + path);
        assertSameAnswer(with, Http.get(bare.base() + path));
        assertThat(with.text()).doesNotContain("coq-widgets");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/plain.html", "/data.json"})
    void rangeRequestGetsTheContainersPartialAnswer(String path) throws Exception {
        Map<String, String> range = Map.of("Range", "bytes=10-49");
        Answer with = Http.send("GET", filtered.base() + path, range, null);
        Answer without = Http.send("GET", bare.base() + path, range, null);
        assertThat(without.status()).isEqualTo(206);
        assertThat(without.body()).hasSize(40);
        if (refusesRangesThroughAWrapper() && with.status() == 416) {
            assertThat(with.header("Content-Range")).hasValue("bytes */-1");
        } else {
            assertSameAnswer(with, without);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/page.jsp", "/plain.jsp", "/static.html"})
    void headRequestAnswersAsTheContainerDoes(String path) throws Exception {
        Answer with = Http.send("HEAD", filtered.base() + path, Map.of(), null);
        Answer without = Http.send("HEAD", bare.base() + path, Map.of(), null);
        assertThat(with.status()).isEqualTo(without.status()).isEqualTo(200);
        assertThat(with.header("Content-Type")).isEqualTo(without.header("Content-Type"));
        assertThat(with.body()).isEmpty();
    }

    private void assertSameAnswer(Answer with, Answer without) {
        assertThat(with.status()).isEqualTo(without.status());
        // the two applications differ by their port only, which a redirect or an error page may name
        assertThat(portless(with.text())).isEqualTo(portless(without.text()));
        if (chunksWrappedStaticFiles() && with.header("Content-Length").isEmpty()) {
            assertThat(with.header("Transfer-Encoding")).hasValue("chunked");
        } else {
            assertThat(with.header("Content-Length")).as("Content-Length").isEqualTo(without.header("Content-Length"));
        }
        for (String header : new String[] {"Content-Type", "Content-Encoding", "Content-Range", "Location",
            "Accept-Ranges"}) {
            assertThat(with.header(header).map(ContainerSuite::portless)).as(header)
                    .isEqualTo(without.header(header).map(ContainerSuite::portless));
        }
    }

    private static String portless(String text) {
        return text.replaceAll("(127\\.0\\.0\\.1|localhost):\\d+", "$1:PORT");
    }

    // ---- fail-open: a store that is down leaves every page as the container sends it -------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/page.jsp", "/include.jsp", "/static.html"})
    void storeThatIsDownServesThePageAsWithoutCoquille(String path) throws Exception {
        Answer without = Http.get(bare.base() + path);
        for (int i = 0; i < 3; i++) {
            Answer with = Http.get(storeDown.base() + path);
            assertThat(with.status()).isEqualTo(200);
            assertThat(with.body()).isEqualTo(without.body());
            assertThat(with.header("Content-Type")).isEqualTo(without.header("Content-Type"));
        }
    }

    // ---- Coquille's own routes through the container ----------------------------------------------------------

    private static Map<String, String> as(String user, String roles) {
        return Map.of("X-Remote-User", user, "X-Roles", roles);
    }

    @Test
    void consoleIsTheEditorsAndOnlyTheirs() throws Exception {
        Map<String, String> edith = as("edith", "employee,coquille-editor");
        assertThat(Http.send("GET", filtered.base() + "/_coquille/console/", edith, null).status()).isIn(200, 303);
        Answer editor = Http.send("GET", filtered.base() + "/_coquille/console/pages", edith, null);
        assertThat(editor.status()).isEqualTo(200);
        assertThat(editor.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(Jsoup.parse(new String(editor.body(), StandardCharsets.UTF_8)).body().hasClass("coq-console")).isTrue();
        Answer employee = Http.send("GET", filtered.base() + "/_coquille/console/", as("alice", "employee"), null);
        assertThat(employee.status()).isEqualTo(403);
        assertThat(employee.text()).contains("does not have the editor role");
        assertThat(Http.get(filtered.base() + "/_coquille/console/").status()).as("anonymous").isEqualTo(403);
    }

    @Test
    void commentPostedThroughAWidgetFormShowsOnThePage() throws Exception {
        String comment = "Le caf\u00e9 est offert \u00e0 partir du 1er mars \u2014 merci ! " + getClass().getSimpleName();
        Answer page = Http.send("GET", filtered.base() + "/page.jsp", as("alice", "employee"), null);
        Element form = Jsoup.parse(page.text()).selectFirst("form.coq-new-comment");
        assertThat(form).as("the comment form").isNotNull();
        assertThat(form.attr("action")).isEqualTo("/intranet/_coquille/form/comment");
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[type=hidden]")) {
            fields.put(input.attr("name"), input.val());
        }
        assertThat(fields).containsKey("coq_csrf");
        fields.put(form.selectFirst("textarea").attr("name"), comment);
        String origin = filtered.base().substring(0, filtered.base().indexOf("/intranet"));
        Map<String, String> headers = new LinkedHashMap<>(as("alice", "employee"));
        headers.put("Origin", origin);
        Answer posted = Http.send("POST", origin + form.attr("action"), headers, Http.form(fields));
        assertThat(posted.status()).isEqualTo(303);
        assertThat(posted.header("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/intranet/page.jsp"));

        Answer later = Http.send("GET", filtered.base() + "/page.jsp", as("bruno", "employee"), null);
        assertThat(Jsoup.parse(later.text()).select(".coq-comments").text()).contains(comment);
        // a refused post (no token) changes nothing and never reaches the host application
        Answer forged = Http.send("POST", origin + form.attr("action"), headers, Http.form(Map.of("coq_body", "forged")));
        assertThat(forged.status()).isIn(303, 400, 403);
        assertThat(Http.send("GET", filtered.base() + "/page.jsp", as("bruno", "employee"), null).text()).doesNotContain("forged");
    }

    @Test
    void coquillesOwnFilesAreServedByTheFilter() throws Exception {
        Answer css = Http.get(filtered.base() + "/_coquille/static/coquille.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(Http.get(bare.base() + "/_coquille/static/coquille.css").status()).isEqualTo(404);
    }
}
