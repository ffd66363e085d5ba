package org.coquille.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;


import org.coquille.Coquille;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.Widget;
import org.coquille.store.MemoryStore;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests Coquille cannot read, through a real Jetty: undecodable or oversized form posts, numbers out of range,
 * wrong methods. Each gets a clear 4xx, and none fills the log with errors.
 */
class BadInputInJettyTest {

    private static final PageId PAGE = PageId.of("/latin1.jsp");

    @TempDir
    Path work;
    private Server server;
    private Coquille coquille;
    private MemoryStore store;
    private String base;
    private String origin;
    private PrintStream realErr;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        store = new MemoryStore();
        store.pages().saveSettings(PageSettings.off(PAGE).withWidgets(Set.of(Widget.COMMENTS, Widget.VOTE)));
        coquille = Coquille.builder().settings(Map.of("coquille.workFolder", work.toString(),
                        "coquille.identity", "header", "coquille.identity.rolesHeader", "X-Roles"))
                .store(store).key(new byte[32]).build();
        server = LoopbackJetty.pagesBehind(coquille);
        origin = LoopbackJetty.origin(server);
        base = LoopbackJetty.base(server);
        realErr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8)); // slf4j-simple writes to System.err
    }

    @AfterEach
    void stop() throws Exception {
        System.setErr(realErr);
        server.stop();
        coquille.close();
    }

    private String logged() {
        return log.toString(StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder as(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("X-Remote-User", "alice")
                .header("X-Roles", "employee,coquille-editor");
    }

    private String token() throws Exception {
        String page = new String(HttpClient.newHttpClient().send(as("/latin1.jsp").build(),
                HttpResponse.BodyHandlers.ofByteArray()).body(), StandardCharsets.ISO_8859_1);
        return page.replaceAll("(?s).*name=\"coq_csrf\" value=\"([^\"]+)\".*", "$1");
    }

    private HttpResponse<String> post(String path, String type, String body) throws Exception {
        return HttpClient.newHttpClient().send(as(path).header("Content-Type", type).header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> form(String path, String body) throws Exception {
        return post(path, "application/x-www-form-urlencoded", body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/_coquille/form/comment", "/_coquille/console/page"})
    void undecodableFormIsABadRequestThatSaysWhy(String path) throws Exception {
        String fields = "coq_csrf=" + token() + "&coq_page=%2Flatin1.jsp&coq_body=caf%E9+%FF%FE";
        HttpResponse<String> response = form(path, fields);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("UTF-8");
        assertThat(store.comments().comments(PAGE)).isEmpty();
        assertThat(logged()).doesNotContain("ERROR").doesNotContain("\tat ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/_coquille/form/comment", "/_coquille/console/page"})
    void formOverTheContainersLimitIsTooLarge(String path) throws Exception {
        String fields = "coq_csrf=" + token() + "&coq_page=%2Flatin1.jsp&coq_body=" + "a".repeat(250_000);
        HttpResponse<String> response = form(path, fields);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("200000");
        assertThat(logged()).doesNotContain("ERROR").doesNotContain("\tat ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/_coquille/form/comment", "/_coquille/console/page"})
    void formWithTooManyFieldsIsRefused(String path) throws Exception {
        String fields = "coq_csrf=" + token() + "&coq_page=%2Flatin1.jsp&"
                + IntStream.range(0, 1001).mapToObj(i -> "f" + i + "=x").collect(Collectors.joining("&"));
        HttpResponse<String> response = form(path, fields);
        assertThat(response.statusCode()).isIn(400, 413);
        assertThat(response.body()).contains("1000");
        assertThat(logged()).doesNotContain("ERROR").doesNotContain("\tat ");
    }

    @Test
    void manyBadPostsLogOneWarning() throws Exception {
        String fields = "coq_csrf=" + token() + "&coq_page=%2Flatin1.jsp&coq_body=%FF";
        for (int i = 0; i < 20; i++) {
            assertThat(form("/_coquille/form/comment", fields).statusCode()).isEqualTo(400);
        }
        // Jetty logs its own warning for each form it cannot parse, as it does for the application's forms
        assertThat(logged().lines().filter(line -> line.contains("WARN org.coquille"))).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"GET, /_coquille/form/comment, POST", "PUT, /_coquille/form/vote, POST", "DELETE, /_coquille/api/vote, POST",
        "GET, /_coquille/api/comment, POST", "PUT, /_coquille/api/page, 'GET, HEAD'",
        "PUT, /_coquille/console/pages, 'GET, HEAD, POST'", "DELETE, /_coquille/console/page, 'GET, HEAD, POST'"})
    void otherMethodIsNotAllowedAndSaysSo(String method, String path, String allowed) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(as(path).header("Origin", origin)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue(allowed);
        assertThat(response.body()).contains("The method " + method + " is not allowed here; use " + allowed + ".");
    }
}
