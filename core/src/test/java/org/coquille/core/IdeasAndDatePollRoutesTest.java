package org.coquille.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;

import org.coquille.Coquille;
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

/** The idea box and date poll forms, JSON API and calendar export, end to end through core, without a container. */
class IdeasAndDatePollRoutesTest {

    private static final String PAGE_HTML = "<html><head><title>Cantine</title></head><body><h1>Menu</h1></body></html>";
    private static final PageId PAGE = PageId.of("/restaurant/menu.html");
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final String EDITOR_ROLE = "coquille-editor";

    @TempDir
    Path work;
    private MemoryStore store;
    private Coquille coquille;

    @BeforeEach
    void start() {
        store = new MemoryStore();
        coquille = Coquille.builder()
                .settings(Map.of("coquille.workFolder", work.toString(), "coquille.rateLimit.writesPerMinute", "20"))
                .store(store).key(new byte[32]).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .zone(ZoneOffset.UTC).identity(IdentityResolver.container(EDITOR_ROLE))
                .build();
        store.pages().saveSettings(PageSettings.off(PAGE).withWidgets(Set.of(Widget.IDEAS, Widget.DATE_POLL)));
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

    private FakeRequest viewer(String user, String... roles) {
        return FakeRequest.get(PAGE.value()).user(user, roles);
    }

    private FakeRequest form(String action, String user, String... roles) {
        String csrf = page(viewer(user, roles)).selectFirst("input[name=coq_csrf]").val();
        return FakeRequest.post("/_coquille/form/" + action).user(user, roles).param("coq_csrf", csrf)
                .param("coq_page", PAGE.value()).param("coq_return", PAGE.value()).header("Host", "intranet")
                .header("Origin", "http://intranet");
    }

    private DatePoll datePoll() {
        Instant start = Instant.parse("2026-03-10T12:00:00Z");
        return coquille.datePolls().create(User.editor("edith"), PAGE, "Team lunch", List.of(
                new DateSlot(start, start.plus(Duration.ofMinutes(90))),
                new DateSlot(start.plus(Duration.ofDays(1)), start.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(90)))));
    }

