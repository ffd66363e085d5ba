package org.coquille.core;

import org.coquille.Coquille;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import org.coquille.http.FakeRequest;
import org.coquille.http.HttpResponse;
import org.coquille.http.IdentityResolver;
import org.coquille.store.MemoryStore;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSRF tokens change with time: the previous one still posts, older ones are refused; shared renderings still fill. */
class CsrfTokenTest {

    private static final PageId PAGE = PageId.of("/news/canteen.jsp");
    private static final String PAGE_HTML = "<html><body><p>Menu</p></body></html>";

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-03-02T01:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path work;
    private final MovingClock clock = new MovingClock();
    private MemoryStore store;
    private Coquille coquille;

    @BeforeEach
    void start() {
        store = new MemoryStore();
        coquille = Coquille.builder().settings(Map.of("coquille.workFolder", work.toString()))
                .store(store).key(new byte[32]).clock(clock)
                .identity(IdentityResolver.container("coquille-editor")).build();
        store.pages().saveSettings(PageSettings.off(PAGE).withWidgets(Set.of(Widget.VOTE, Widget.COMMENTS)));
    }

    @AfterEach
    void stop() {
        coquille.close();
    }

    private String tokenOnThePage(String user) {
        byte[] page = coquille.decorate(FakeRequest.get(PAGE.value()).user(user),
                PAGE_HTML.getBytes(StandardCharsets.UTF_8), "UTF-8");
        return Jsoup.parse(new String(page, StandardCharsets.UTF_8)).selectFirst("input[name=coq_csrf]").val();
    }

    private int vote(String user, String token, int value) {
        HttpResponse response = coquille.handle(FakeRequest.post("/_coquille/api/vote").user(user)
                .header("X-Coquille-Csrf", token).json("{\"page\":\"/news/canteen.jsp\",\"vote\":" + value + "}"));
        return response.status();
    }

    @Test
    void tokenChangesWithTimeAndThePreviousOneStillPosts() {
        String morning = tokenOnThePage("alice");
        assertThat(tokenOnThePage("alice")).isEqualTo(morning);
        assertThat(tokenOnThePage("bruno")).isNotEqualTo(morning);

        clock.now = clock.now.plus(Duration.ofHours(12));
        String evening = tokenOnThePage("alice");
        assertThat(evening).isNotEqualTo(morning);
        assertThat(vote("alice", morning, 1)).as("a page opened in the previous window").isEqualTo(200);

        clock.now = clock.now.plus(Duration.ofHours(12));
        assertThat(vote("alice", morning, -1)).as("a day-old token").isEqualTo(403);
        assertThat(store.votes().vote(PAGE, "alice")).isEqualTo(1);
        assertThat(vote("alice", evening, -1)).isEqualTo(200);
        assertThat(vote("alice", tokenOnThePage("alice"), 1)).isEqualTo(200);
    }

    @Test
    void sharedRenderingCarriesEachReadersCurrentToken() {
        String alice = tokenOnThePage("alice");
        String bruno = tokenOnThePage("bruno"); // the same rendering, remembered, filled with bruno's token
        assertThat(vote("bruno", bruno, 1)).isEqualTo(200);
        assertThat(vote("carol", alice, 1)).as("another reader's token").isEqualTo(403);
        clock.now = clock.now.plus(Duration.ofHours(24));
        assertThat(tokenOnThePage("alice")).isNotEqualTo(alice);
        assertThat(vote("alice", tokenOnThePage("alice"), 1)).isEqualTo(200);
    }
}
