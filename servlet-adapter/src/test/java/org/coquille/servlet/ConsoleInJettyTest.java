package org.coquille.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;


import org.coquille.core.CommentState;
import org.coquille.Coquille;
import org.coquille.core.Moderation;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.PatternRule;
import org.coquille.core.Widget;
import org.coquille.store.MemoryStore;
import org.eclipse.jetty.server.Server;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editors' console through the filter in a real Jetty, users coming from a trusted SSO header: editors
 * can, employees cannot, and what an editor changes shows on the next page view.
 */
class ConsoleInJettyTest {

    private static final String CONSOLE = "/_coquille/console/";
    private static final PageId LATIN1 = PageId.of("/latin1.jsp");

    @TempDir
    Path work;
    private Server server;
    private Coquille coquille;
    private MemoryStore store;
    private String base;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() throws Exception {
        store = new MemoryStore();
        coquille = Coquille.builder().settings(Map.of("coquille.workFolder", work.toString(),
                        "coquille.identity", "header", "coquille.identity.rolesHeader", "X-Roles"))
                .store(store).key(new byte[32]).build();
        server = LoopbackJetty.pagesBehind(coquille);
        base = LoopbackJetty.base(server);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        coquille.close();
    }

    private HttpRequest.Builder as(String user, boolean editor, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("X-Remote-User", user)
                .header("X-Roles", editor ? "employee,coquille-editor" : "employee");
    }

