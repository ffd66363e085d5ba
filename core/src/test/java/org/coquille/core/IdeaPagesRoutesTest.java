package org.coquille.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coquille.Coquille;
import org.coquille.Settings;
import org.coquille.http.FakeRequest;
import org.coquille.http.HttpResponse;
import org.coquille.http.IdentityResolver;
import org.coquille.store.MemoryStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The idea box shown a page of ideas at a time ({@code coquille.ideas.pageSize}), in either order, without a container. */
class IdeaPagesRoutesTest {

    private static final String PAGE_HTML = "<html><head><title>Cantine</title></head><body><h1>Menu</h1></body></html>";
    private static final PageId PAGE = PageId.of("/restaurant/menu.html");
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path work;
    private MemoryStore store;
    private Coquille coquille;
    /** Idea 1 to 5, submitted a minute apart; idea n has 5 - n votes except the last, which has 3. */
    private final List<Idea> ideas = new ArrayList<>();

    @BeforeEach
    void start() {
        store = new MemoryStore();
        coquille = Coquille.builder()
                .settings(Map.of("coquille.workFolder", work.toString(), "coquille.ideas.pageSize", "2"))
                .store(store).key(new byte[32]).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .zone(ZoneOffset.UTC).identity(IdentityResolver.container("coquille-editor"))
                .build();
        store.pages().saveSettings(PageSettings.off(PAGE).withWidgets(Set.of(Widget.IDEAS)));
        int[] votes = {4, 3, 2, 1, 3};
        for (int n = 1; n <= 5; n++) {
            Idea idea = store.ideas().addIdea(PAGE, "alice", "Idea " + n, "text " + n, NOW.plusSeconds(60L * n));
            for (int v = 0; v < votes[n - 1]; v++) {
                store.ideas().putIdeaVote(idea.id(), "voter" + v, NOW);
            }
            ideas.add(idea);
        }
    }

    @AfterEach
    void stop() {
        coquille.close();
    }

    private Document page(String url) {
        byte[] out = coquille.decorate(FakeRequest.get(url).user("bruno"), PAGE_HTML.getBytes(StandardCharsets.UTF_8),
                "UTF-8");
        return Jsoup.parse(new String(out, StandardCharsets.UTF_8));
    }

    private static List<String> titles(Document page) {
        return page.select(".coq-idea-title").eachText();
    }

    private static String link(Document page, String text) {
        return page.select(".coq-ideas .coq-pager a").stream().filter(a -> a.text().equals(text)).findFirst()
                .map(a -> a.attr("href").split("#")[0]).orElseThrow(() -> new AssertionError("no link to page " + text));
    }

    @Test
    void byVotesThePagerLeadsToTheNextIdeas() {
        Document first = page(PAGE.value());
        assertThat(titles(first)).containsExactly("Idea 1", "Idea 5");
        assertThat(first.selectFirst(".coq-ideas h2").text()).as("the count is of all ideas").isEqualTo("Ideas (5)");
        Element pager = first.selectFirst(".coq-ideas nav.coq-pager");
        assertThat(pager.attr("aria-label")).isEqualTo("Pages of ideas");
        assertThat(pager.select("[aria-current=page]").text()).isEqualTo("1");
        assertThat(pager.select("a").eachText()).containsExactly("2", "3");
        assertThat(pager.selectFirst("a").attr("href")).isEqualTo(PAGE.value() + "?coq_ip=2#coq-ideas");
        assertThat(pager.selectFirst("a").attr("aria-label")).isEqualTo("Ideas, page 2");

        Document second = page(link(first, "2"));
        assertThat(titles(second)).as("idea 5 and idea 2 tie on 3 votes: newest first").containsExactly("Idea 2", "Idea 3");
        assertThat(titles(page(link(second, "3")))).containsExactly("Idea 4");
    }

