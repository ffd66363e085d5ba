package org.coquille.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.coquille.core.Availability;
import org.coquille.Coquille;
import org.coquille.core.DatePoll;
import org.coquille.core.DateSlot;
import org.coquille.core.Idea;
import org.coquille.core.Objective;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.User;
import org.coquille.core.Widget;
import org.coquille.http.FakeRequest;
import org.coquille.http.HttpResponse;
import org.coquille.http.IdentityResolver;
import org.coquille.core.ActivityFigures;
import org.coquille.core.ActivityQuery;
import org.coquille.core.Bucket;
import org.coquille.store.MemoryStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's objectives end to end: ideas, idea votes and date-poll answers made through the use cases count as
 * contributions, and the report groups pages by objective with their progress, in HTML and in the exports.
 * <p>Today is Wednesday 4 March 2026.
 * <ul>
 * <li>/restaurant/menu.html collects ideas, 30 contributors from 2 to 31 March (30 days): alice submits an idea,
 * bruno votes for it: 2 contributors on day 3 of 30, 2 x 30 = 60 &lt; 30 x 3 = 90: behind.</li>
 * <li>/ce/voyages.html organises an event, 4 contributors from 2 to 10 March (9 days): chloe, denis, emile answer
 * the date poll: 3 on day 3 of 9, 3 x 9 = 27 &gt;= 4 x 3 = 12: on track.</li>
 * <li>/rh/sondage.html senses opinion with no target; /news/canteen.jsp has widgets on and no objective.</li>
 * </ul>
 */
class ObjectiveReportTest {

