package org.coquille.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.coquille.core.AuditEntry;
import org.coquille.core.CommentState;
import org.coquille.Coquille;
import org.coquille.core.PageId;
import org.coquille.core.PageRules;
import org.coquille.core.PageSettings;
import org.coquille.core.PatternRule;
import org.coquille.inject.Placement;
import org.coquille.core.Poll;
import org.coquille.core.ResultsVisibility;
import org.coquille.core.User;
import org.coquille.core.VoteKind;
import org.coquille.core.Widget;
import org.coquille.http.FakeRequest;
import org.coquille.http.HttpResponse;
import org.coquille.http.IdentityResolver;
import org.coquille.store.MemoryStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The editors' console end to end through core (router, use cases, cached store), without a container. */
class ConsoleRoutesTest {

    private static final String C = EditorInConsole.C;
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final PageId NEWS = PageId.of("/actualites/2026/cantine.jsp");
    private static final String PAGE_HTML = "<html><head><title>Nouveau menu &amp; horaires</title></head>"
            + "<body><div id=\"contenu\"><h1>Menu</h1></div></body></html>";

    /** Every GET route of the console, with the parameters it needs. */
    static final List<String> GETS = List.of("", "pages", "pages?q=menu&sort=views&dir=desc", "page?id=/a.jsp", "patterns",
            "pattern", "pattern?p=/a/*", "polls", "poll", "poll?page=/a.jsp", "datepolls", "datepoll", "datepoll?page=/a.jsp",
            "moderation", "settings", "settings/export");
    /** Every POST route of the console. */
    static final List<String> POSTS = List.of("page", "page/reset", "pattern", "pattern/delete", "poll", "poll/open",
            "poll/close", "poll/delete", "datepoll", "datepoll/close", "datepoll/delete", "moderation", "settings/import");

    @TempDir
    Path work;
    private MemoryStore store;
    private Coquille coquille;
    private EditorInConsole console;

    private void start(String loginUrl) throws Exception {
        store = new MemoryStore();
        PageRules file = PageRules.read(new ByteArrayInputStream("""
                /actualites/* = comments
                *.pdf.html = reactions
                """.getBytes(StandardCharsets.UTF_8)), "test");
        coquille = Coquille.builder()
                .settings(Map.of("coquille.workFolder", work.toString(), "coquille.loginUrl", loginUrl))
                .store(store).key(new byte[32]).clock(Clock.fixed(NOW, ZoneOffset.UTC)).zone(ZoneOffset.UTC)
                .identity(IdentityResolver.container("coquille-editor")).pageRules(file).build();
        console = new EditorInConsole(coquille);
    }

    @BeforeEach
    void startWithoutLogin() throws Exception {
        start("");
    }

    @AfterEach
    void stop() {
        coquille.close();
    }







    private byte[] view(PageId page, String user) {
        return coquille.decorate(FakeRequest.get(page.value()).user(user), PAGE_HTML.getBytes(StandardCharsets.UTF_8),
                "UTF-8");
    }

    @Test
    void everyRouteAnswersAnEditor() {
        for (String route : GETS) {
            HttpResponse response = console.get(route);
            assertThat(response.status()).as(route).isIn(200, 303);
            assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        }
        assertThat(console.get("").header("Location")).isEqualTo(C + "pages");
    }

    @Test
    void employeeGetsA403OnEveryRouteAndChangesNothing() {
        store.pages().saveSettings(PageSettings.off(NEWS).withWidgets(Set.of(Widget.COMMENTS)));
        String token = console.token();
        for (String route : GETS) {
            HttpResponse response = coquille.handle(FakeRequest.get(C + route).user("alice"));
            assertThat(response.status()).as(route).isEqualTo(403);
            assertThat(response.bodyText()).isEqualTo("The Coquille console is for content editors. "
                    + "Your account does not have the editor role.");
        }
        for (String route : POSTS) {
            HttpResponse response = coquille.handle(FakeRequest.post(C + route).user("alice").param("coq_csrf", token)
                    .param("id", NEWS.value()).param("widget", "vote").param("pattern", "/x/*").param("json", "{}"));
            assertThat(response.status()).as(route).isEqualTo(403);
        }
        assertThat(store.pages().allSettings()).containsExactly(PageSettings.off(NEWS).withWidgets(Set.of(Widget.COMMENTS)));
        assertThat(store.settings().patternRules()).isEmpty();
        assertThat(store.audit().auditEntries(10)).isEmpty();
    }

