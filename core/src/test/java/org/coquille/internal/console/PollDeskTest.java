package org.coquille.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.coquille.Coquille;
import org.coquille.core.PageId;
import org.coquille.core.Poll;
import org.coquille.core.PollChoice;
import org.coquille.core.ResultsVisibility;
import org.coquille.core.User;
import org.coquille.core.Widget;
import org.coquille.http.HttpResponse;
import org.coquille.http.IdentityResolver;
import org.coquille.store.MemoryStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Polls in the editors' console: every poll listed, a refused form kept as typed, the widget turned on in one click. */
class PollDeskTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final PageId NEVER_SEEN = PageId.of("/rh/jamais-vue.html");

    @TempDir
    Path work;
    private MemoryStore store;
    private Coquille coquille;
    private EditorInConsole console;

    @BeforeEach
    void start() {
        store = new MemoryStore();
        coquille = Coquille.builder().settings(Map.of("coquille.workFolder", work.toString()))
                .store(store).key(new byte[32]).clock(Clock.fixed(NOW, ZoneOffset.UTC)).zone(ZoneOffset.UTC)
                .identity(IdentityResolver.container("coquille-editor")).build();
        console = new EditorInConsole(coquille);
    }

    @AfterEach
    void stop() {
        coquille.close();
    }

    @Test
    void aPollOnAPageNobodyVisitedIsListed() {
        coquille.polls().create(User.editor("edith"), new Poll(0, NEVER_SEEN, "Quel jour ?", List.of("Lundi", "Mardi"),
                PollChoice.SINGLE, null, null, ResultsVisibility.AFTER_ANSWERING));
        assertThat(console.page("polls").select("main tbody td:first-child").eachText()).containsExactly("Quel jour ?");
    }

    @Test
    void aRefusedPollFormComesBackAsTypedAndStoresNothing() {
        HttpResponse refused = coquille.handle(console.post("poll").param("page", "http://intranet/actualites/cafe.html")
                .param("question", "Le café ?").param("options", "Bon").param("choice", "multiple")
                .param("opensAt", "2026-04-01T09:00").param("closesAt", "2026-05-01T18:30").param("results", "after_closing"));
        assertThat(refused.status()).isEqualTo(400);
        Document form = Jsoup.parse(refused.bodyText());
        assertThat(form.select("[role=alert]").text()).contains("2");
        assertThat(List.of(form.select("#coq-poll-page").val(), form.select("#coq-question").val(),
                form.select("#coq-options").text(), form.select("#coq-choice option[selected]").val(),
                form.select("#coq-opens").val(), form.select("#coq-closes").val(),
                form.select("#coq-results option[selected]").val())).containsExactly("http://intranet/actualites/cafe.html",
                "Le café ?", "Bon", "multiple", "2026-04-01T09:00", "2026-05-01T18:30", "after_closing");
        assertThat(store.polls().allPolls()).isEmpty();
    }

    @Test
    void aNewPollIsForNoPageYetAndShowsResultsAfterAnswering() {
        Document form = console.page("poll");
        assertThat(form.select("#coq-poll-page").val()).isEmpty();
        assertThat(form.select("#coq-results option[selected]").val()).isEqualTo("after_answering");
    }

    @Test
    void aPollWhoseWidgetIsOffWarnsAndOneClickTurnsItOnAndComesBack() {
        Document created = console.follow(coquille.handle(console.post("poll").param("page", "actualites/cafe.html")
                .param("question", "Le café ?").param("options", "Bon\nMauvais").param("choice", "single")
                .param("results", "after_answering")));
        Poll poll = store.polls().allPolls().get(0);
        assertThat(poll.page().value()).isEqualTo("/actualites/cafe.html");
        assertThat(created.select(".coq-warning p").text())
                .isEqualTo("The poll widget is off on /actualites/cafe.html: nobody sees this poll there until it is on.");

        HttpResponse turned = coquille.handle(console.post("page/widget").param("id", poll.page().value())
                .param("widget", "poll").param("back", "poll?id=" + poll.id()));
        assertThat(turned.header("Location")).startsWith(EditorInConsole.C + "poll?id=" + poll.id() + "&");
        Document back = console.follow(turned);
        assertThat(coquille.pages().settings(poll.page()).widgets()).containsExactly(Widget.POLL);
        assertThat(back.select(".coq-warning")).isEmpty();
        assertThat(back.select(".coq-notice").text()).isEqualTo("The poll widget is now on for /actualites/cafe.html.");
    }

    @Test
    void aDeletionIsConfirmedByNamingThePollAndItsAnswers() {
        Poll poll = coquille.polls().create(User.editor("edith"), new Poll(0, NEVER_SEEN, "Quel jour ?",
                List.of("Lundi", "Mardi"), PollChoice.SINGLE, null, null, ResultsVisibility.AFTER_ANSWERING));
        store.polls().answerPoll(poll.id(), "alice", java.util.Set.of(0), NOW);
        store.polls().answerPoll(poll.id(), "bruno", java.util.Set.of(1), NOW);
        Document confirm = console.page("poll/delete?id=" + poll.id());
        assertThat(confirm.select("main .coq-lead").text()).isEqualTo("The poll \"Quel jour ?\" on /rh/jamais-vue.html and"
                + " its answers (2 people have answered) will be deleted. This cannot be undone.");
        console.follow(coquille.handle(console.post("poll/delete").param("id", String.valueOf(poll.id()))));
        assertThat(store.polls().allPolls()).isEmpty();
    }

    @Test
    void aBadAddressInThePageSearchSaysWhyAndAGoodOneOffersToSetThePageUp() {
        Document found = console.page("pages?q=rh/nouvelle.html");
        assertThat(found.select(".coq-reading .coq-hint").text()).isEqualTo("\"rh/nouvelle.html\" is understood as /rh/nouvelle.html.");
        assertThat(found.select("#coq-set-up").attr("href")).isEqualTo(EditorInConsole.C + "page?id=%2Frh%2Fnouvelle.html");
        Document refused = console.page("pages?q=https://[nope/x");
        assertThat(refused.select(".coq-reading .coq-field-error").text()).contains("cannot be read as a URL");
        assertThat(refused.select("#coq-set-up")).isEmpty();
    }

    @Test
    void aPageOpenedByAnEditorJoinsTheCatalogue() {
        console.page("page?id=rh/jamais-vue.html");
        assertThat(store.catalogue().cataloguedPages()).extracting(p -> p.page()).containsExactly(NEVER_SEEN);
        assertThat(console.page("pages?q=jamais").select("main tbody td.coq-url").eachText()).containsExactly(NEVER_SEEN.value());
    }
}
