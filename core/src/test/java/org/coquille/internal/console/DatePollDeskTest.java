package org.coquille.internal.console;

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
import biweekly.component.VEvent;

import org.coquille.core.AuditEntry;
import org.coquille.core.Availability;
import org.coquille.Coquille;
import org.coquille.core.DatePoll;
import org.coquille.core.DateSlot;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.User;
import org.coquille.core.Widget;
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

/** Date polls in the editors' console, end to end through core (router, use case, cached store, widget). */
class DatePollDeskTest {

    private static final String C = EditorInConsole.C;
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final PageId PAGE = PageId.of("/ce/sortie.html");
    private static final String PAGE_HTML = "<html><head><title>Sortie</title></head><body><h1>Sortie</h1></body></html>";
    private static final Instant TUESDAY_NOON = Instant.parse("2026-03-10T12:00:00Z");

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
        store.pages().saveSettings(PageSettings.off(PAGE).withWidgets(Set.of(Widget.DATE_POLL)));
    }

    @AfterEach
    void stop() {
        coquille.close();
    }




    /** A new date poll's form as posted: page, title and rows of day, start, end. */
    private FakeRequest create(String title, String... rows) {
        return createOn(PAGE.value(), title, rows);
    }

    private FakeRequest createOn(String page, String title, String... rows) {
        FakeRequest request = console.post("datepoll").param("id", "").param("page", page).param("title", title)
                .param("length", "90");
        for (int i = 0; i < rows.length; i += 3) {
            int n = i / 3 + 1;
            request.param("date_" + n, rows[i]).param("start_" + n, rows[i + 1]).param("end_" + n, rows[i + 2]);
        }
        return request;
    }


    private Document widget(String user) {
        byte[] out = coquille.decorate(FakeRequest.get(PAGE.value()).user(user), PAGE_HTML.getBytes(StandardCharsets.UTF_8),
                "UTF-8");
        assertThat(out).as("widgets added").isNotNull();
        return Jsoup.parse(new String(out, StandardCharsets.UTF_8));
    }

    private DatePoll threeSlots() {
        List<DateSlot> slots = List.of(0, 1, 2).stream().map(d -> TUESDAY_NOON.plus(Duration.ofDays(d)))
                .map(start -> new DateSlot(start, start.plus(Duration.ofMinutes(90)))).toList();
        return coquille.datePolls().create(User.editor("edith"), PAGE, "Sortie d'équipe", slots);
    }

    @Test
    void editorCreatesADatePollAndTheWidgetShowsItsSlots() {
        Document blank = console.page("datepoll?page=" + PAGE.value());
        assertThat(blank.select("#coq-dp-page").val()).isEqualTo(PAGE.value());
        assertThat(blank.select("input[type=date]")).hasSize(DatePollForm.ROWS);
        assertThat(blank.select("input[type=time]")).hasSize(2 * DatePollForm.ROWS);
        assertThat(blank.select("#coq-dp-slots-hint").text()).startsWith("Times are in the intranet's time zone")
                .contains("(Z)");
        for (Element control : blank.select("form input:not([type=hidden]), form select")) {
            assertThat(blank.select("label[for=" + control.id() + "]")).as("label for " + control.id()).hasSize(1);
        }

        // the second row left blank: rows are read up to the last one posted, blanks skipped
        Document created = console.follow(coquille.handle(create("Team lunch", "2026-03-10", "12:00", "13:30", "", "", "",
                "2026-03-11", "12:00", "")));
        assertThat(created.select(".coq-notice").first().text()).isEqualTo("Saved. The change shows on the next page view.");
        List<DatePoll> polls = store.datePolls().datePolls(PAGE);
        assertThat(polls).hasSize(1);
        assertThat(polls.get(0).title()).isEqualTo("Team lunch");
        assertThat(polls.get(0).slots()).containsExactly(new DateSlot(TUESDAY_NOON, TUESDAY_NOON.plusSeconds(90 * 60)),
                new DateSlot(TUESDAY_NOON.plus(Duration.ofDays(1)), TUESDAY_NOON.plus(Duration.ofDays(1)).plusSeconds(90 * 60)));
        assertThat(created.select(".coq-notice")).as("the widget is on: no warning").hasSize(1);
        assertThat(created.select("#coq-dp-date-2").val()).isEqualTo("2026-03-11");
        assertThat(created.select("#coq-dp-end-2").val()).as("the end given by the length").isEqualTo("13:30");

        assertThat(widget("alice").select(".coq-datepoll th[scope=row]").eachText()).containsExactly(
                "Tuesday, March 10, 2026, 12:00 PM – 1:30 PM", "Wednesday, March 11, 2026, 12:00 PM – 1:30 PM");
        Document list = console.page("datepolls");
        assertThat(list.select("nav a[aria-current]").text()).isEqualTo("Date polls");
        assertThat(list.select("tbody tr td").eachText()).containsExactly("Team lunch", PAGE.value(), "2", "0", "Open",
                "none yet");
        assertThat(store.audit().auditEntries(5)).extracting(AuditEntry::action).containsExactly("datepoll.create");
    }

    @Test
    void thePageMayBeGivenByItsFullAddress() {
        console.follow(coquille.handle(createOn("http://intranet/ce/sortie.html?utm_source=mail", "Team lunch",
                "2026-03-10", "12:00", "", "2026-03-11", "12:00", "")));
        assertThat(store.datePolls().datePolls(PAGE)).hasSize(1);
    }

    @Test
    void aPollOnAPageWithoutTheWidgetWarnsAndOneClickTurnsItOn() {
        PageId bare = PageId.of("/rh/index.html");
        Document created = console.follow(coquille.handle(createOn(bare.value(), "Team lunch", "2026-03-10", "12:00", "",
                "2026-03-11", "12:00", "")));
        Element warning = created.selectFirst(".coq-warning");
        assertThat(warning.text()).isEqualTo("The date poll widget is off on /rh/index.html: nobody sees this poll "
                + "there until it is on. Turn it on for this page");
        assertThat(created.select(".coq-notice").text()).doesNotContain("widget is off");
        long id = store.datePolls().datePolls(bare).get(0).id();
        Element button = warning.selectFirst("form");
        assertThat(button.attr("action")).isEqualTo(C + "page/widget");
        assertThat(button.select("input[name=back]").val()).isEqualTo("datepoll?id=" + id);

        Document back = console.follow(coquille.handle(console.post("page/widget").param("id", bare.value())
                .param("widget", "date_poll").param("back", "datepoll?id=" + id)));
        assertThat(coquille.pages().settings(bare).widgets()).contains(Widget.DATE_POLL);
        assertThat(back.select(".coq-warning")).isEmpty();
        assertThat(back.select(".coq-notice").text()).isEqualTo("The date poll widget is now on for /rh/index.html.");
        assertThat(back.select("input[name=title]").val()).isEqualTo("Team lunch");
    }

    @Test
    void addMoreDatesKeepsWhatWasTypedAndStoresNothing() {
        HttpResponse response = coquille.handle(create("Team lunch", "2026-03-10", "12:00", "", "", "", "", "", "", "",
                "", "", "", "", "", "", "", "", "").param("more", "1"));
        assertThat(response.status()).isEqualTo(200);
        Document form = Jsoup.parse(response.bodyText());
        assertThat(form.select("input[type=date]")).hasSize(2 * DatePollForm.ROWS);
        assertThat(form.select("#coq-dp-title").val()).isEqualTo("Team lunch");
        assertThat(form.select("#coq-dp-date-1").val()).isEqualTo("2026-03-10");
        assertThat(form.select("#coq-dp-start-1").val()).isEqualTo("12:00");
        assertThat(form.select("#coq-dp-length option[selected]").val()).isEqualTo("90");
        assertThat(form.select("[role=alert]")).isEmpty();
        assertThat(store.datePolls().datePolls(PAGE)).isEmpty();
    }

    @Test
    void badDatesComeBackWithTheMessageNextToTheFieldAndStoreNothing() {
        Document one = refused(create("Team lunch", "2026-03-10", "12:00", ""));
        assertThat(one.select("[role=alert]").text()).isEqualTo("A date poll offers 2 to 30 dates; this one has 1.");
        assertThat(one.select("#coq-dp-slots-error").text()).isEqualTo("A date poll offers 2 to 30 dates; this one has 1.");
        assertThat(one.select("#coq-dp-title").val()).isEqualTo("Team lunch");
        assertThat(one.select("#coq-dp-date-1").val()).isEqualTo("2026-03-10");

        Document twice = refused(create("Team lunch", "2026-03-10", "12:00", "13:00", "2026-03-10", "12:00", "13:00"));
        assertThat(twice.select("#coq-dp-slot-2-error").text()).isEqualTo("Date 2 is offered twice.");
        assertThat(twice.select("#coq-dp-date-2").attr("aria-invalid")).isEqualTo("true");
        assertThat(twice.select("#coq-dp-date-2").attr("aria-describedby")).isEqualTo("coq-dp-slot-2-error");
        assertThat(twice.select("#coq-dp-date-1").hasAttr("aria-invalid")).isFalse();

        Document malformed = refused(create("Team lunch", "2026-03-10", "12:00", "", "2026-02-30", "12:00", ""));
        assertThat(malformed.select("#coq-dp-slot-2-error").text())
                .isEqualTo("Date 2: \"2026-02-30\" is not a day; write it as yyyy-mm-dd, such as 2026-03-17.");
        assertThat(malformed.select("#coq-dp-date-2").val()).isEqualTo("2026-02-30");

        Document backwards = refused(create("Team lunch", "2026-03-10", "12:00", "11:00", "2026-03-11", "12:00", ""));
        assertThat(backwards.select("#coq-dp-slot-1-error").text()).isEqualTo("Date 1 ends before it starts.");

        String[] many = new String[31 * 3];
        for (int i = 0; i < 31; i++) {
            many[3 * i] = NOW.plus(Duration.ofDays(i + 1)).toString().substring(0, 10);
            many[3 * i + 1] = "09:00";
            many[3 * i + 2] = "";
        }
        Document tooMany = refused(create("Team lunch", many));
        assertThat(tooMany.select("#coq-dp-slots-error").text()).isEqualTo("A date poll offers 2 to 30 dates; this one has 31.");
        assertThat(tooMany.select("input[type=date]")).hasSize(31);
        assertThat(tooMany.select("button[name=more]")).as("no more rows than a poll may have").isEmpty();

        Document noTitle = refused(create(" ", "2026-03-10", "12:00", "", "2026-03-11", "12:00", ""));
        assertThat(noTitle.select("#coq-dp-title-error").text()).isEqualTo("A date poll needs a title.");

        HttpResponse french = coquille.handle(create("Déjeuner", "2026-03-10", "12h", "").locale(Locale.FRENCH));
        assertThat(Jsoup.parse(french.bodyText()).select("#coq-dp-slot-1-error").text())
                .isEqualTo("Date 1 : « 12h » n'est pas une heure ; écrivez-la hh:mm, par exemple 14:30.");
        assertThat(store.datePolls().datePolls(PAGE)).isEmpty();
        assertThat(store.audit().auditEntries(5)).isEmpty();
    }

    private Document refused(FakeRequest request) {
        HttpResponse response = coquille.handle(request);
        assertThat(response.status()).as(response.bodyText()).isEqualTo(400);
        return Jsoup.parse(response.bodyText());
    }

    @Test
    void titleAndDatesChangeOnlyWhileNobodyHasAnswered() {
        DatePoll poll = threeSlots();
        Document form = console.page("datepoll?id=" + poll.id());
        assertThat(form.select("#coq-dp-date-3").val()).isEqualTo("2026-03-12");
        assertThat(form.select("#coq-dp-page").hasAttr("disabled")).as("a poll stays on its page").isTrue();
        console.follow(coquille.handle(console.post("datepoll").param("id", String.valueOf(poll.id())).param("title", "Dîner")
                .param("length", "60").param("date_1", "2026-03-20").param("start_1", "19:00").param("end_1", "")
                .param("date_2", "2026-03-21").param("start_2", "19:00").param("end_2", "22:00")));
        DatePoll changed = store.datePolls().datePoll(poll.id());
        assertThat(changed.title()).isEqualTo("Dîner");
        assertThat(changed.slots()).containsExactly(
                new DateSlot(Instant.parse("2026-03-20T19:00:00Z"), Instant.parse("2026-03-20T20:00:00Z")),
                new DateSlot(Instant.parse("2026-03-21T19:00:00Z"), Instant.parse("2026-03-21T22:00:00Z")));

        coquille.datePolls().answer(User.employee("alice"), poll.id(), Map.of(0, Availability.YES));
        Document answered = console.page("datepoll?id=" + poll.id());
        assertThat(answered.select(".coq-notice").text()).contains("its title and dates can no longer change");
        assertThat(answered.select("form[action$=/datepoll] input:not([type=hidden])")).allMatch(e -> e.hasAttr("disabled"));
        assertThat(answered.select("form[action$=/datepoll] button")).isEmpty();
        assertThat(answered.select("input[type=date]")).extracting(Element::val).as("the dates offered, no blank rows")
                .containsExactly("2026-03-20", "2026-03-21");

        HttpResponse refused = coquille.handle(console.post("datepoll").param("id", String.valueOf(poll.id())).param("title", "Brunch")
                .param("date_1", "2026-03-22").param("start_1", "11:00").param("end_1", "")
                .param("date_2", "2026-03-23").param("start_2", "11:00").param("end_2", ""));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(Jsoup.parse(refused.bodyText()).select("[role=alert]").text()).isEqualTo("People have answered this "
                + "date poll: its dates can no longer change; close it on a date or delete it.");
        assertThat(store.datePolls().datePoll(poll.id())).isEqualTo(changed);
        assertThat(store.datePolls().datePollAnswer(poll.id(), "alice")).isEqualTo(Map.of(0, Availability.YES));
        assertThat(store.audit().auditEntries(5)).extracting(AuditEntry::action).containsExactly("datepoll.update");
    }

    @Test
    void closedOnTheChosenDateTheWidgetShowsItAndItsCalendarEventAnswers() {
        DatePoll poll = threeSlots();
        coquille.datePolls().answer(User.employee("alice"), poll.id(), Map.of(0, Availability.IF_NEED_BE, 1, Availability.YES));
        coquille.datePolls().answer(User.employee("bob"), poll.id(), Map.of(0, Availability.NO, 1, Availability.YES,
                2, Availability.IF_NEED_BE));

        Document results = console.page("datepoll?id=" + poll.id());
        assertThat(results.select("table caption").text()).isEqualTo("2 people have answered.");
        assertThat(results.select("table thead th").eachText())
                .containsExactly("Date", "Yes", "If need be", "No", "Score", "Best or chosen");
        assertThat(results.select("table tbody tr:eq(1)").text())
                .isEqualTo("Wednesday, March 11, 2026, 12:00 PM – 1:30 PM 2 0 0 4 best");
        assertThat(results.select("table tbody tr:eq(0) td")).extracting(Element::text).containsExactly("0", "1", "1", "1", "");
        Element firstChoice = results.selectFirst("input[name=slot]");
        assertThat(firstChoice.val()).as("the best date first").isEqualTo("1");
        assertThat(firstChoice.hasAttr("checked")).isTrue();
        assertThat(results.select("label[for=" + firstChoice.id() + "]").text()).endsWith("(best so far)");
        assertThat(console.page("datepolls").select("tbody td").eachText())
                .contains("Wednesday, March 11, 2026, 12:00 PM – 1:30 PM");

        HttpResponse noChoice = coquille.handle(console.post("datepoll/close").param("id", String.valueOf(poll.id())));
        assertThat(noChoice.status()).isEqualTo(400);
        assertThat(Jsoup.parse(noChoice.bodyText()).select("[role=alert]").text()).isEqualTo("Choose the date to keep.");
        assertThat(store.datePolls().datePoll(poll.id()).closed()).isFalse();

        Document closed = console.follow(coquille.handle(console.post("datepoll/close").param("id", String.valueOf(poll.id()))
                .param("slot", "2")));
        assertThat(closed.select(".coq-notice").first().text())
                .isEqualTo("The date poll is closed on the chosen date; the page shows it.");
        assertThat(closed.select("input[name=slot]")).as("closed: no more choice").isEmpty();
        assertThat(closed.select("tr.coq-chosen td").last().text()).isEqualTo("chosen");
        assertThat(store.datePolls().datePoll(poll.id()).chosen()).isEqualTo(2);

        Document widget = widget("alice");
        assertThat(widget.select(".coq-chosen").text()).isEqualTo("Chosen date: Thursday, March 12, 2026, 12:00 PM – 1:30 PM");
        String link = widget.selectFirst(".coq-datepoll a[download]").attr("href");
        HttpResponse ics = coquille.handle(FakeRequest.get(link).header("Host", "intranet"));
        assertThat(ics.status()).isEqualTo(200);
        VEvent event = Biweekly.parse(ics.bodyText()).first().getEvents().get(0);
        assertThat(event.getSummary().getValue()).isEqualTo("Sortie d'équipe");
        assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2026-03-12T12:00:00Z"));
        assertThat(console.page("datepolls").select("tbody td").eachText())
                .contains("Closed on Thursday, March 12, 2026, 12:00 PM – 1:30 PM");

        HttpResponse again = coquille.handle(console.post("datepoll/close").param("id", String.valueOf(poll.id())).param("slot", "0"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(store.datePolls().datePoll(poll.id()).chosen()).isEqualTo(2);
        assertThat(store.audit().auditEntries(5)).extracting(AuditEntry::action).containsExactly("datepoll.close");
        assertThat(console.page("moderation").select("tr.coq-audit-entry").text()).contains("edith", "Date poll closed on a date");
    }

    @Test
    void deletingGoesThroughAConfirmationPage() {
        DatePoll poll = threeSlots();
        coquille.datePolls().answer(User.employee("alice"), poll.id(), Map.of(0, Availability.YES));
        Document shown = console.page("datepoll?id=" + poll.id());
        assertThat(shown.select("a.coq-danger").attr("href")).isEqualTo(C + "datepoll/delete?id=" + poll.id());
        Document confirm = console.page("datepoll/delete?id=" + poll.id());
        assertThat(confirm.select(".coq-lead").text()).isEqualTo("The date poll \"Sortie d'équipe\" on /ce/sortie.html and "
                + "its answers (one person has answered) will be deleted. This cannot be undone.");
        assertThat(confirm.select("form[action$=/datepoll/delete] button").text())
                .isEqualTo("Delete the date poll and its answers");
        assertThat(store.datePolls().datePoll(poll.id())).as("asking deletes nothing").isNotNull();

        Document list = console.follow(coquille.handle(console.post("datepoll/delete").param("id", String.valueOf(poll.id()))));
        assertThat(list.select(".coq-notice").first().text()).isEqualTo("Deleted.");
        assertThat(list.select(".coq-empty").text()).isEqualTo("No date poll yet.");
        assertThat(store.datePolls().datePoll(poll.id())).isNull();
        assertThat(store.datePolls().datePollAnswer(poll.id(), "alice")).isEmpty();
        assertThat(widget("alice").select(".coq-datepoll")).isEmpty();
        assertThat(store.audit().auditEntries(5)).extracting(AuditEntry::action).containsExactly("datepoll.delete");
        assertThat(console.get("datepoll/delete?id=" + poll.id()).status()).isEqualTo(404);
    }

    @Test
    void employeeGetsA403OnEveryDatePollRouteAndEveryPostNeedsTheToken() {
        DatePoll poll = threeSlots();
        String id = String.valueOf(poll.id());
        for (String route : List.of("datepolls", "datepoll", "datepoll?page=" + PAGE.value(), "datepoll?id=" + id,
                "datepoll/delete?id=" + id)) {
            HttpResponse response = coquille.handle(FakeRequest.get(C + route).user("alice"));
            assertThat(response.status()).as(route).isEqualTo(403);
            assertThat(console.get(route).status()).as("editor " + route).isEqualTo(200);
        }
        String aliceToken = Jsoup.parse(new String(coquille.decorate(FakeRequest.get(PAGE.value()).user("alice"),
                PAGE_HTML.getBytes(StandardCharsets.UTF_8), "UTF-8"), StandardCharsets.UTF_8))
                .selectFirst("input[name=coq_csrf]").val();
        for (String route : List.of("datepoll", "datepoll/close", "datepoll/delete")) {
            FakeRequest[] attempts = {
                FakeRequest.post(C + route).user("alice").param("coq_csrf", aliceToken),
                FakeRequest.post(C + route).user("edith", "coquille-editor"),
                FakeRequest.post(C + route).user("edith", "coquille-editor").param("coq_csrf", "forged"),
                console.post(route).header("Origin", "https://evil.example"),
            };
            for (FakeRequest attempt : attempts) {
                attempt.param("id", id).param("slot", "0").param("title", "Piraté").param("date_1", "2026-04-01")
                        .param("start_1", "10:00").param("date_2", "2026-04-02").param("start_2", "10:00");
                assertThat(coquille.handle(attempt).status()).as(route).isEqualTo(403);
            }
        }
        assertThat(store.datePolls().datePoll(poll.id())).isEqualTo(poll);
        assertThat(store.audit().auditEntries(5)).isEmpty();
    }
}