    @Test
    void newestFirstTheOrderIsKeptFromPageToPage() {
        Document first = page(PAGE.value() + "?coq_ideas=newest");
        assertThat(titles(first)).containsExactly("Idea 5", "Idea 4");
        String second = link(first, "2");
        assertThat(second).isEqualTo(PAGE.value() + "?coq_ideas=newest&coq_ip=2");
        Document two = page(second);
        assertThat(titles(two)).containsExactly("Idea 3", "Idea 2");
        assertThat(two.select(".coq-idea-order a[aria-current]").text()).isEqualTo("newest");
        assertThat(link(two, "1")).isEqualTo(PAGE.value() + "?coq_ideas=newest");
        assertThat(two.selectFirst(".coq-idea-order a").attr("href"))
                .as("changing the order starts again at page 1").isEqualTo(PAGE.value() + "?coq_ideas=votes#coq-ideas");
    }

    @Test
    void aPageOutOfRangeShowsTheNearestPageThatExists() {
        assertThat(titles(page(PAGE.value() + "?coq_ip=99"))).containsExactly("Idea 4");
        assertThat(titles(page(PAGE.value() + "?coq_ip=0"))).containsExactly("Idea 1", "Idea 5");
        assertThat(titles(page(PAGE.value() + "?coq_ip=two"))).containsExactly("Idea 1", "Idea 5");
        assertThat(titles(page(PAGE.value() + "?coq_ip=-3&coq_ideas=newest"))).containsExactly("Idea 5", "Idea 4");
    }

    @Test
    void anIdeaOpenedByItsLinkShowsOnItsOwnPage() {
        Document opened = page(PAGE.value() + "?coq_idea=" + ideas.get(3).id());
        assertThat(titles(opened)).containsExactly("Idea 4");
        assertThat(opened.select(".coq-idea-comments")).hasSize(1);
        assertThat(opened.select(".coq-pager [aria-current=page]").text()).isEqualTo("3");
        assertThat(titles(page(PAGE.value() + "?coq_ip=2&coq_idea=999"))).as("no such idea: the page asked")
                .containsExactly("Idea 2", "Idea 3");
    }

    @Test
    void aVoteWithoutScriptComesBackToTheSamePageInTheSameOrder() {
        Document two = page(PAGE.value() + "?coq_ideas=newest&coq_ip=2");
        Element form = two.selectFirst("#coq-idea-" + ideas.get(2).id() + " .coq-idea-vote");
        assertThat(form.selectFirst("input[name=coq_return]").val()).isEqualTo(PAGE.value() + "?coq_ideas=newest&coq_ip=2");
        FakeRequest post = FakeRequest.post(form.attr("action")).user("bruno").header("Host", "intranet")
                .header("Origin", "http://intranet");
        form.select("input[type=hidden]").forEach(h -> post.param(h.attr("name"), h.val()));
        HttpResponse voted = coquille.handle(post.param("coq_on", "on"));
        assertThat(voted.header("Location")).startsWith(PAGE.value() + "?coq_ideas=newest&coq_ip=2&coq_flash=");
        Document after = page(voted.header("Location").split("#")[0]);
        assertThat(titles(after)).containsExactly("Idea 3", "Idea 2");
        assertThat(after.selectFirst("#coq-idea-" + ideas.get(2).id() + " .coq-idea-vote button").attr("aria-pressed"))
                .isEqualTo("true");
        assertThat(store.ideas().idea(ideas.get(2).id()).votes()).isEqualTo(3);

        HttpResponse fragment = coquille.handle(FakeRequest.post(form.attr("action")).user("bruno")
                .header("Host", "intranet").header("Origin", "http://intranet").header("X-Coquille-Fragment", "1")
                .param("coq_csrf", form.selectFirst("input[name=coq_csrf]").val()).param("coq_page", PAGE.value())
                .param("coq_return", PAGE.value() + "?coq_ideas=newest&coq_ip=2")
                .param("coq_idea", String.valueOf(ideas.get(1).id())).param("coq_on", "on"));
        Document swapped = Jsoup.parse(fragment.bodyText());
        assertThat(titles(swapped)).as("the script gets the same page back").containsExactly("Idea 3", "Idea 2");
        assertThat(swapped.select(".coq-idea-comments")).as("voting opens no comments").isEmpty();
    }

    @Test
    void aPageSizeBelowOneIsRefusedAtStartUp() {
        assertThatThrownBy(() -> Settings.of(Map.of("coquille.ideas.pageSize", "0")))
                .hasMessage("Setting coquille.ideas.pageSize is '0'; allowed: a whole number above 0");
    }
}
