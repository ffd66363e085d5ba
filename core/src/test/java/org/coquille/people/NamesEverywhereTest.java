package org.coquille.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.coquille.Coquille;
import org.coquille.core.Comment;
import org.coquille.core.Moderation;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.Person;
import org.coquille.core.User;
import org.coquille.core.Widget;
import org.coquille.http.FakeRequest;
import org.coquille.http.HttpResponse;
import org.coquille.http.IdentityResolver;
import org.coquille.spi.Directory;
import org.coquille.store.MemoryStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Display names from the directory in the widgets, the moderation queue and a person's data export. */
class NamesEverywhereTest {

    private static final PageId PAGE = PageId.of("/news/canteen.jsp");
    private static final String HTML = "<html><head><title>Cantine</title></head><body><h1>Menu</h1></body></html>";

    /** A directory that counts how often it is asked; its one person has markup in her name. */
    static final class TwoPeople implements Directory {
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public Optional<Person> find(String userId) {
            asked.incrementAndGet();
            return switch (userId) {
                case "jdupont" -> Optional.of(new Person("jdupont", "Jean Dupont", "jean@example.com", "Achats", null));
                case "hmartin" -> Optional.of(new Person("hmartin", "Hélène <b>Martin</b>", "helene@example.com", "RH", null));
                default -> Optional.empty();
            };
        }

        @Override
        public String describe() {
            return "two people";
        }
    }

    @TempDir
    Path work;
    private final TwoPeople directory = new TwoPeople();
    private MemoryStore store;
    private Coquille coquille;

    @BeforeEach
    void start() {
        store = new MemoryStore();
        coquille = Coquille.builder().settings(Map.of("coquille.workFolder", work.toString()))
                .store(store).key(new byte[32]).clock(Clock.fixed(Instant.parse("2026-03-04T09:00:00Z"), ZoneOffset.UTC))
                .zone(ZoneOffset.UTC).identity(IdentityResolver.container("coquille-editor")).directory(directory).build();
        store.pages().saveSettings(PageSettings.off(PAGE).withWidgets(Set.of(Widget.COMMENTS, Widget.IDEAS)));
    }

    @AfterEach
    void stop() {
        coquille.close();
    }

    private Document page(String user) {
        byte[] decorated = coquille.decorate(FakeRequest.get(PAGE.value()).user(user),
                HTML.getBytes(StandardCharsets.UTF_8), "UTF-8");
        assertThat(decorated).isNotNull();
        return Jsoup.parse(new String(decorated, StandardCharsets.UTF_8));
    }

    @Test
    void commentAuthorsAndIdeaAuthorsAreShownByNameEscaped() {
        Comment top = coquille.comments().post(User.employee("hmartin"), PAGE, null, "Très bon menu");
        coquille.comments().post(User.employee("jdupont"), PAGE, top.id(), "D'accord");
        coquille.comments().post(User.employee("intern42"), PAGE, null, "Et le dessert ?");
        coquille.ideas().submit(User.employee("jdupont"), PAGE, "Salad bar", "Le vendredi");

        Document page = page("someone");
        assertThat(page.select(".coq-comments .coq-author").eachText())
                .containsExactlyInAnyOrder("Hélène <b>Martin</b>", "Jean Dupont", "intern42");
        assertThat(page.select(".coq-comments .coq-author b")).as("a name is text, never markup").isEmpty();
        assertThat(page.select(".coq-reply label").eachText()).anyMatch(t -> t.contains("Hélène <b>Martin</b>"));
        assertThat(page.select(".coq-idea .coq-meta").text()).contains("Jean Dupont").doesNotContain("jdupont");
    }

    @Test
    void theModerationQueueShowsNames() {
        coquille.store().pages().saveSettings(store.pages().settings(PAGE).withModeration(Moderation.PRE));
        coquille.comments().post(User.employee("jdupont"), PAGE, null, "En attente");

        Document queue = Jsoup.parse(coquille.handle(FakeRequest.get("/_coquille/console/moderation")
                .user("edith", "coquille-editor")).bodyText());
        assertThat(queue.select("tr.coq-comment-row .coq-meta").text()).startsWith("Jean Dupont, ");
    }

    @Test
    void aPersonsExportHoldsWhatTheDirectoryToldAndTheErasureForgetsIt() throws Exception {
        coquille.comments().post(User.employee("jdupont"), PAGE, null, "Très bon menu");
        page("someone");
        JsonNode data = new ObjectMapper().readTree(coquille.handle(FakeRequest.get("/_coquille/report/user.json")
                .query("id=jdupont").user("edith", "coquille-editor")).body());
        assertThat(data.get("comments").get(0).get("body").asText()).isEqualTo("Très bon menu");
        assertThat(data.at("/directory/displayName").asText()).isEqualTo("Jean Dupont");
        assertThat(data.at("/directory/email").asText()).isEqualTo("jean@example.com");
        assertThat(data.at("/directory/department").asText()).isEqualTo("Achats");

        coquille.personalData().erase("jdupont");
        assertThat(coquille.people().cached("jdupont")).isEmpty();
        JsonNode after = new ObjectMapper().readTree(coquille.handle(FakeRequest.get("/_coquille/report/user.json")
                .query("id=jdupont").user("edith", "coquille-editor")).body());
        assertThat(after.has("directory")).isFalse();
    }

    @Test
    void theDirectoryIsAskedOncePerPersonNotPerPage() {
        coquille.comments().post(User.employee("jdupont"), PAGE, null, "Un");
        coquille.comments().post(User.employee("jdupont"), PAGE, null, "Deux");
        page("a");
        page("b");
        page("c");
        assertThat(directory.asked.get()).isEqualTo(1);
    }

    @Test
    void withoutADirectoryIdsAreShown() throws Exception {
        try (Coquille plain = Coquille.builder().settings(Map.of("coquille.workFolder", work.resolve("plain").toString()))
                .store(new MemoryStore()).key(new byte[32]).identity(IdentityResolver.container("coquille-editor"))
                .build()) {
            plain.store().pages().saveSettings(PageSettings.off(PAGE).withWidgets(Set.of(Widget.COMMENTS)));
            plain.comments().post(User.employee("jdupont"), PAGE, null, "Un");
            byte[] decorated = plain.decorate(FakeRequest.get(PAGE.value()).user("x"), HTML.getBytes(StandardCharsets.UTF_8),
                    "UTF-8");
            assertThat(Jsoup.parse(new String(decorated, StandardCharsets.UTF_8)).select(".coq-author").text())
                    .isEqualTo("jdupont");
            assertThat(plain.people().hasDirectory()).isFalse();
        }
    }
}
