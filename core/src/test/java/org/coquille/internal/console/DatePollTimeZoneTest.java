package org.coquille.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

import biweekly.Biweekly;
import biweekly.component.VEvent;

import org.coquille.Coquille;
import org.coquille.core.DatePoll;
import org.coquille.core.DateSlot;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.Widget;
import org.coquille.http.FakeRequest;
import org.coquille.http.HttpResponse;
import org.coquille.http.IdentityResolver;
import org.coquille.store.MemoryStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Date polls on a server that runs on UTC: with {@code coquille.timeZone=Europe/Paris}, a 10:00 meeting typed in the
 * console is 10:00 in Paris in the store, the widget and the calendar file, in winter and in summer; without the
 * setting, the console says that times are UTC.
 */
class DatePollTimeZoneTest {

    private static final PageId PAGE = PageId.of("/ce/sortie.html");
    private static final String PAGE_HTML = "<html><head><title>Sortie</title></head><body><h1>Sortie</h1></body></html>";

    @TempDir
    Path work;
    private Coquille coquille;
    private TimeZone serverZone;

    /** Coquille on a server whose zone is UTC, with {@code settings} besides its work folder. */
    private EditorInConsole onUtcServer(Map<String, String> settings) {
        serverZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneOffset.UTC));
        MemoryStore store = new MemoryStore();
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.put("coquille.workFolder", work.toString());
        coquille = Coquille.builder().settings(all).store(store).key(new byte[32])
                .clock(Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC))
                .identity(IdentityResolver.container("coquille-editor")).build();
        store.pages().saveSettings(PageSettings.off(PAGE).withWidgets(Set.of(Widget.DATE_POLL)));
        return new EditorInConsole(coquille);
    }

    @AfterEach
    void stop() {
        if (coquille != null) {
            coquille.close();
        }
        if (serverZone != null) {
            TimeZone.setDefault(serverZone);
        }
    }

    @Test
    void aMeetingTypedAtTenIsAtTenInParisInTheWidgetAndInTheCalendarFile() {
        EditorInConsole console = onUtcServer(Map.of("coquille.timeZone", "Europe/Paris"));
        Document form = console.page("datepoll?page=" + PAGE.value());
        assertThat(form.select("label[for=coq-dp-start-1]").text()).isEqualTo("Starts at, Europe/Paris time");
        assertThat(form.select("label[for=coq-dp-end-1]").text()).isEqualTo("Ends at (optional), Europe/Paris time");
        assertThat(form.select("#coq-dp-slots-hint").text()).contains("(Europe/Paris)");
        assertThat(form.select(".coq-warning")).as("a zone is set: no warning").isEmpty();

        // 10 March is in winter (UTC+1), 7 July in summer (UTC+2)
        console.follow(coquille.handle(console.post("datepoll").param("id", "").param("page", PAGE.value())
                .param("title", "Team meeting").param("length", "60")
                .param("date_1", "2026-03-10").param("start_1", "10:00").param("end_1", "11:00")
                .param("date_2", "2026-07-07").param("start_2", "10:00").param("end_2", "")));
        DatePoll poll = coquille.store().datePolls().datePolls(PAGE).get(0);
        assertThat(poll.slots()).containsExactly(
                new DateSlot(Instant.parse("2026-03-10T09:00:00Z"), Instant.parse("2026-03-10T10:00:00Z")),
                new DateSlot(Instant.parse("2026-07-07T08:00:00Z"), Instant.parse("2026-07-07T09:00:00Z")));

        Document widget = Jsoup.parse(new String(coquille.decorate(FakeRequest.get(PAGE.value()).user("alice"),
                PAGE_HTML.getBytes(StandardCharsets.UTF_8), "UTF-8"), StandardCharsets.UTF_8));
        assertThat(widget.select(".coq-datepoll th[scope=row]").eachText()).containsExactly(
                "Tuesday, March 10, 2026, 10:00 AM – 11:00 AM", "Tuesday, July 7, 2026, 10:00 AM – 11:00 AM");

        for (int slot = 0; slot < 2; slot++) {
            DatePoll closed = coquille.datePolls().close(org.coquille.core.User.editor("edith"), poll.id(), slot).poll();
            HttpResponse ics = coquille.handle(FakeRequest.get("/_coquille/calendar/datepoll-" + poll.id() + ".ics"));
            assertThat(ics.bodyText()).contains("DTSTART;TZID=Europe/Paris:" + (slot == 0 ? "20260310T100000"
                    : "20260707T100000")).contains("BEGIN:VTIMEZONE").contains("TZID:Europe/Paris");
            VEvent event = Biweekly.parse(ics.bodyText()).first().getEvents().get(0);
            assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(closed.chosenSlot().start());
            assertThat(event.getDateEnd().getValue().toInstant()).isEqualTo(closed.chosenSlot().end());
            if (slot == 0) {
                // reopen by recreating: a closed poll stays closed, so the second slot gets a poll of its own
                poll = coquille.datePolls().create(org.coquille.core.User.editor("edith"), PAGE, "Summer meeting",
                        List.of(poll.slots().get(0), poll.slots().get(1)));
            }
        }
    }

    @Test
    void withoutATimeZoneOnAUtcServerThePagesWithTimesSaySo() {
        EditorInConsole console = onUtcServer(Map.of());
        for (String route : List.of("datepolls", "datepoll?page=" + PAGE.value(), "polls")) {
            assertThat(console.page(route).select("main .coq-notice.coq-warning").text()).as(route)
                    .startsWith("The server runs on UTC and no time zone is set").contains("coquille.timeZone");
        }
        assertThat(console.page("pages").select(".coq-warning")).as("a page without times").isEmpty();
    }

    @Test
    void aZoneSetToUtcOnPurposeIsNotWarnedAbout() {
        EditorInConsole console = onUtcServer(Map.of("coquille.timeZone", "UTC"));
        assertThat(console.page("datepolls").select(".coq-warning")).isEmpty();
    }

    @Test
    void aClosedDatePollsPageShowsTheChosenDateAndItsCalendarFileFirst() {
        EditorInConsole console = onUtcServer(Map.of("coquille.timeZone", "Europe/Paris"));
        DatePoll poll = coquille.datePolls().create(org.coquille.core.User.editor("edith"), PAGE, "Team meeting",
                List.of(new DateSlot(Instant.parse("2026-03-10T09:00:00Z"), Instant.parse("2026-03-10T10:00:00Z")),
                        new DateSlot(Instant.parse("2026-03-11T09:00:00Z"), Instant.parse("2026-03-11T10:00:00Z"))));
        assertThat(console.page("datepoll?id=" + poll.id()).select(".coq-chosen-date")).as("open: nothing chosen").isEmpty();

        Document closed = console.follow(coquille.handle(console.post("datepoll/close").param("id",
                String.valueOf(poll.id())).param("slot", "1")));
        org.jsoup.nodes.Element first = closed.selectFirst("main > section");
        assertThat(first.className()).isEqualTo("coq-chosen-date");
        assertThat(first.select("h2").text()).isEqualTo("Chosen date: Wednesday, March 11, 2026, 10:00 AM – 11:00 AM");
        assertThat(first.select("a[download]").attr("href")).isEqualTo("/_coquille/calendar/datepoll-" + poll.id() + ".ics");
        assertThat(closed.select("main > section, main > form").eachAttr("aria-labelledby"))
                .as("the answers before the form").startsWith("coq-chosen-title", "coq-results-title");
    }
}
