package org.coquille;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.coquille.core.PageId;
import org.coquille.core.PageRules;
import org.coquille.core.PageSettings;
import org.coquille.core.Widget;
import org.coquille.http.FakeRequest;
import org.coquille.http.HttpResponse;
import org.coquille.store.MemoryStore;
import org.coquille.store.SharedMemoryStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An employee who votes on node A and whose next request goes to node B sees their vote there at once, though B's
 * notice of it is late; the others on B see it once the notice arrives. No sticky session: a cookie.
 */
class OwnWritesTest {

    private static final PageId PAGE = PageId.of("/intranet/canteen.jsp");
    private static final String HTML = "<html><head><title>Canteen</title></head><body><p>Menu</p></body></html>";

    @TempDir
    Path work;

    private final MemoryStore shared = new MemoryStore();
    private final SharedMemoryStore.Hub hub = new SharedMemoryStore.Hub();
    private Coquille a;
    private Coquille b;

    private Coquille node(String name) throws Exception {
        Path folder = Files.createDirectories(work.resolve(name));
        return Coquille.builder().settings(Map.of("coquille.workFolder", folder.toString()))
                .store(new SharedMemoryStore(shared, hub)).key(new byte[32]).pageRules(PageRules.none()).build();
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private static Document page(Coquille node, FakeRequest request) {
        byte[] out = node.decorate(request, HTML.getBytes(StandardCharsets.UTF_8), "UTF-8");
        assertThat(out).as("widgets added").isNotNull();
        return Jsoup.parse(new String(out, StandardCharsets.UTF_8));
    }

    private static boolean thumbUpPressed(Document page) {
        return page.select("button[name=coq_vote][value=1]").attr("aria-pressed").equals("true");
    }

    @Test
    void whoVotedOnOneNodeSeesTheVoteOnTheOtherBeforeItsNoticeArrives() throws Exception {
        a = node("a");
        b = node("b");
        a.store().pages().saveSettings(PageSettings.off(PAGE).withWidgets(Set.of(Widget.VOTE)));
        assertThat(thumbUpPressed(page(b, FakeRequest.get(PAGE.value()).user("alice")))).isFalse(); // cached on B
        hub.hold(); // B hears nothing from A for now

        String csrf = page(a, FakeRequest.get(PAGE.value()).user("alice")).selectFirst("input[name=coq_csrf]").val();
        HttpResponse voted = a.handle(FakeRequest.post("/_coquille/form/vote").user("alice").param("coq_csrf", csrf)
                .param("coq_page", PAGE.value()).param("coq_return", PAGE.value()).param("coq_vote", "1")
                .header("Host", "intranet").header("Origin", "http://intranet"));
        assertThat(voted.status()).isEqualTo(303);
        String cookie = voted.headers().stream().filter(h -> h.getKey().equals("Set-Cookie"))
                .map(Map.Entry::getValue).filter(v -> v.startsWith(OwnWrites.COOKIE + "=")).findFirst().orElseThrow();
        assertThat(cookie).contains("Max-Age=30", "HttpOnly", "Path=/");
        String mark = cookie.substring(OwnWrites.COOKIE.length() + 1, cookie.indexOf(';'));

        assertThat(thumbUpPressed(page(b, FakeRequest.get(PAGE.value()).user("alice"))))
                .as("without the cookie, B still shows its cached page").isFalse();
        assertThat(thumbUpPressed(page(b, FakeRequest.get(PAGE.value()).user("alice").cookie(OwnWrites.COOKIE, mark))))
                .as("alice's own vote, on B, before B heard of it").isTrue();
        assertThat(b.widgetsOn(FakeRequest.get(PAGE.value()).user("alice").cookie(OwnWrites.COOKIE, mark))).isTrue();

        hub.release();
        assertThat(thumbUpPressed(page(b, FakeRequest.get(PAGE.value()).user("alice")))).as("once heard").isTrue();
    }

    @Test
    void readsAreNotMarked() throws Exception {
        a = node("a");
        b = node("b");
        a.store().pages().saveSettings(PageSettings.off(PAGE).withWidgets(Set.of(Widget.VOTE)));
        HttpResponse read = a.handle(FakeRequest.get("/_coquille/api/page?page=" + PAGE.value()).user("alice"));
        assertThat(read.headers()).noneMatch(h -> h.getValue().startsWith(OwnWrites.COOKIE));
    }
}