    private HttpResponse<String> get(String user, boolean editor, String path) throws Exception {
        return client.send(as(user, editor, path).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String page(String user, String path) throws Exception {
        HttpResponse<byte[]> response = client.send(as(user, false, path).build(), HttpResponse.BodyHandlers.ofByteArray());
        return new String(response.body(), StandardCharsets.ISO_8859_1);
    }

    private String token(String user) throws Exception {
        Document settings = Jsoup.parse(get(user, true, CONSOLE + "settings").body());
        return settings.selectFirst("input[name=coq_csrf]").val();
    }

    /** Posts a console form as a browser does: URL-encoded UTF-8, with its Origin. */
    private HttpResponse<String> post(String user, boolean editor, String route, String token, Map<String, List<String>> fields)
            throws Exception {
        Map<String, List<String>> all = new LinkedHashMap<>(fields);
        all.put("coq_csrf", List.of(token));
        String body = all.entrySet().stream().flatMap(e -> e.getValue().stream().map(v -> URLEncoder.encode(e.getKey(),
                StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8))).collect(Collectors.joining("&"));
        // a new connection each time: a post refused before its body is read may end its connection, and reusing one
        // the server is closing fails on the client's side ("received no bytes")
        return HttpClient.newHttpClient().send(as(user, editor, CONSOLE + route).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base.substring(0, base.indexOf("/intranet")))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void editorCanAndEmployeeCannotOnEveryRoute() throws Exception {
        for (String route : List.of("", "pages", "page?id=%2Flatin1.jsp", "patterns", "pattern", "polls", "poll", "datepolls",
                "datepoll", "moderation", "settings", "settings/export")) {
            HttpResponse<String> employee = get("alice", false, CONSOLE + route);
            assertThat(employee.statusCode()).as(route).isEqualTo(403);
            assertThat(employee.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
            assertThat(employee.body()).contains("does not have the editor role");
            assertThat(get("edith", true, CONSOLE + route).statusCode()).as(route).isIn(200, 303);
            assertThat(client.send(HttpRequest.newBuilder(URI.create(base + CONSOLE + route)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as("anonymous " + route).isEqualTo(403);
        }
        String aliceToken = token("alice");
        for (String route : List.of("page", "page/reset", "pattern", "pattern/delete", "poll", "poll/open", "poll/close",
                "poll/delete", "datepoll", "datepoll/close", "datepoll/delete", "moderation", "settings/import")) {
            HttpResponse<String> employee = post("alice", false, route, aliceToken,
                    Map.of("id", List.of("/latin1.jsp"), "widget", List.of("comments"), "pattern", List.of("/*")));
            assertThat(employee.statusCode()).as(route).isEqualTo(403);
        }
        assertThat(store.pages().allSettings()).isEmpty();
        assertThat(store.settings().patternRules()).isEmpty();
    }

    @Test
    void widgetTurnedOnInTheConsoleShowsOnTheNextPageView() throws Exception {
        assertThat(page("alice", "/latin1.jsp")).isEqualTo(new String(TestPages.LATIN1_BYTES, StandardCharsets.ISO_8859_1));
        HttpResponse<String> saved = post("edith", true, "page", token("edith"),
                Map.of("id", List.of("/latin1.jsp"), "widget", List.of("reactions", "comments")));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValue("/intranet" + CONSOLE + "page?id=%2Flatin1.jsp&done=saved");
        String after = page("alice", "/latin1.jsp");
        assertThat(after).contains("<section class=\"coq-widgets\"").contains("coq-reactions").contains("coq-comments");

        post("edith", true, "page", token("edith"), Map.of("id", List.of("/latin1.jsp")));
        assertThat(page("alice", "/latin1.jsp")).isEqualTo(new String(TestPages.LATIN1_BYTES, StandardCharsets.ISO_8859_1));
    }

    @Test
    void patternsAndPageOverridesResolveAsDocumented() throws Exception {
        String token = token("edith");
        post("edith", true, "pattern", token, Map.of("pattern", List.of("*.jsp"), "widget", List.of("vote")));
        assertThat(page("alice", "/latin1.jsp")).contains("coq-vote");
        post("edith", true, "pattern", token, Map.of("pattern", List.of("/latin1.jsp"), "widget", List.of("reactions")));
        assertThat(page("alice", "/latin1.jsp")).as("exact pattern beats suffix").contains("coq-reactions")
                .doesNotContain("coq-vote");
        post("edith", true, "page", token, Map.of("id", List.of("/latin1.jsp")));
        assertThat(page("alice", "/latin1.jsp")).as("the page's own settings win, even all off")
                .doesNotContain("coq-widgets");
        assertThat(store.settings().patternRules()).extracting(PatternRule::pattern).containsExactly("*.jsp", "/latin1.jsp");
        post("edith", true, "page/reset", token, Map.of("id", List.of("/latin1.jsp")));
        assertThat(page("alice", "/latin1.jsp")).contains("coq-reactions");
    }

    @Test
    void commentWaitingForApprovalShowsOnceApproved() throws Exception {
        store.pages().saveSettings(PageSettings.off(LATIN1).withWidgets(Set.of(Widget.COMMENTS)).withModeration(Moderation.PRE));
        long id = coquille.comments().post(org.coquille.core.User.employee("alice"), LATIN1, null, "Et le dessert ?").id();
        assertThat(page("bruno", "/latin1.jsp")).doesNotContain("Et le dessert ?");
        Document queue = Jsoup.parse(get("edith", true, CONSOLE + "moderation").body());
        assertThat(queue.select("tr[data-comment=" + id + "] .coq-body").text()).isEqualTo("Et le dessert ?");
        HttpResponse<String> approved = post("edith", true, "moderation", token("edith"),
                Map.of("comment", List.of(String.valueOf(id)), "action", List.of("approve")));
        assertThat(approved.statusCode()).isEqualTo(303);
        assertThat(store.comments().comment(id).state()).isEqualTo(CommentState.VISIBLE);
        assertThat(page("bruno", "/latin1.jsp")).contains("Et le dessert ?");
        Document trail = Jsoup.parse(get("edith", true, CONSOLE + "moderation").body());
        assertThat(trail.select("tr.coq-audit-entry").first().text()).contains("edith", "Comment approved", "waiting", "visible");
    }

    @Test
    void importOfABadFileChangesNothing() throws Exception {
        store.pages().saveSettings(PageSettings.off(LATIN1).withWidgets(Set.of(Widget.VOTE)));
        String bad = "{\n \"format\": \"coquille-settings\",\n \"pages\": [\n  { \"page\": \"/latin1.jsp\", \"widgets\": [] },\n"
                + "  { \"page\": \"nope\" }\n ]\n}\n";
        HttpResponse<String> refused = post("edith", true, "settings/import", token("edith"), Map.of("json", List.of(bad)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).select("#coq-problems li").eachText()).containsExactly(
                "Line 5: \"nope\" is not a page address: it starts with / and has at most 500 characters.");
        assertThat(store.pages().allSettings()).containsExactly(PageSettings.off(LATIN1).withWidgets(Set.of(Widget.VOTE)));
        assertThat(page("alice", "/latin1.jsp")).contains("coq-vote");
    }

    @Test
    void consoleStylesheetIsServed() throws Exception {
        HttpResponse<String> css = get("alice", false, "/_coquille/static/console.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains(".coq-console");
    }
}
