package org.coquille.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.coquille.Coquille;
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

/** The widgets' forms and JSON API, end to end through core (pages, use cases, store), without a container. */
class WidgetRoutesTest {

    private static final String PAGE_HTML = "<html><head><title>Cantine</title></head><body><h1>Menu</h1></body></html>";
    private static final PageId PAGE = PageId.of("/news/canteen.jsp");
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path work;
    private MemoryStore store;
    private Coquille coquille;

    @BeforeEach
    void start() {
        store = new MemoryStore();
        coquille = Coquille.builder()
                .settings(Map.of("coquille.workFolder", work.toString(), "coquille.rateLimit.writesPerMinute", "10"))
                .store(store).key(new byte[32]).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .identity(IdentityResolver.container("coquille-editor"))
                .build();
        store.pages().saveSettings(PageSettings.off(PAGE).withWidgets(Set.of(Widget.values())));
    }

    @AfterEach
    void stop() {
        coquille.close();
    }

    private Document page(FakeRequest request) {
        byte[] out = coquille.decorate(request, PAGE_HTML.getBytes(StandardCharsets.UTF_8), "UTF-8");
        assertThat(out).as("widgets added").isNotNull();
        return Jsoup.parse(new String(out, StandardCharsets.UTF_8));
    }

    private String csrfFor(String user) {
        return page(FakeRequest.get(PAGE.value()).user(user)).selectFirst("input[name=coq_csrf]").val();
    }

    private FakeRequest form(String action, String user) {
        return FakeRequest.post("/_coquille/form/" + action).user(user).param("coq_csrf", csrfFor(user))
                .param("coq_page", PAGE.value()).param("coq_return", PAGE.value()).header("Host", "intranet")
                .header("Origin", "http://intranet");
    }

    @Test
    void commentPostedByFormRedirectsBackAndShowsOnThePage() {
        HttpResponse response = coquille.handle(form("comment", "alice").param("coq_body", "Très bon menu"));
        assertThat(response.status()).isEqualTo(303);
        String location = response.header("Location");
        assertThat(location).startsWith("/news/canteen.jsp?coq_flash=").endsWith("#coq-comments");
        assertThat(store.comments().comments(PAGE)).extracting(Comment::body).containsExactly("Très bon menu");

        Document after = page(FakeRequest.get(location.split("#")[0]).user("alice"));
        assertThat(after.select(".coq-comment .coq-body").text()).isEqualTo("Très bon menu");
        assertThat(after.select(".coq-notice").text()).isEqualTo("Your comment is posted.");
    }

    @Test
    void missingCsrfTokenStoresNothing() {
        HttpResponse response = coquille.handle(FakeRequest.post("/_coquille/form/comment").user("alice")
                .param("coq_page", PAGE.value()).param("coq_return", PAGE.value()).param("coq_body", "hello"));
        assertThat(response.status()).isEqualTo(303);
        assertThat(store.comments().comments(PAGE)).isEmpty();
        Document after = page(FakeRequest.get(response.header("Location").split("#")[0]).user("alice"));
        assertThat(after.select(".coq-error").text()).isEqualTo("This form has expired. Reload the page and try again.");
    }

