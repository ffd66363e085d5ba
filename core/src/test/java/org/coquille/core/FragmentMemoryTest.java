package org.coquille.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.coquille.Coquille;
import org.coquille.http.FakeRequest;
import org.coquille.http.IdentityResolver;
import org.coquille.store.MemoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers share one rendering of a page's widgets, each with their own CSRF token; a viewer with something of their
 * own on the page gets their own; no one ever gets a rendering that a write on this node made stale.
 */
class FragmentMemoryTest {

    private static final byte[] PAGE_HTML = "<html><body><h1>Menu</h1></body></html>".getBytes(StandardCharsets.UTF_8);
    private static final PageId PAGE = PageId.of("/news/canteen.jsp");

    @TempDir
    Path work;
    private final AtomicLong nanos = new AtomicLong();
    private MemoryStore store;
    private Coquille coquille;

    @BeforeEach
    void start() {
        store = new MemoryStore();
        store.pages().saveSettings(PageSettings.off(PAGE).withWidgets(Set.of(Widget.COMMENTS, Widget.VOTE, Widget.REACTIONS)));
        coquille = Coquille.builder()
                .settings(Map.of("coquille.workFolder", work.toString()))
                .store(store).key(new byte[32])
                .clock(Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC))
                .ticker(nanos::get)
                .identity(IdentityResolver.container("coquille-editor"))
                .build();
    }

    @AfterEach
    void stop() {
        coquille.close();
    }

    private String view(String user) {
        return view(FakeRequest.get(PAGE.value()).user(user));
    }

    private String view(FakeRequest request) {
        return new String(coquille.decorate(request, PAGE_HTML, "UTF-8"), StandardCharsets.UTF_8);
    }

    @Test
    void readersShareOneRenderingButEachGetsTheirOwnToken() {
        String alice = view("alice");
        String bruno = view("bruno");
        assertThat(tokenOf(alice)).isNotEqualTo(tokenOf(bruno));
        assertThat(alice.replace(tokenOf(alice), "T")).isEqualTo(bruno.replace(tokenOf(bruno), "T"));
        assertThat(alice.split("name=\"coq_csrf\"", -1)).hasSize(4); // reactions, vote, new comment: all filled
    }

    @Test
    void aViewerWhoReactedSeesTheirReactionWhileOthersStillShare() {
        view("bruno");
        coquille.reactions().set(User.employee("alice"), PAGE, "\uD83C\uDF89", true);
        assertThat(view("alice")).contains("value=\"off:&#x1f389;\"");
        assertThat(view("bruno")).doesNotContain("value=\"off:").contains("value=\"on:&#x1f389;\"");
    }

    @Test
    void aReaderSeenBeforeWhoReactsSeesTheirReactionOnTheNextView() {
        view("alice");
        view("alice"); // known now as a reader with nothing of her own on the page
        coquille.reactions().set(User.employee("alice"), PAGE, "\uD83C\uDF89", true);
        view("bruno"); // the readers' rendering, new since her reaction
        assertThat(view("alice")).contains("value=\"off:&#x1f389;\"");
    }

    @Test
    void aReaderWhoIsGivenTheEditorsRoleGetsTheEditorsRenderingAtOnce() {
        coquille.comments().post(User.employee("bruno"), PAGE, null, "Premier !");
        String reader = view("alice");
        view("alice");
        String editor = view(FakeRequest.get(PAGE.value()).user("alice", "coquille-editor"));
        assertThat(withoutToken(editor)).isNotEqualTo(withoutToken(reader));
    }

    @Test
    void anEditorGetsTheirOwnRendering() {
        coquille.comments().post(User.employee("bruno"), PAGE, null, "Premier !");
        String reader = view("alice");
        String editor = view(FakeRequest.get(PAGE.value()).user("edith", "coquille-editor"));
        assertThat(editor.replace(tokenOf(editor), "T")).isNotEqualTo(reader.replace(tokenOf(reader), "T"));
    }

    @Test
    void aContributorComingBackSeesTheirOwnMarksNeverAnotherContributors() {
        coquille.votes().vote(User.employee("alice"), PAGE, 1);
        coquille.votes().vote(User.employee("bruno"), PAGE, -1);
        String alice = view("alice");
        String bruno = view("bruno");
        String aliceAgain = view("alice");
        assertThat(withoutToken(aliceAgain)).isEqualTo(withoutToken(alice)).isNotEqualTo(withoutToken(bruno));
        assertThat(tokenOf(aliceAgain)).isEqualTo(tokenOf(alice)).isNotEqualTo(tokenOf(bruno));
        coquille.votes().vote(User.employee("alice"), PAGE, -1); // her own rendering is stale from now on
        assertThat(withoutToken(view("alice"))).isEqualTo(withoutToken(view("bruno"))); // both voted down now
    }

    @Test
    void anyWriteShowsOnTheNextView() {
        String before = view("alice");
        coquille.comments().post(User.employee("bruno"), PAGE, null, "Le gratin était froid.");
        assertThat(before).doesNotContain("gratin");
        assertThat(view("alice")).contains("Le gratin &#xe9;tait froid.");
        coquille.votes().vote(User.employee("bruno"), PAGE, 1);
        assertThat(view("alice")).contains("&#x1f44d; 1");
    }

    @Test
    void eachViewerAndLanguageHasItsOwnFragment() {
        coquille.votes().vote(User.employee("alice"), PAGE, 1);
        String alice = view("alice");
        String bruno = view("bruno");
        assertThat(alice).contains("aria-pressed=\"true\"");
        assertThat(bruno).doesNotContain("aria-pressed=\"true\"");
        assertThat(tokenOf(alice)).isNotEqualTo(tokenOf(bruno));
        String french = view(FakeRequest.get(PAGE.value()).user("alice").locale(Locale.FRENCH));
        assertThat(french).contains("lang=\"fr\"").isNotEqualTo(alice);
    }

    @Test
    void anotherNodesWriteShowsOnceTheCacheTimeToLiveHasPassed() {
        view("alice");
        // written straight into the shared store, as another node would
        store.comments().addComment(PAGE, null, "bruno", "Vu depuis l'autre serveur", Instant.parse("2026-03-02T08:59:00Z"),
                CommentState.VISIBLE);
        assertThat(view("alice")).doesNotContain("autre serveur");
        nanos.addAndGet(Duration.ofSeconds(31).toNanos()); // coquille.cache.ttl is 30 s
        assertThat(view("alice")).contains("autre serveur");
    }

    @Test
    void aNoticeAfterAnActionIsShownOnceAndNeverRemembered() {
        FakeRequest post = FakeRequest.post("/_coquille/form/vote").user("alice")
                .param("coq_page", PAGE.value()).param("coq_return", PAGE.value()).param("coq_vote", "1");
        String firstView = view("alice");
        post.param("coq_csrf", tokenOf(firstView).substring("name=\"coq_csrf\" value=\"".length()));
        String location = coquille.handle(post).headers().stream()
                .filter(h -> h.getKey().equals("Location")).findFirst().orElseThrow().getValue();
        String query = location.substring(location.indexOf('?') + 1, location.indexOf('#'));
        String withNotice = view(FakeRequest.get(PAGE.value()).query(query).user("alice"));
        assertThat(withNotice).contains("coq-notice");
        assertThat(view("alice")).doesNotContain("coq-notice").contains("aria-pressed=\"true\"");
    }

    private static String withoutToken(String fragment) {
        return fragment.replace(tokenOf(fragment), "T");
    }

    private static String tokenOf(String fragment) {
        int at = fragment.indexOf("name=\"coq_csrf\" value=\"");
        assertThat(at).as("a CSRF field in " + fragment).isPositive();
        return fragment.substring(at, fragment.indexOf('"', at + 23 + 1));
    }
}