    @Test
    void ideaSubmittedByFormShowsOnThePageWithItsLabelledForm() {
        Document before = page(viewer("alice"));
        Element title = before.selectFirst("input[name=coq_title]");
        assertThat(before.selectFirst("label[for=" + title.id() + "]").text()).isEqualTo("Title");
        assertThat(before.select(".coq-ideas .coq-empty").text()).isEqualTo("No ideas yet. Submit the first one.");

        HttpResponse response = coquille.handle(form("idea", "alice").param("coq_title", "Salad bar")
                .param("coq_body", "A salad bar on Fridays"));
        assertThat(response.status()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith("#coq-ideas");
        Document after = page(FakeRequest.get(response.header("Location").split("#")[0]).user("alice"));
        assertThat(after.select(".coq-idea-title").text()).isEqualTo("Salad bar");
        assertThat(after.select(".coq-idea .coq-body").text()).isEqualTo("A salad bar on Fridays");
        assertThat(after.select(".coq-status").text()).isEqualTo("New");
        assertThat(after.select(".coq-ideas .coq-notice").text()).isEqualTo("Your idea is submitted.");
    }

    @Test
    void anIdeaWhoseAuthorWasErasedStaysWithItsVotesAndAnswerButWithoutTheirNameOrText() {
        Idea idea = coquille.ideas().submit(User.employee("alice"), PAGE, "Salad bar", "A salad bar on Fridays");
        coquille.ideas().vote(User.employee("bob"), idea.id(), true);
        assertThat(page(viewer("carol")).select(".coq-idea-title").text()).isEqualTo("Salad bar");

        coquille.personalData().erase("alice");

        Element shown = page(viewer("carol")).selectFirst(".coq-idea");
        assertThat(shown.select(".coq-idea-title").text()).isEqualTo("Idea withdrawn at its author’s request");
        assertThat(shown.select(".coq-meta").text()).startsWith("Submitted on ").doesNotContain("alice");
        assertThat(shown.text()).doesNotContain("alice").doesNotContain("Salad bar").doesNotContain("Fridays");
        assertThat(shown.selectFirst(".coq-idea-vote button").attr("aria-label"))
                .isEqualTo("Vote for “Idea withdrawn at its author’s request” (1 so far)");
    }

    @Test
    void votingTwiceCountsOnceAndTheVoterSeesTheirOwnVote() {
        Idea idea = coquille.ideas().submit(User.employee("alice"), PAGE, "Salad bar", "Fridays");
        // a reader renders the page first: the shared rendering must not leak into the voter's
        assertThat(page(viewer("carol")).selectFirst(".coq-idea-vote button").attr("aria-pressed")).isEqualTo("false");
        coquille.handle(form("idea/vote", "bob").param("coq_idea", String.valueOf(idea.id())).param("coq_on", "on"));
        coquille.handle(form("idea/vote", "bob").param("coq_idea", String.valueOf(idea.id())).param("coq_on", "on"));
        assertThat(store.ideas().idea(idea.id()).votes()).isEqualTo(1);

        Element bobs = page(viewer("bob")).selectFirst(".coq-idea-vote button");
        assertThat(bobs.attr("aria-pressed")).isEqualTo("true");
        assertThat(bobs.val()).isEqualTo("off");
        assertThat(page(viewer("dan")).selectFirst(".coq-idea-vote button").attr("aria-pressed")).isEqualTo("false");

        coquille.handle(form("idea/vote", "bob").param("coq_idea", String.valueOf(idea.id())).param("coq_on", "off"));
        assertThat(store.ideas().idea(idea.id()).votes()).isZero();
    }

    @Test
    void ideasListByVotesOrNewestThroughTheirLinks() {
        Idea older = coquille.ideas().submit(User.employee("alice"), PAGE, "Older", "one");
        Idea newer = store.ideas().addIdea(PAGE, "bob", "Newer", "two", NOW.plusSeconds(60));
        coquille.ideas().vote(User.employee("carol"), older.id(), true);
        Document byVotes = page(viewer("dan"));
        assertThat(byVotes.select(".coq-idea-title").eachText()).containsExactly("Older", "Newer");
        String newestLink = byVotes.select(".coq-idea-order a").get(1).attr("href");
        assertThat(newestLink).isEqualTo("/restaurant/menu.html?coq_ideas=newest#coq-ideas");
        Document byNewest = page(FakeRequest.get(newestLink.split("#")[0]).user("dan"));
        assertThat(byNewest.select(".coq-idea-title").eachText()).containsExactly("Newer", "Older");
        assertThat(byNewest.selectFirst(".coq-idea-order a[aria-current]").text()).isEqualTo("newest");
        assertThat(newer.id()).isNotEqualTo(older.id());
    }

    @Test
    void onlyEditorsSetAStatusAndEachChangeShowsOnTheIdea() {
        Idea idea = coquille.ideas().submit(User.employee("alice"), PAGE, "Salad bar", "Fridays");
        assertThat(page(viewer("alice")).select("select[name=coq_status]")).as("no status form for employees").isEmpty();
        HttpResponse refused = coquille.handle(form("idea/status", "alice").param("coq_idea", String.valueOf(idea.id()))
                .param("coq_status", "accepted").header("X-Coquille-Fragment", "1"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(store.ideas().idea(idea.id()).status()).isEqualTo(IdeaStatus.NEW);

        Document editorView = page(viewer("edith", EDITOR_ROLE));
        Element status = editorView.selectFirst("select[name=coq_status]");
        assertThat(editorView.selectFirst("label[for=" + status.id() + "]")).isNotNull();
        assertThat(status.select("option").eachAttr("value")).containsExactly("under_study", "accepted", "declined");
        coquille.handle(form("idea/status", "edith", EDITOR_ROLE).param("coq_idea", String.valueOf(idea.id()))
                .param("coq_status", "under_study").param("coq_body", "We are asking the caterer."));
        coquille.handle(form("idea/status", "edith", EDITOR_ROLE).param("coq_idea", String.valueOf(idea.id()))
                .param("coq_status", "accepted").param("coq_body", "From April, on Fridays."));

        Document after = page(viewer("bob"));
        assertThat(after.select(".coq-status").text()).isEqualTo("Accepted");
        assertThat(after.select(".coq-answer").text()).isEqualTo("Editors' answer: From April, on Fridays.");
        assertThat(after.select(".coq-history li").eachText()).containsExactly(
                "Mar 2, 2026: New → Under study, by edith We are asking the caterer.",
                "Mar 2, 2026: Under study → Accepted, by edith From April, on Fridays.");
    }

    @Test
    void declineWithoutAnAnswerIsRefusedInFrench() {
        Idea idea = coquille.ideas().submit(User.employee("alice"), PAGE, "Salad bar", "Fridays");
        HttpResponse response = coquille.handle(form("idea/status", "edith", EDITOR_ROLE)
                .param("coq_idea", String.valueOf(idea.id())).param("coq_status", "declined")
                .header("X-Coquille-Fragment", "1").locale(Locale.FRENCH));
        assertThat(response.status()).isEqualTo(400);
        assertThat(Jsoup.parse(response.bodyText()).select(".coq-error").text())
                .isEqualTo("Dites pourquoi l'idée est refusée : un refus demande une réponse publique.");
        assertThat(store.ideas().idea(idea.id()).status()).isEqualTo(IdeaStatus.NEW);
    }

    @Test
    void datePollAnsweredByFormShowsCountsAndTheBestSlot() {
        DatePoll poll = datePoll();
        Document before = page(viewer("alice")); // a rendering any reader may share
        Element yes = before.selectFirst("input[name=coq_slot_1][value=yes]");
        assertThat(before.selectFirst("label[for=" + yes.id() + "]").text()).isEqualTo("Yes");
        assertThat(before.select(".coq-datepoll th[scope=row]").eachText())
                .containsExactly("Tuesday, March 10, 2026, 12:00 PM – 1:30 PM",
                        "Wednesday, March 11, 2026, 12:00 PM – 1:30 PM");

        HttpResponse response = coquille.handle(form("datepoll", "alice").param("coq_datepoll", String.valueOf(poll.id()))
                .param("coq_slot_0", "maybe").param("coq_slot_1", "yes"));
        assertThat(response.header("Location")).endsWith("#coq-datepoll-" + poll.id());
        coquille.handle(form("datepoll", "bob").param("coq_datepoll", String.valueOf(poll.id()))
                .param("coq_slot_0", "yes").param("coq_slot_1", "yes"));
        assertThat(store.datePolls().datePollAnswer(poll.id(), "alice"))
                .isEqualTo(Map.of(0, Availability.IF_NEED_BE, 1, Availability.YES));

        Document after = page(viewer("alice"));
        assertThat(after.selectFirst("input[name=coq_slot_0][value=maybe]").hasAttr("checked")).isTrue();
        assertThat(page(viewer("carol")).select(".coq-datepoll input[checked]")).as("not alice's answers").isEmpty();
        assertThat(after.select("tr.coq-best th").text()).startsWith("Wednesday, March 11, 2026").endsWith("(best so far)");
        assertThat(after.select("tr.coq-best td").eachText()).endsWith("2", "0", "0");
        assertThat(after.select(".coq-datepoll .coq-meta").text()).isEqualTo("2 people have answered.");
    }

    @Test
    void editorClosesTheDatePollAndTheChosenDateExportsAsAnEvent() {
        DatePoll poll = datePoll();
        HttpResponse early = coquille.handle(FakeRequest.get("/_coquille/calendar/datepoll-" + poll.id() + ".ics"));
        assertThat(early.status()).isEqualTo(404);
        assertThat(early.bodyText()).contains("No date is chosen yet for this poll.");
        assertThat(page(viewer("alice")).select(".coq-datepoll-close")).as("employees cannot close").isEmpty();

        HttpResponse refused = coquille.handle(form("datepoll/close", "alice").param("coq_datepoll", String.valueOf(poll.id()))
                .param("coq_slot", "1").header("X-Coquille-Fragment", "1"));
        assertThat(refused.status()).isEqualTo(403);
        coquille.handle(form("datepoll/close", "edith", EDITOR_ROLE).param("coq_datepoll", String.valueOf(poll.id()))
                .param("coq_slot", "1"));
        assertThat(store.datePolls().datePoll(poll.id()).chosen()).isEqualTo(1);

        Document after = page(viewer("alice"));
        assertThat(after.select(".coq-chosen").text()).isEqualTo("Chosen date: Wednesday, March 11, 2026, 12:00 PM – 1:30 PM");
        assertThat(after.select("input[name^=coq_slot_]")).as("a closed poll takes no answers").isEmpty();
        String link = after.selectFirst(".coq-datepoll a[download]").attr("href");
        assertThat(link).isEqualTo("/_coquille/calendar/datepoll-" + poll.id() + ".ics");

        HttpResponse ics = coquille.handle(FakeRequest.get(link).header("Host", "intranet"));
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.header("Content-Type")).isEqualTo("text/calendar; charset=utf-8");
        ICalendar calendar = Biweekly.parse(ics.bodyText()).first();
        VEvent event = calendar.getEvents().get(0);
        assertThat(event.getSummary().getValue()).isEqualTo("Team lunch");
        assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2026-03-11T12:00:00Z"));
        assertThat(event.getDateEnd().getValue().toInstant()).isEqualTo(Instant.parse("2026-03-11T13:30:00Z"));
        assertThat(event.getUid().getValue()).isEqualTo("datepoll-" + poll.id() + "@intranet");
    }

    @Test
    void jsonDatePollAnswerChecksEverySlotAndKeepsTheEarlierAnswer() {
        DatePoll poll = datePoll();
        String token = page(viewer("alice")).selectFirst("input[name=coq_csrf]").val();
        HttpResponse ok = coquille.handle(FakeRequest.post("/_coquille/api/datepoll").user("alice")
                .header("X-Coquille-Csrf", token).json("{\"datePoll\": " + poll.id() + ", \"slots\": {\"0\": \"yes\"}}"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.bodyText()).contains("\"mine\":{\"0\":\"YES\"}").contains("\"best\":[0]");
        HttpResponse bad = coquille.handle(FakeRequest.post("/_coquille/api/datepoll").user("alice")
                .header("X-Coquille-Csrf", token)
                .json("{\"datePoll\": " + poll.id() + ", \"slots\": {\"0\": \"no\", \"1\": \"perhaps\"}}"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.bodyText()).contains("The answer for date 2 must be yes, if need be or no.");
        assertThat(store.datePolls().datePollAnswer(poll.id(), "alice")).isEqualTo(Map.of(0, Availability.YES));

        HttpResponse read = coquille.handle(FakeRequest.get("/_coquille/api/page?page=" + PAGE.value()).user("alice"));
        assertThat(read.bodyText()).contains("\"datePolls\":[").contains("\"ideas\":{");
    }
}
