package org.coquille.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.coquille.Coquille;
import org.coquille.core.Objective;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.PatternRule;
import org.coquille.core.Widget;
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

/** An objective set, changed and cleared in the console, for a page and a pattern, and carried by the settings file. */
class ObjectiveConsoleTest {

    private static final String C = EditorInConsole.C;
    private static final PageId MENU = PageId.of("/restaurant/menu.html");
    private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);

    /** A clock the test moves forward. */
    private static final class MovingClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T09:00:00Z"));

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
            return now.get();
        }
    }

    @TempDir
    Path work;
    private final MovingClock clock = new MovingClock();
    private MemoryStore store;
    private Coquille coquille;
    private EditorInConsole console;

    @BeforeEach
    void start() {
        store = new MemoryStore();
        coquille = Coquille.builder().settings(Map.of("coquille.workFolder", work.toString()))
                .store(store).key(new byte[32]).clock(clock).zone(ZoneOffset.UTC)
                .identity(IdentityResolver.container("coquille-editor")).build();
        console = new EditorInConsole(coquille);
    }

    @AfterEach
    void stop() {
        coquille.close();
    }





    private FakeRequest saveMenu(String purpose, String text, String target, String end) {
        return console.post("page").param("id", MENU.value()).param("widget", "ideas").param("widget", "comments")
                .param("objective", purpose).param("objectiveText", text).param("target", target).param("endDate", end);
    }

    @Test
    void formAsksForAnObjectiveWhenWidgetsAreOnWithoutOne() {
        Document off = console.page("page?id=" + MENU.value());
        assertThat(off.select("#coq-objective-set legend").text()).isEqualTo("Objective");
        assertThat(off.select("#coq-objective option").eachText()).containsExactly("No objective",
                "collect and rank ideas", "gather feedback on a plan or document", "sense opinion", "organise an event",
                "other");
        assertThat(off.select("#coq-objective-prompt")).isEmpty();
        // every field has its label
        for (String id : List.of("coq-objective", "coq-objective-text", "coq-target", "coq-end")) {
            assertThat(off.select("label[for=" + id + "]")).as(id).hasSize(1);
        }

        Document on = console.follow(coquille.handle(saveMenu("", "", "", "")));
        assertThat(store.pages().settings(MENU).objective()).isNull();
        assertThat(on.select("#coq-objective-prompt").text()).startsWith("Widgets are on but no objective is set.");
        assertThat(on.select("#coq-objective").attr("aria-describedby")).isEqualTo("coq-objective-prompt");
        assertThat(on.select("#coq-objective option[selected]").val()).isEmpty();
    }

    @Test
    void objectiveIsSetThenChangedKeepingItsStartThenCleared() {
        Document saved = console.follow(coquille.handle(saveMenu("ideas", "Menu ideas", "30", "2026-03-31")));
        Objective set = new Objective(Objective.Purpose.IDEAS, "Menu ideas", 30, LocalDate.of(2026, 3, 31), MARCH_2);
        assertThat(store.pages().settings(MENU).objective()).isEqualTo(set);
        assertThat(store.pages().settings(MENU).widgets()).containsExactlyInAnyOrder(Widget.IDEAS, Widget.COMMENTS);
        assertThat(saved.select("#coq-objective option[selected]").val()).isEqualTo("ideas");
        assertThat(saved.select("#coq-objective-text").val()).isEqualTo("Menu ideas");
        assertThat(saved.select("#coq-target").val()).isEqualTo("30");
        assertThat(saved.select("#coq-end").val()).isEqualTo("2026-03-31");
        assertThat(saved.select("#coq-objective-since").text()).as("the date as the editor's language writes it")
                .isEqualTo("Contributors are counted from March 2, 2026, the day this objective was set.");
        assertThat(saved.select("#coq-objective-prompt")).isEmpty();
        assertThat(store.audit().auditEntries(1).get(0).after()).endsWith(
                "objective=ideas \"Menu ideas\", target=30, end=2026-03-31, since=2026-03-02");

        // a week later the target goes up: still counted from 2 March
        clock.now.set(Instant.parse("2026-03-09T09:00:00Z"));
        console.follow(coquille.handle(saveMenu("ideas", "", "40", "2026-04-30")));
        assertThat(store.pages().settings(MENU).objective())
                .isEqualTo(new Objective(Objective.Purpose.IDEAS, null, 40, LocalDate.of(2026, 4, 30), MARCH_2));
        // another purpose is another experiment: counted from today
        console.follow(coquille.handle(saveMenu("event", "", "", "")));
        assertThat(store.pages().settings(MENU).objective())
                .isEqualTo(new Objective(Objective.Purpose.EVENT, null, null, null, LocalDate.of(2026, 3, 9)));

        Document cleared = console.follow(coquille.handle(saveMenu("", "", "", "")));
        assertThat(store.pages().settings(MENU).objective()).isNull();
        assertThat(store.pages().settings(MENU).widgets()).containsExactlyInAnyOrder(Widget.IDEAS, Widget.COMMENTS);
        assertThat(cleared.select("#coq-objective-prompt")).hasSize(1);
    }

    @Test
    void badObjectiveIsExplainedAndChangesNothing() {
        console.follow(coquille.handle(saveMenu("ideas", "", "30", "2026-03-31")));
        PageSettings kept = store.pages().settings(MENU);
        Map<String, String[]> cases = Map.of(
                "The target \"0\" is not a number of contributors: give a whole number from 1 to 100000, or leave it"
                        + " empty.", new String[] {"ideas", "", "0", ""},
                "The target \"lots\" is not a number of contributors: give a whole number from 1 to 100000, or leave it"
                        + " empty.", new String[] {"ideas", "", "lots", ""},
                "The end date \"2026-02-30\" is not a date: write it as 2026-03-31, or leave it empty.",
                new String[] {"feedback", "", "", "2026-02-30"},
                "Describe the objective in a few words: \"Other\" needs a description.", new String[] {"other", " ", "", ""},
                "\"party\" is not an objective: choose ideas, feedback, opinion, event or other.",
                new String[] {"party", "", "", ""});
        cases.forEach((message, fields) -> {
            HttpResponse response = coquille.handle(saveMenu(fields[0], fields[1], fields[2], fields[3]));
            assertThat(response.status()).as(message).isEqualTo(400);
            Document form = Jsoup.parse(response.bodyText());
            assertThat(form.select(".coq-error").text()).as(message).isEqualTo(message);
            // what the editor typed is shown again, to correct
            assertThat(form.select("#coq-target").val()).isEqualTo(fields[2]);
            assertThat(form.select("#coq-end").val()).isEqualTo(fields[3]);
            assertThat(store.pages().settings(MENU)).isEqualTo(kept);
        });
    }

    @Test
    void patternCarriesAnObjectiveToItsPages() {
        console.follow(coquille.handle(console.post("pattern").param("pattern", "/ce/*").param("widget", "date_poll")
                .param("objective", "other").param("objectiveText", "Choose the trip").param("target", "12")));
        Objective trip = new Objective(Objective.Purpose.OTHER, "Choose the trip", 12, null, MARCH_2);
        assertThat(store.settings().patternRules()).extracting(PatternRule::objective).containsExactly(trip);
        assertThat(coquille.pages().settings(PageId.of("/ce/voyages.html")).objective()).isEqualTo(trip);
        Document form = console.page("pattern?p=/ce/*");
        assertThat(form.select("#coq-objective option[selected]").val()).isEqualTo("other");
        assertThat(form.select("#coq-target").val()).isEqualTo("12");

        HttpResponse bad = coquille.handle(console.post("pattern").param("pattern", "/ce/*").param("widget", "date_poll")
                .param("objective", "event").param("target", "100001"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(store.settings().patternRules()).extracting(PatternRule::objective).containsExactly(trip);
    }

    @Test
    void settingsFileCarriesObjectivesBothWays() throws Exception {
        console.follow(coquille.handle(saveMenu("ideas", "Menu ideas", "30", "2026-03-31")));
        console.follow(coquille.handle(console.post("pattern").param("pattern", "/ce/*").param("widget", "date_poll")
                .param("objective", "event").param("endDate", "2026-06-30")));
        String json = console.get("settings/export").bodyText();
        assertThat(json).contains("\"objective\" : {", "\"purpose\" : \"ideas\"", "\"target\" : 30",
                "\"endDate\" : \"2026-03-31\"", "\"since\" : \"2026-03-02\"");
        List<PageSettings> pages = store.pages().allSettings();
        List<PatternRule> patterns = store.settings().patternRules();

        coquille.close();
        start();
        console.follow(coquille.handle(console.post("settings/import").param("json", json)));
        assertThat(store.pages().allSettings()).isEqualTo(pages);
        assertThat(store.settings().patternRules()).isEqualTo(patterns);
    }

    @Test
    void badObjectivesInAFileAreListedByLineAndNothingIsImported() {
        store.pages().saveSettings(PageSettings.off(MENU).withWidgets(Set.of(Widget.IDEAS)));
        String bad = """
                {
                  "format": "coquille-settings",
                  "version": 1,
                  "pages": [
                    {"page": "/a.html", "widgets": ["ideas"], "objective": {"purpose": "ideas", "target": 0}},
                    {"page": "/b.html", "widgets": ["ideas"], "objective": {"purpose": "other"}},
                    {"page": "/c.html", "widgets": ["ideas"], "objective": {"purpose": "event", "endDate": "soon"}},
                    {"page": "/d.html", "widgets": ["ideas"], "objective": "ideas"},
                    {"page": "/e.html", "widgets": ["ideas"], "objective": {"purpose": "fun", "goal": 3}},
                    {"page": "/f.html", "widgets": ["ideas"], "objective": {"purpose": "ideas", "target": 30}}
                  ]
                }
                """;
        HttpResponse response = coquille.handle(console.post("settings/import").param("json", bad));
        assertThat(response.status()).isEqualTo(400);
        Document page = Jsoup.parse(response.bodyText());
        assertThat(page.select("#coq-problems li").eachText()).containsExactly(
                "Line 5: The target \"0\" is not a number of contributors: give a whole number from 1 to 100000,"
                        + " or leave it empty.",
                "Line 6: Describe the objective in a few words: \"Other\" needs a description.",
                "Line 7: The end date \"soon\" is not a date: write it as 2026-03-31, or leave it empty.",
                "Line 8: \"objective\" must be an object such as {\"purpose\": \"ideas\", \"target\": 30,"
                        + " \"endDate\": \"2026-03-31\"}.",
                "Line 9: unknown field \"goal\"; the fields are purpose, text, target, endDate, since.",
                "Line 9: \"fun\" is not an objective: choose ideas, feedback, opinion, event or other.");
        assertThat(store.pages().allSettings()).containsExactly(PageSettings.off(MENU).withWidgets(Set.of(Widget.IDEAS)));
    }
}