    @Test
    void employeeIsToldInFrench() {
        HttpResponse response = coquille.handle(FakeRequest.get(C + "pages").user("alice").locale(Locale.FRENCH));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.bodyText()).startsWith("La console Coquille est réservée aux éditeurs de contenu.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pages", "moderation", "settings/export"})
    void anonymousVisitorGetsA403WithoutALoginPage(String route) {
        HttpResponse response = coquille.handle(FakeRequest.get(C + route));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.bodyText()).contains("Sign in to the intranet first.");
    }

    @Test
    void anonymousVisitorGoesToTheHostsLoginWhenThereIsOne() throws Exception {
        coquille.close();
        start("/intranet/login.html");
        for (String route : GETS) {
            HttpResponse response = coquille.handle(FakeRequest.get(C + route));
            assertThat(response.status()).as(route).isEqualTo(303);
            assertThat(response.header("Location")).isEqualTo("/intranet/login.html");
        }
    }

    @Test
    void postWithoutTheTokenOrFromAnotherSiteChangesNothing() {
        HttpResponse noToken = coquille.handle(EditorInConsole.editor(FakeRequest.post(C + "page")).param("id", NEWS.value())
                .param("widget", "vote"));
        assertThat(noToken.status()).isEqualTo(403);
        HttpResponse otherSite = coquille.handle(console.post("page").param("id", NEWS.value()).param("widget", "vote")
                .header("Origin", "https://evil.example"));
        assertThat(otherSite.status()).isEqualTo(403);
        assertThat(store.pages().allSettings()).isEmpty();
    }

    @Test
    void widgetTurnedOnShowsOnTheNextPageView() {
        PageId page = PageId.of("/rh/conges.jsp");
        assertThat(view(page, "alice")).as("no widget yet").isNull();
        Document after = console.follow(coquille.handle(console.post("page").param("id", page.value()).param("widget", "vote")
                .param("widget", "reactions").param("vote", "stars").param("anchor", "after").param("selector", "#contenu")));
        assertThat(after.select(".coq-notice").text()).isEqualTo("Saved. The change shows on the next page view.");
        assertThat(after.select("#coq-w-vote").attr("checked")).isNotNull();
        String decorated = new String(view(page, "alice"), StandardCharsets.UTF_8);
        assertThat(decorated).contains("coq-widgets").contains("coq-vote").contains("coq-reactions");
        assertThat(decorated.indexOf("coq-widgets")).as("after #contenu").isGreaterThan(decorated.indexOf("</div>"));
        assertThat(store.pages().settings(page)).isEqualTo(new PageSettings(page, Set.of(Widget.VOTE, Widget.REACTIONS),
                Placement.after("#contenu"), VoteKind.STARS, org.coquille.core.Moderation.POST, false));

        console.follow(coquille.handle(console.post("page").param("id", page.value())));
        assertThat(view(page, "alice")).as("every widget off again").isNull();
        assertThat(store.audit().auditEntries(10)).extracting(AuditEntry::action).containsExactly("page.settings", "page.settings");
    }

    @Test
    void badSelectorIsRefusedWithWhatWasTyped() {
        HttpResponse response = coquille.handle(console.post("page").param("id", NEWS.value()).param("widget", "vote")
                .param("anchor", "after").param("selector", "div[[").locale(Locale.FRENCH));
        assertThat(response.status()).isEqualTo(400);
        Document form = Jsoup.parse(response.bodyText());
        assertThat(form.select("[role=alert]").text()).isEqualTo("« div[[ » n’est pas un sélecteur CSS.".replace('’', '\''));
        assertThat(form.select("#coq-selector").val()).isEqualTo("div[[");
        assertThat(store.pages().allSettings()).isEmpty();
    }

    @Test
    void pageOverridesWinOverConsolePatternsWhichWinOverTheFileByBeingMoreSpecific() {
        PageId other = PageId.of("/actualites/2025/bilan.jsp");
        PageId pdf = PageId.of("/docs/rapport.pdf.html");
        assertThat(coquille.pages().settings(NEWS).widgets()).containsExactly(Widget.COMMENTS);

        console.follow(coquille.handle(console.post("pattern").param("pattern", "/actualites/2026/*").param("widget", "vote")));
        assertThat(coquille.pages().settings(NEWS).widgets()).as("more specific than the file's").containsExactly(Widget.VOTE);
        assertThat(coquille.pages().settings(other).widgets()).as("file pattern still").containsExactly(Widget.COMMENTS);

        console.follow(coquille.handle(console.post("pattern").param("pattern", "*.pdf.html").param("widget", "poll")));
        assertThat(coquille.pages().settings(pdf).widgets()).as("replaces the file's same pattern").containsExactly(Widget.POLL);

        console.follow(coquille.handle(console.post("page").param("id", NEWS.value()).param("widget", "reactions")));
        assertThat(coquille.pages().settings(NEWS).widgets()).as("page wins").containsExactly(Widget.REACTIONS);
        assertThat(console.page("page?id=" + NEWS.value()).select(".coq-facts").text()).contains("Settings from this page itself");

        console.follow(coquille.handle(console.post("page/reset").param("id", NEWS.value())));
        assertThat(coquille.pages().settings(NEWS).widgets()).containsExactly(Widget.VOTE);
        assertThat(console.page("page?id=" + NEWS.value()).select(".coq-facts").text()).contains("Settings from pattern /actualites/2026/*");

        console.follow(coquille.handle(console.post("pattern/delete").param("pattern", "/actualites/2026/*")));
        assertThat(coquille.pages().settings(NEWS).widgets()).containsExactly(Widget.COMMENTS);
        Document patterns = console.page("patterns");
        assertThat(patterns.select("table").get(0).select("tbody td.coq-url").eachText()).containsExactly("*.pdf.html");
        assertThat(patterns.select("table").get(1).select("tbody td.coq-url").eachText())
                .containsExactly("/actualites/*", "*.pdf.html");
    }

    @Test
    void badPatternIsRefused() {
        HttpResponse response = coquille.handle(console.post("pattern").param("pattern", "/a*b").param("widget", "vote"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(Jsoup.parse(response.bodyText()).select("[role=alert]").text())
                .isEqualTo("\"/a*b\" is not a URL pattern: use an exact address (/a/b.jsp), a folder (/a/*) or an ending (*.jsp).");
        assertThat(store.settings().patternRules()).isEmpty();
    }

    @Test
    void pagesListShowsWhatTheFilterServedWithTitlesViewsSearchAndSort() {
        PageId quiet = PageId.of("/annuaire.jsp");
        var request = FakeRequest.get(quiet.value()).user("bruno");
        assertThat(coquille.widgetsOn(request)).as("held back once to read the title").isTrue();
        assertThat(coquille.decorate(request, "<title>Annuaire</title><p>x".getBytes(StandardCharsets.UTF_8), null)).isNull();
        assertThat(coquille.widgetsOn(request)).as("then streamed through").isFalse();
        coquille.countView(request);
        for (int i = 0; i < 3; i++) {
            view(NEWS, "user" + i);
        }
        coquille.flushViews();

        Document list = console.page("pages?sort=views&dir=desc");
        assertThat(list.select("tbody tr td:eq(0)").eachText()).containsExactly("Nouveau menu & horaires", "Annuaire");
        assertThat(list.select("tbody tr td:eq(1)").eachText()).containsExactly(NEWS.value(), quiet.value());
        assertThat(list.select("tbody tr td:eq(2)").eachText()).containsExactly("3", "2");
        assertThat(list.select("tbody tr:eq(0) td:eq(3)").text()).contains("Comments").contains("pattern /actualites/* (pages file)");
        assertThat(list.select("th[aria-sort]").text()).startsWith("Views (30 days)");
        assertThat(console.page("pages?q=annu").select("tbody tr td:eq(1)").eachText()).containsExactly(quiet.value());
        assertThat(console.page("pages?q=nothing-like-it").select(".coq-empty").text()).isEqualTo("No page matches your search.");
    }

    @Test
    void pollQuestionChangesOnlyWhileNobodyHasAnswered() {
        store.pages().saveSettings(PageSettings.off(NEWS).withWidgets(Set.of(Widget.POLL)));
        Document created = console.follow(coquille.handle(console.post("poll").param("page", NEWS.value()).param("question", "Quel jour ?")
                .param("options", "Lundi\nMardi\n\n").param("choice", "single").param("results", "always")));
        long id = Long.parseLong(created.selectFirst("input[name=id]").val());
        assertThat(store.polls().poll(id).options()).containsExactly("Lundi", "Mardi");

        console.follow(coquille.handle(console.post("poll").param("id", String.valueOf(id)).param("page", NEWS.value())
                .param("question", "Quel jour, vraiment ?").param("options", "Lundi\nMardi\nJeudi")
                .param("choice", "multiple").param("results", "always")));
        assertThat(store.polls().poll(id).question()).isEqualTo("Quel jour, vraiment ?");
        coquille.polls().answer(User.employee("alice"), id, Set.of(2));

        Document answered = console.page("poll?id=" + id);
        assertThat(answered.select("#coq-question").hasAttr("disabled")).isTrue();
        assertThat(answered.select("#coq-closes").hasAttr("disabled")).isFalse();
        assertThat(answered.select("table tbody tr:eq(2)").text()).startsWith("Jeudi 1");
        Poll before = store.polls().poll(id);
        // a browser does not post disabled fields; a hand-made post that tries is ignored for them
        console.follow(coquille.handle(console.post("poll").param("id", String.valueOf(id)).param("question", "Autre chose ?")
                .param("options", "A\nB").param("closesAt", "2026-03-09T18:00").param("results", "after_closing")));
        Poll after = store.polls().poll(id);
        assertThat(after.question()).isEqualTo(before.question());
        assertThat(after.options()).isEqualTo(before.options());
        assertThat(after.closesAt()).isEqualTo(Instant.parse("2026-03-09T18:00:00Z"));
        assertThat(after.results()).isEqualTo(ResultsVisibility.AFTER_CLOSING);

        console.follow(coquille.handle(console.post("poll/close").param("id", String.valueOf(id))));
        assertThat(store.polls().poll(id).isOpenAt(NOW)).isFalse();
        console.follow(coquille.handle(console.post("poll/open").param("id", String.valueOf(id))));
        assertThat(store.polls().poll(id).isOpenAt(NOW)).isTrue();
        assertThat(console.page("polls").select("tbody td").eachText()).contains("Quel jour, vraiment ?", "Open", "1");
        console.follow(coquille.handle(console.post("poll/delete").param("id", String.valueOf(id))));
        assertThat(store.polls().poll(id)).isNull();
        assertThat(store.audit().auditEntries(10)).extracting(AuditEntry::action).containsExactly("poll.delete", "poll.open",
                "poll.close", "poll.update", "poll.update", "poll.create");
    }

    @Test
    void invalidPollIsRefusedWithTheRuleAndWhatWasTyped() {
        HttpResponse response = coquille.handle(console.post("poll").param("page", NEWS.value()).param("question", "Seul ?")
                .param("options", "Oui").param("choice", "single").param("results", "always"));
        assertThat(response.status()).isEqualTo(400);
        Document form = Jsoup.parse(response.bodyText());
        assertThat(form.select("[role=alert]").text()).isEqualTo("A poll has 2 to 20 options; this one has 1.");
        assertThat(form.select("#coq-question").val()).isEqualTo("Seul ?");
        assertThat(store.polls().polls(NEWS)).isEmpty();
    }

    @Test
    void moderationTransitionsAreRecordedWithWhoWhenAndBeforeAfter() {
        store.pages().saveSettings(PageSettings.off(NEWS).withWidgets(Set.of(Widget.COMMENTS))
                .withModeration(org.coquille.core.Moderation.PRE));
        long id = coquille.comments().post(User.employee("alice"), NEWS, null, "À quand le couscous ?").id();
        assertThat(store.comments().comment(id).state()).isEqualTo(CommentState.PENDING);
        Document queue = console.page("moderation");
        assertThat(queue.select("#coq-queue").text()).isEqualTo("Waiting for approval (1)");
        assertThat(queue.select("tr[data-comment=" + id + "] .coq-body").text()).isEqualTo("À quand le couscous ?");

        moderate(id, "approve", CommentState.VISIBLE);
        HttpResponse again = coquille.handle(console.post("moderation").param("comment", String.valueOf(id)).param("action", "approve"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(store.comments().comment(id).state()).isEqualTo(CommentState.VISIBLE);
        moderate(id, "hide", CommentState.HIDDEN);
        moderate(id, "restore", CommentState.VISIBLE);
        moderate(id, "delete", CommentState.DELETED);
        moderate(id, "restore", CommentState.VISIBLE);

        List<AuditEntry> audit = store.audit().auditEntries(10);
        assertThat(audit).extracting(AuditEntry::action).containsExactly("comment.restore", "comment.delete",
                "comment.restore", "comment.hide", "comment.approve");
        assertThat(audit.get(4)).extracting(AuditEntry::editor, AuditEntry::at, AuditEntry::before, AuditEntry::after)
                .containsExactly("edith", NOW, "PENDING", "VISIBLE");
        Document trail = console.page("moderation");
        assertThat(trail.select("tr.coq-audit-entry")).hasSize(5);
        assertThat(trail.select("tr.coq-audit-entry").last().text()).contains("edith", "Comment approved", "waiting", "visible")
                .doesNotContain("PENDING", "VISIBLE");
    }

    private void moderate(long id, String action, CommentState expected) {
        console.follow(coquille.handle(console.post("moderation").param("comment", String.valueOf(id)).param("action", action)));
        assertThat(store.comments().comment(id).state()).as(action).isEqualTo(expected);
    }

    @Test
    void lockedPageRefusesNewComments() {
        store.pages().saveSettings(PageSettings.off(NEWS).withWidgets(Set.of(Widget.COMMENTS)));
        coquille.comments().post(User.employee("alice"), NEWS, null, "Premier");
        console.follow(coquille.handle(console.post("moderation").param("page", NEWS.value()).param("action", "lock")));
        assertThat(store.pages().settings(NEWS).commentsLocked()).isTrue();
        assertThat(coquille.handle(FakeRequest.post("/_coquille/form/comment").user("alice")
                .param("coq_page", NEWS.value()).param("coq_body", "Second")).status()).isEqualTo(303);
        assertThat(store.comments().comments(NEWS)).hasSize(1);
        assertThat(store.audit().auditEntries(1).get(0).action()).isEqualTo("page.lock");
    }

    @Test
    void exportedSettingsImportIntoAnotherIntranet() throws Exception {
        store.pages().saveSettings(new PageSettings(NEWS, Set.of(Widget.COMMENTS, Widget.VOTE), Placement.inside("#contenu"),
                VoteKind.STARS, org.coquille.core.Moderation.PRE, true));
        store.settings().savePatternRule(PatternRule.of("/rh/*", Set.of(Widget.POLL)));
        HttpResponse export = console.get("settings/export");
        assertThat(export.header("Content-Type")).startsWith("application/json");
        assertThat(export.header("Content-Disposition")).isEqualTo("attachment; filename=\"coquille-settings.json\"");
        String json = export.bodyText();
        List<PageSettings> pages = store.pages().allSettings();
        List<PatternRule> patterns = store.settings().patternRules();

        coquille.close();
        startWithoutLogin();
        Document done = console.follow(coquille.handle(console.post("settings/import").param("json", json)));
        assertThat(done.select(".coq-notice").text()).isEqualTo("The settings are imported.");
        assertThat(store.pages().allSettings()).isEqualTo(pages);
        assertThat(store.settings().patternRules()).isEqualTo(patterns);
        assertThat(store.audit().auditEntries(1).get(0).action()).isEqualTo("settings.import");
    }

    @Test
    void badFileIsRefusedLineByLineAndChangesNothing() {
        PageSettings kept = PageSettings.off(NEWS).withWidgets(Set.of(Widget.COMMENTS));
        store.pages().saveSettings(kept);
        String bad = """
                {
                  "format": "coquille-settings",
                  "version": 1,
                  "pages": [
                    { "page": "/a.jsp", "widgets": ["comments"] },
                    { "page": "/b.jsp", "widgets": ["likes"], "vote": "hearts" },
                    { "page": "%s", "widgets": [] }
                  ],
                  "patterns": [
                    { "pattern": "/a*b", "widgets": ["vote"] },
                    { "pattern": "/rh/*", "position": "after div[[" }
                  ]
                }
                """.formatted(NEWS.value());
        HttpResponse response = coquille.handle(console.post("settings/import").param("json", bad));
        assertThat(response.status()).isEqualTo(400);
        Document page = Jsoup.parse(response.bodyText());
        assertThat(page.select("#coq-problems > p").text()).isEqualTo("4 problems found: nothing was imported.");
        assertThat(page.select("#coq-problems li").eachText()).containsExactly(
                "Line 6: unknown widget \"likes\"; widgets are comments, vote, poll, reactions.",
                "Line 6: vote \"hearts\" is not one of thumbs, stars.",
                "Line 10: \"/a*b\" is not a URL pattern: use an exact address (/a/b.jsp), a folder (/a/*) or an ending (*.jsp).",
                "Line 11: position \"after div[[\" is not default, or before, after or inside followed by a CSS selector.");
        assertThat(page.selectFirst("#coq-json").wholeText()).isEqualTo(bad);
        assertThat(store.pages().allSettings()).containsExactly(kept);
        assertThat(store.settings().patternRules()).isEmpty();
        assertThat(store.audit().auditEntries(10)).isEmpty();
    }

    @Test
    void brokenJsonSaysWhereInFrench() {
        HttpResponse response = coquille.handle(console.post("settings/import").locale(Locale.FRENCH)
                .param("json", "{\n  \"format\": \"coquille-settings\",\n  \"pages\": [ { \"page\": \"/a.jsp\" ]\n}"));
        assertThat(response.status()).isEqualTo(400);
        Document page = Jsoup.parse(response.bodyText());
        assertThat(page.select("#coq-problems > p").text()).isEqualTo("Un problème trouvé : rien n'a été importé.");
        assertThat(page.select("#coq-problems li").text()).startsWith("Ligne 3 : ce n'est pas du JSON valide");
        assertThat(store.pages().allSettings()).isEmpty();
    }

    @Test
    void consolePagesAreLabelledAndLinkTheUsageReport() {
        Document pages = console.page("page?id=" + NEWS.value());
        assertThat(pages.select("html").attr("lang")).isEqualTo("en");
        assertThat(pages.select("nav a[href=/_coquille/report/]").text()).isEqualTo("Usage report");
        for (var control : pages.select("input:not([type=hidden]), select, textarea")) {
            String id = control.id();
            assertThat(id).as(control.outerHtml()).isNotEmpty();
            assertThat(pages.select("label[for=" + id + "]")).as("label for " + id).hasSize(1);
        }
        coquille.comments().post(User.editor("edith"), PageId.of("/actualites/a.jsp"), null, "Bienvenue");
        Document moderation = console.page("moderation");
        assertThat(moderation.select("table").get(0).select("caption").text()).isEqualTo("Recent comments");
        assertThat(moderation.select("table").get(0).select("th[scope=col]").eachText())
                .containsExactly("Comment", "Address", "State", "Actions");
    }
}