    @Test
    void anotherUsersTokenIsRefused() {
        HttpResponse response = coquille.handle(FakeRequest.post("/_coquille/form/vote").user("mallory")
                .param("coq_csrf", csrfFor("alice")).param("coq_page", PAGE.value()).param("coq_vote", "1")
                .header("X-Coquille-Fragment", "1"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(store.votes().tally(PAGE).total()).isZero();
    }

    @Test
    void postFromAnotherSiteIsRefused() {
        HttpResponse response = coquille.handle(form("vote", "alice").param("coq_vote", "1")
                .header("Origin", "https://evil.example").header("X-Coquille-Fragment", "1"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.bodyText()).contains("This request did not come from this intranet.");
        assertThat(store.votes().tally(PAGE).total()).isZero();
    }

    @Test
    void rejectedCommentKeepsWhatTheUserTypedInFrench() {
        String longText = "é".repeat(4001);
        HttpResponse response = coquille.handle(form("comment", "alice").param("coq_body", longText)
                .header("X-Coquille-Fragment", "1").locale(Locale.FRENCH));
        assertThat(response.status()).isEqualTo(400);
        Document fragment = Jsoup.parse(response.bodyText());
        // French groups thousands with a narrow no-break space
        assertThat(fragment.select(".coq-error").text().replace('\u202f', ' ').replace('\u00a0', ' '))
                .isEqualTo("Votre commentaire compte 4 001 caractères ; 4 000 au plus sont permis.");
        assertThat(fragment.selectFirst("textarea#coq-new-comment").val()).isEqualTo(longText);
        assertThat(store.comments().comments(PAGE)).isEmpty();
    }

    @Test
    void scriptInACommentIsShownAsText() {
        String attack = "<script>window.__pwned=1</script><img src=x onerror=alert(1)> http://x.test/\"onmouseover=alert(1)";
        coquille.handle(form("comment", "alice").param("coq_body", attack));
        Document after = page(FakeRequest.get(PAGE.value()).user("bob"));
        assertThat(after.select(".coq-body").text()).isEqualTo(attack);
        assertThat(after.select("script")).hasSize(1).allMatch(s -> s.attr("src").contains("/_coquille/static/coquille.js"));
        assertThat(after.select(".coq-widgets img, .coq-widgets [onerror], .coq-widgets [onmouseover]")).isEmpty();
        assertThat(after.selectFirst(".coq-body a").attr("href")).isEqualTo("http://x.test/");
    }

    @Test
    void reactionPressedTwiceCountsOnce() {
        coquille.handle(form("reaction", "alice").param("coq_reaction", "on:🎉"));
        coquille.handle(form("reaction", "alice").param("coq_reaction", "on:🎉"));
        assertThat(store.reactions().reactionCounts(PAGE)).isEqualTo(Map.of("🎉", 1L));
        Document after = page(FakeRequest.get(PAGE.value()).user("alice"));
        assertThat(after.selectFirst("button[value=off:🎉]").attr("aria-pressed")).isEqualTo("true");
    }

    @Test
    void jsonVoteNeedsTheTokenHeaderAndAnswersTheNewTally() {
        String token = csrfFor("alice");
        HttpResponse refused = coquille.handle(FakeRequest.post("/_coquille/api/vote").user("alice")
                .json("{\"page\":\"/news/canteen.jsp\",\"vote\":1}"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");

        HttpResponse ok = coquille.handle(FakeRequest.post("/_coquille/api/vote").user("alice")
                .header("X-Coquille-Csrf", token).json("{\"page\":\"/news/canteen.jsp\",\"vote\":1}"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.bodyText()).contains("\"mine\":1").contains("\"counts\":{\"1\":1}");
    }

    @Test
    void malformedJsonIsAProblemNamingWhere() {
        HttpResponse response = coquille.handle(FakeRequest.post("/_coquille/api/comment").user("alice")
                .header("X-Coquille-Csrf", csrfFor("alice")).json("{\"page\": \"/news/canteen.jsp\", \"body\": "));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).contains("\"status\":400").contains("not valid JSON (line 1");
        assertThat(store.comments().comments(PAGE)).isEmpty();
    }

    @Test
    void unknownAndClosedPollsAreClearErrors() {
        Poll closed = store.polls().createPoll(new Poll(0, PAGE, "Q?", List.of("a", "b"), PollChoice.SINGLE, null,
                NOW.minus(1, ChronoUnit.DAYS), ResultsVisibility.ALWAYS));
        String token = csrfFor("alice");
        HttpResponse unknown = coquille.handle(FakeRequest.post("/_coquille/api/poll").user("alice")
                .header("X-Coquille-Csrf", token).json("{\"poll\": 999, \"options\": [0]}"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.bodyText()).contains("This poll does not exist.");
        HttpResponse late = coquille.handle(FakeRequest.post("/_coquille/api/poll").user("alice")
                .header("X-Coquille-Csrf", token).json("{\"poll\": " + closed.id() + ", \"options\": [0]}"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(store.polls().pollResults(closed.id()).participants()).isZero();
    }

    @Test
    void emojiOutsideTheSetIsRefused() {
        HttpResponse response = coquille.handle(FakeRequest.post("/_coquille/api/reaction").user("alice")
                .header("X-Coquille-Csrf", csrfFor("alice")).json("{\"page\":\"/news/canteen.jsp\",\"emoji\":\"💩\"}"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).contains("That reaction is not offered here.");
        assertThat(store.reactions().reactionCounts(PAGE)).isEmpty();
    }

    @Test
    void tooManyWritesAreSlowedDown() {
        String token = csrfFor("alice");
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 15; i++) {
            HttpResponse r = coquille.handle(FakeRequest.post("/_coquille/api/reaction").user("alice")
                    .header("X-Coquille-Csrf", token).json("{\"page\":\"/news/canteen.jsp\",\"emoji\":\"👍\",\"on\":"
                            + (i % 2 == 0) + "}"));
            if (r.status() == 200) {
                accepted++;
            } else if (r.status() == 429) {
                refused++;
            }
        }
        assertThat(accepted).isEqualTo(10);
        assertThat(refused).isEqualTo(5);
    }

    @Test
    void anonymousVisitorsSeeWidgetsReadOnly() {
        Document doc = page(FakeRequest.get(PAGE.value()));
        assertThat(doc.select(".coq-widgets form")).isEmpty();
        assertThat(doc.select(".coq-widgets").text()).contains("Sign in to take part.");
        HttpResponse response = coquille.handle(FakeRequest.post("/_coquille/form/vote").param("coq_page", PAGE.value())
                .param("coq_vote", "1").param("coq_csrf", doc.select("input[name=coq_csrf]").val()));
        assertThat(response.status()).isEqualTo(303);
        assertThat(store.votes().tally(PAGE).total()).isZero();
    }

    @Test
    void withAnonymousUseOnAFirstPostGetsAnIdCookieAndStillNeedsTheToken() {
        coquille.close();
        coquille = Coquille.builder().settings(Map.of("coquille.workFolder", work.toString(), "coquille.anonymous", "true"))
                .store(store).key(new byte[32]).build();
        Document doc = page(FakeRequest.get(PAGE.value()).remoteAddress("10.0.0.7"));
        String token = doc.selectFirst("input[name=coq_csrf]").val();
        HttpResponse forged = coquille.handle(FakeRequest.post("/_coquille/form/vote").remoteAddress("10.0.0.7")
                .param("coq_page", PAGE.value()).param("coq_vote", "1"));
        assertThat(forged.header("Set-Cookie")).isNull();
        assertThat(store.votes().tally(PAGE).total()).isZero();
        HttpResponse ok = coquille.handle(FakeRequest.post("/_coquille/form/vote").remoteAddress("10.0.0.7")
                .param("coq_page", PAGE.value()).param("coq_vote", "1").param("coq_csrf", token));
        assertThat(ok.header("Set-Cookie")).startsWith("coq_anon=").contains("HttpOnly").contains("SameSite=Lax");
        assertThat(store.votes().tally(PAGE).total()).isEqualTo(1);
    }

    @Test
    void pageWithWidgetsOffIsLeftAlone() {
        byte[] out = coquille.decorate(FakeRequest.get("/other.jsp").user("alice"),
                PAGE_HTML.getBytes(StandardCharsets.UTF_8), "UTF-8");
        assertThat(out).isNull();
    }

    @Test
    void failingStoreLeavesThePageAlone() {
        store.pages().saveSettings(PageSettings.off(PAGE)); // reset cache entry for the test below
        coquille.close();
        coquille = Coquille.builder().settings(Map.of("coquille.workFolder", work.toString()))
                .store(FailingStore.create()).key(new byte[32]).build();
        byte[] out = coquille.decorate(FakeRequest.get(PAGE.value()).user("alice"),
                PAGE_HTML.getBytes(StandardCharsets.UTF_8), "UTF-8");
        assertThat(out).isNull();
        HttpResponse api = coquille.handle(FakeRequest.get("/_coquille/api/page?page=/x"));
        assertThat(api.status()).isEqualTo(503);
    }

    @Test
    void staticAssetsAreServedWithCachingHeaders() {
        HttpResponse js = coquille.handle(FakeRequest.get("/_coquille/static/coquille.js?v=" + Coquille.VERSION));
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.header("Content-Type")).startsWith("text/javascript");
        assertThat(js.header("Cache-Control")).contains("immutable");
        HttpResponse again = coquille.handle(FakeRequest.get("/_coquille/static/coquille.js")
                .header("If-None-Match", js.header("ETag")));
        assertThat(again.status()).isEqualTo(304);
        assertThat(coquille.handle(FakeRequest.get("/_coquille/static/nope.js")).status()).isEqualTo(404);
    }
}