    private static final Instant NOW = Instant.parse("2026-03-04T09:00:00Z");
    private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);
    private static final PageId MENU = PageId.of("/restaurant/menu.html");
    private static final PageId TRIPS = PageId.of("/ce/voyages.html");
    private static final PageId SURVEY = PageId.of("/rh/sondage.html");
    private static final PageId CANTEEN = PageId.of("/news/canteen.jsp");

    @TempDir
    Path work;
    private MemoryStore store;
    private Coquille coquille;

    @BeforeEach
    void start() {
        store = new MemoryStore();
        coquille = Coquille.builder().settings(Map.of("coquille.workFolder", work.toString()))
                .store(store).key(new byte[32]).clock(Clock.fixed(NOW, ZoneOffset.UTC)).zone(ZoneOffset.UTC)
                .identity(IdentityResolver.container("coquille-editor")).build();
        store.pages().saveSettings(PageSettings.off(MENU).withWidgets(Set.of(Widget.IDEAS)).withObjective(
                new Objective(Objective.Purpose.IDEAS, "Menu ideas", 30, LocalDate.of(2026, 3, 31), MARCH_2)));
        store.pages().saveSettings(PageSettings.off(TRIPS).withWidgets(Set.of(Widget.DATE_POLL)).withObjective(
                new Objective(Objective.Purpose.EVENT, null, 4, LocalDate.of(2026, 3, 10), MARCH_2)));
        store.pages().saveSettings(PageSettings.off(SURVEY).withWidgets(Set.of(Widget.POLL)).withObjective(
                new Objective(Objective.Purpose.OPINION, null, null, null, MARCH_2)));
        store.pages().saveSettings(PageSettings.off(CANTEEN).withWidgets(Set.of(Widget.COMMENTS)));
        // a page with every widget off is no experiment: not in the report's objectives
        store.pages().saveSettings(PageSettings.off(PageId.of("/off.html")));

        Idea idea = coquille.ideas().submit(User.employee("alice"), MENU, "Salad bar", "On Fridays");
        coquille.ideas().vote(User.employee("bruno"), idea.id(), true);
        coquille.ideas().vote(User.employee("bruno"), idea.id(), true); // a second click: one vote
        DatePoll trip = coquille.datePolls().create(User.editor("edith"), TRIPS, "Spring trip", List.of(
                new DateSlot(Instant.parse("2026-04-11T08:00:00Z"), Instant.parse("2026-04-11T18:00:00Z")),
                new DateSlot(Instant.parse("2026-04-18T08:00:00Z"), Instant.parse("2026-04-18T18:00:00Z"))));
        for (String user : List.of("chloe", "denis", "emile")) {
            coquille.datePolls().answer(User.employee(user), trip.id(), Map.of(0, Availability.YES, 1, Availability.NO));
        }
        coquille.flushViews();
    }

    @AfterEach
    void stop() {
        coquille.close();
    }

    private HttpResponse get(String pathAndQuery) {
        HttpResponse response = coquille.handle(FakeRequest.get("/_coquille/report/" + pathAndQuery)
                .user("edith", "coquille-editor"));
        assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
        return response;
    }

    @Test
    void ideasIdeaVotesAndDateAnswersAreCountedAsContributions() {
        ActivityFigures week = store.activity().activity(ActivityQuery.intranet(MARCH_2, MARCH_2.plusDays(6), Bucket.PERIOD)).get(0);
        assertThat(week.ideas()).isEqualTo(1);
        assertThat(week.ideaVotes()).isEqualTo(1);
        assertThat(week.dateAnswers()).isEqualTo(3);
        assertThat(week.uniqueCommenters()).isEqualTo(1); // alice wrote an idea
        assertThat(week.uniqueReactors()).isEqualTo(4); // bruno, chloe, denis, emile
        assertThat(week.uniqueContributors()).isEqualTo(5);
        Document report = Jsoup.parse(get("").bodyText());
        Element totals = report.selectFirst("table.coq-table");
        assertThat(totals.select("tr:has(th:containsOwn(Ideas)) td").text()).isEqualTo("1");
        assertThat(totals.select("tr:has(th:containsOwn(Date poll answers)) td").text()).isEqualTo("3");
    }

    @Test
    void reportGroupsPagesByObjectiveWithTheirProgress() {
        Element section = Jsoup.parse(get("").bodyText()).getElementById("coq-objectives");
        assertThat(section.select("h2").text()).isEqualTo("Pages by objective");
        assertThat(section.select("h3").eachText()).containsExactly("Objective: collect and rank ideas",
                "Objective: sense opinion", "Objective: organise an event", "No objective");
        List<Element> tables = section.select("table");
        assertThat(tables).hasSize(4);
        assertThat(tables.get(0).select("caption").text()).isEqualTo("Objective: collect and rank ideas");
        assertThat(tables.get(0).select("thead th").eachText()).containsExactly("Page", "Objective", "Target",
                "Contributors so far", "Since", "End date", "Progress");
        assertThat(cells(tables.get(0))).containsExactly(List.of("/restaurant/menu.html", "Menu ideas", "30", "2",
                "Mar 2, 2026", "Mar 31, 2026", "Behind"));
        assertThat(cells(tables.get(1))).containsExactly(List.of("/rh/sondage.html", "sense opinion", "none", "0",
                "Mar 2, 2026", "none", "No target"));
        assertThat(cells(tables.get(2))).containsExactly(List.of("/ce/voyages.html", "organise an event", "4", "3",
                "Mar 2, 2026", "Mar 10, 2026", "On track"));
        assertThat(cells(tables.get(3))).containsExactly(List.of("/news/canteen.jsp"));
        // the page links to its own report
        assertThat(tables.get(0).select("tbody th a").attr("href")).startsWith("page?page=%2Frestaurant%2Fmenu.html");
    }

    @Test
    void reportInFrenchSaysTheStatusInWords() {
        HttpResponse response = coquille.handle(FakeRequest.get("/_coquille/report/").user("edith", "coquille-editor")
                .locale(Locale.FRENCH));
        Element section = Jsoup.parse(response.bodyText()).getElementById("coq-objectives");
        assertThat(section.select("h3").first().text()).isEqualTo("Objectif : recueillir et classer des idées");
        assertThat(section.select("td.coq-status-behind").text()).isEqualTo("En retard");
        assertThat(section.select("td.coq-status-on-track").text()).isEqualTo("En bonne voie");
    }

    @Test
    void objectivesExportAsCsvAndJson() throws Exception {
        HttpResponse csv = get("export.csv?by=objective");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"coquille-objectives-2026-03-04.csv\"");
        String text = new String(csv.body(), StandardCharsets.UTF_8).substring(1); // the byte-order mark
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader().withColumnSeparator(';')).readValues(text)) {
            List<Map<String, String>> all = rows.readAll();
            assertThat(all).extracting(r -> r.get("Page")).containsExactly("/ce/voyages.html", "/news/canteen.jsp",
                    "/restaurant/menu.html", "/rh/sondage.html");
            assertThat(all.get(0)).containsEntry("Objective", "organise an event").containsEntry("Target", "4")
                    .containsEntry("End date", "2026-03-10").containsEntry("Since", "2026-03-02")
                    .containsEntry("Contributors", "3").containsEntry("Status", "On track")
                    .containsEntry("Approximate", "no");
            assertThat(all.get(1)).containsEntry("Objective", "").containsEntry("Status", "No objective");
            assertThat(all.get(2)).containsEntry("Description", "Menu ideas").containsEntry("Status", "Behind");
            assertThat(all.get(3)).containsEntry("Target", "").containsEntry("Status", "No target");
        }
        JsonNode json = new ObjectMapper().readTree(get("export.json?by=objective").body());
        assertThat(json.get("on").asText()).isEqualTo("2026-03-04");
        assertThat(json.get("rows")).hasSize(4);
        JsonNode menu = json.get("rows").get(2);
        assertThat(menu.get("page").asText()).isEqualTo("/restaurant/menu.html");
        assertThat(menu.get("target").asInt()).isEqualTo(30);
        assertThat(menu.get("contributors").asInt()).isEqualTo(2);
        assertThat(menu.get("status").asText()).isEqualTo("behind");
    }

    @Test
    void dailyExportHasTheIdeaAndDatePollColumns() throws Exception {
        JsonNode json = new ObjectMapper().readTree(get("export.json?by=day&from=2026-03-02&to=2026-03-08").body());
        JsonNode trips = null;
        for (JsonNode row : json.get("rows")) {
            if (row.get("page").asText().equals(TRIPS.value())) {
                trips = row;
            }
        }
        assertThat(trips).isNotNull();
        assertThat(trips.get("date_answers").asInt()).isEqualTo(3);
        assertThat(trips.get("ideas").asInt()).isZero();
    }

    private static List<List<String>> cells(Element table) {
        return table.select("tbody tr").stream().map(tr -> tr.children().eachText()).toList();
    }
}
