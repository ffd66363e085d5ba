package org.coquille.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.coquille.Coquille;
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
 * The report's routes end to end through core: views counted by the page filter and contributions made
 * through the use cases land under the same pseudonyms, and show in the HTML report, the exports and the
 * personal-data page; only editors get in.
 */
class ReportRoutesTest {

    private static final String HTML = "<html><head><title>Cantine</title></head><body><h1>Menu</h1></body></html>";
    private static final PageId PAGE = PageId.of("/news/canteen.jsp");
    private static final PageId QUIET = PageId.of("/hr/quiet.jsp");
    private static final Instant NOW = Instant.parse("2026-03-04T09:00:00Z");
    private static final String PERIOD = "from=2026-03-02&to=2026-03-08";

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
        store.pages().saveSettings(PageSettings.off(PAGE).withWidgets(Set.of(Widget.values())));
        // alice, bruno, chloé and denis read the canteen page; alice comments and reacts, bruno votes, chloé
        // reacts (twice: it counts once) then takes her reaction back (she did react: it still counts), denis only reads
        for (String user : List.of("alice", "bruno", "chloe", "denis", "alice")) {
            assertThat(coquille.decorate(FakeRequest.get(PAGE.value()).user(user), bytes(HTML), "UTF-8")).isNotNull();
        }
        coquille.countView(FakeRequest.get(QUIET.value()).user("bruno"));
        coquille.comments().post(User.employee("alice"), PAGE, null, "Très bon menu");
        coquille.reactions().set(User.employee("alice"), PAGE, "👍", true);
        coquille.reactions().set(User.employee("chloe"), PAGE, "👍", true);
        coquille.reactions().set(User.employee("chloe"), PAGE, "👍", true);
        coquille.reactions().set(User.employee("chloe"), PAGE, "👍", false);
        coquille.votes().vote(User.employee("bruno"), PAGE, 1);
        coquille.flushViews();
    }

    @AfterEach
    void stop() {
        coquille.close();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse get(String pathAndQuery, String user, String... roles) {
        return coquille.handle(FakeRequest.get("/_coquille/report/" + pathAndQuery).user(user, roles));
    }

    private Document editorPage(String pathAndQuery) {
        HttpResponse response = get(pathAndQuery, "edith", "coquille-editor");
        assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
        return Jsoup.parse(response.bodyText());
    }

    @Test
    void contributionsAreCountedUnderTheViewersPseudonyms() {
        ActivityFigures week = store.activity().activity(ActivityQuery.intranet(LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 8), Bucket.PERIOD)).get(0);
        assertThat(week).isEqualTo(new ActivityFigures(null, null, 6, 4, 1, 1, 1, 2, 0, 3, 3));
        // the contributors' keys are the readers' keys: a reader who contributes is the same person in both
        coquille.countView(FakeRequest.get(QUIET.value()).user("alice"));
        coquille.flushViews();
        ActivityQuery both = ActivityQuery.intranet(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8), Bucket.PERIOD);
        assertThat(store.activity().activity(both).get(0).uniqueViewers()).isEqualTo(4);
        coquille.comments().post(User.employee("denis"), PAGE, null, "Moi aussi");
        coquille.flushViews();
        assertThat(store.activity().activity(both).get(0).uniqueContributors()).isEqualTo(4);
        assertThat(store.activity().activity(both).get(0).participationRate()).isEqualTo(1.0);
    }

    @Test
    void requestThreadsWriteNothingToTheStoreTheFlushDoes() {
        ActivityQuery march = ActivityQuery.intranet(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8), Bucket.PERIOD);
        ActivityFigures before = store.activity().activity(march).get(0);
        coquille.countView(FakeRequest.get(QUIET.value()).user("emile"));
        coquille.votes().vote(User.employee("emile"), PAGE, 1);
        assertThat(store.activity().activity(march).get(0)).isEqualTo(before);
        coquille.flushViews();
        ActivityFigures after = store.activity().activity(march).get(0);
        assertThat(after.views()).isEqualTo(before.views() + 1);
        assertThat(after.votes()).isEqualTo(before.votes() + 1);
        assertThat(after.uniqueContributors()).isEqualTo(before.uniqueContributors() + 1);
    }

    @Test
    void purgeJobDeletesOldKeysAndTheReportKeepsItsWeeklyFigures() {
        LocalDate monday = LocalDate.of(2026, 3, 2);
        String before = editorPage("?" + PERIOD).select("table:has(caption:contains(Funnel)) tbody").text();
        try (Coquille later = Coquille.builder().settings(Map.of("coquille.workFolder", work.toString(),
                        "coquille.report.retention", "P90D"))
                .store(store).key(new byte[32])
                .clock(Clock.fixed(Instant.parse("2026-09-01T03:00:00Z"), ZoneOffset.UTC)).zone(ZoneOffset.UTC).build()) {
            assertThat(later.purgeOldKeys()).isEqualTo(LocalDate.of(2026, 6, 1)); // 90 days before is Wednesday 3 June
        }
        ActivityFigures raw = store.activity().activity(ActivityQuery.intranet(monday, monday.plusDays(6), Bucket.PERIOD)).get(0);
        assertThat(raw.views()).isEqualTo(6);
        assertThat(raw.uniqueViewers()).isZero(); // the keys are gone
        assertThat(editorPage("?" + PERIOD).select("table:has(caption:contains(Funnel)) tbody").text()).isEqualTo(before);
        assertThat(store.views().views(PAGE, monday.plusDays(2), monday.plusDays(2)).get(0).uniqueViewers()).isEqualTo(4);
    }

    @Test
    void onlyEditorsSeeTheReport() {
        HttpResponse employee = get("", "alice");
        assertThat(employee.status()).isEqualTo(403);
        assertThat(Jsoup.parse(employee.bodyText()).select(".coq-error").text())
                .isEqualTo("The usage report is for editors only.");
        HttpResponse french = coquille.handle(FakeRequest.get("/_coquille/report/").locale(Locale.FRENCH));
        assertThat(french.status()).isEqualTo(403);
        assertThat(Jsoup.parse(french.bodyText()).select(".coq-error").text())
                .isEqualTo("Le rapport d’usage est réservé aux éditeurs.");
        assertThat(get("export.csv", "alice").status()).isEqualTo(403);
        assertThat(get("user.json?id=bruno", "alice").status()).isEqualTo(403);
    }

    @Test
    void intranetReportShowsTheFiguresInTablesAndAChart() {
        Document doc = editorPage("?" + PERIOD);
        assertThat(doc.select("html").attr("lang")).isEqualTo("en");
        Element totals = doc.selectFirst("table.coq-table");
        assertThat(row(totals, "Readers")).isEqualTo("4");
        assertThat(row(totals, "Contributors")).isEqualTo("3");
        assertThat(row(totals, "Participation")).isEqualTo("75.0%");
        assertThat(row(totals, "Page views")).isEqualTo("6");
        Element svg = doc.selectFirst("svg.coq-chart");
        assertThat(svg.attr("role")).isEqualTo("img");
        assertThat(doc.getElementById(svg.attr("aria-labelledby")).text()).startsWith("Funnel, week by week");
        assertThat(doc.select("table.coq-table thead th[scope=col]")).isNotEmpty();
        assertThat(doc.select("a[href=../console/]").text()).isEqualTo("Console");
        // the quiet page was read and never reacted to, and has no widget
        assertThat(doc.select("table:has(caption:contains(No widget to react with)) tbody td.coq-address").text())
                .isEqualTo(QUIET.value());
    }

    @Test
    void frenchReportFormatsNumbersTheFrenchWay() {
        HttpResponse response = coquille.handle(FakeRequest.get("/_coquille/report/").query(PERIOD)
                .user("edith", "coquille-editor").locale(Locale.FRENCH));
        Document doc = Jsoup.parse(response.bodyText());
        assertThat(doc.select("h1").text()).isEqualTo("Rapport d’usage");
        assertThat(row(doc.selectFirst("table.coq-table"), "Participation")).isEqualTo("75,0 %");
        // with a no-break space before %, as French typography has it
        assertThat(response.bodyText()).containsAnyOf("<td>75,0&nbsp;%</td>", "<td>75,0\u00a0%</td>");
    }

    private static String row(Element table, String header) {
        return table.select("tr:has(th:matchesOwn(^" + header + "$)) td").text();
    }

    @Test
    void pageReportHasItsWeeklyTrend() {
        Document doc = editorPage("page?page=" + PAGE.value() + "&" + PERIOD);
        assertThat(doc.select("h1").text()).isEqualTo("Page " + PAGE.value());
        assertThat(doc.select("table:has(caption:contains(Trend)) tbody tr")).hasSize(1);
        assertThat(doc.select("table:has(caption:contains(Trend)) tbody tr td").eachText())
                .startsWith("4", "3", "1", "3", "75.0%", "5");
    }

    @Test
    void csvExportOpensInAFrenchExcel() throws Exception {
        HttpResponse response = coquille.handle(FakeRequest.get("/_coquille/report/export.csv").query("by=day&" + PERIOD)
                .user("edith", "coquille-editor").locale(Locale.FRENCH));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
        byte[] body = response.body();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow()).as("headers in the editor's language").isEqualTo(
                "Page;Jour;Vues;Lecteurs;Commentaires;Commentateurs;Votes;Réactions;Réponses aux sondages;"
                + "Personnes ayant réagi ou voté;Contributeurs;Idées;Votes pour des idées;Réponses aux sondages de date;"
                + "Taux de participation");
        assertThat(text).contains("\n/news/canteen.jsp;2026-03-04;5;4;"); // quoted only where needed
        MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader().withColumnSeparator(';')).readValues(text);
        List<Map<String, String>> all = rows.readAll();
        assertThat(all).hasSize(2);
        Map<String, String> canteen = all.stream().filter(r -> r.get("Page").equals(PAGE.value())).findFirst().orElseThrow();
        assertThat(canteen).containsEntry("Jour", "2026-03-04").containsEntry("Vues", "5")
                .containsEntry("Lecteurs", "4").containsEntry("Commentaires", "1").containsEntry("Votes", "1")
                .containsEntry("Réactions", "2").containsEntry("Contributeurs", "3")
                .containsEntry("Taux de participation", "0,7500");
    }

    @Test
    void jsonExportHasTheSameFigures() throws Exception {
        HttpResponse response = get("export.json?by=week&" + PERIOD, "edith", "coquille-editor");
        JsonNode json = new ObjectMapper().readTree(response.body());
        assertThat(json.get("by").asText()).isEqualTo("week");
        assertThat(json.get("rows")).hasSize(2);
        JsonNode canteen = json.get("rows").get(1);
        assertThat(canteen.get("page").asText()).isEqualTo(PAGE.value());
        assertThat(canteen.get("start").asText()).isEqualTo("2026-03-02");
        assertThat(canteen.get("unique_viewers").asLong()).isEqualTo(4);
        assertThat(canteen.get("participation_rate").asDouble()).isEqualTo(0.75);
    }

    @Test
    void badInputGetsAClearMessageInTheReadersLanguage() {
        HttpResponse bad = get("?from=31/03/2026", "edith", "coquille-editor");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(Jsoup.parse(bad.bodyText()).select(".coq-error").text())
                .isEqualTo("The date “31/03/2026” is not valid: write it as 2026-03-31.");
        HttpResponse french = coquille.handle(FakeRequest.get("/_coquille/report/export.csv").query("by=month")
                .user("edith", "coquille-editor").locale(Locale.FRENCH));
        assertThat(french.status()).isEqualTo(400);
        assertThat(Jsoup.parse(french.bodyText()).select(".coq-error").text())
                .isEqualTo("Exportez par « day » (jour), « week » (semaine), « objective » (objectif) ou « department » (service), pas « month ».");
        assertThat(get("?from=2026-03-08&to=2026-03-01", "edith", "coquille-editor").status()).isEqualTo(400);
    }

    @Test
    void personalDataIsExportedThenErasedWithAConfirmedForm() throws Exception {
        JsonNode data = new ObjectMapper().readTree(get("user.json?id=alice", "edith", "coquille-editor").body());
        assertThat(data.get("comments").get(0).get("body").asText()).isEqualTo("Très bon menu");
        assertThat(data.get("reactions").get(0).get("emoji").asText()).isEqualTo("👍");

        Document page = editorPage("user?id=alice");
        assertThat(page.select("main > p").eachText()).contains(
                "alice: 1 comments, 0 votes, 0 poll answers, 1 reactions, 0 ideas, 0 idea votes, 0 date-poll answers.");
        String token = page.selectFirst("form[action=user/erase] input[name=coq_csrf]").val();
        ActivityFigures before = store.activity().activity(ActivityQuery.intranet(LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 8), Bucket.PERIOD)).get(0);

        HttpResponse unconfirmed = coquille.handle(FakeRequest.post("/_coquille/report/user/erase")
                .user("edith", "coquille-editor").param("coq_csrf", token).param("id", "alice"));
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(store.personalData().userData("alice").isEmpty()).isFalse();
        HttpResponse forged = coquille.handle(FakeRequest.post("/_coquille/report/user/erase")
                .user("edith", "coquille-editor").param("coq_csrf", "forged").param("id", "alice").param("confirm", "yes"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(store.personalData().userData("alice").isEmpty()).isFalse();

        HttpResponse erased = coquille.handle(FakeRequest.post("/_coquille/report/user/erase")
                .user("edith", "coquille-editor").param("coq_csrf", token).param("id", "alice").param("confirm", "yes"));
        assertThat(erased.status()).isEqualTo(303);
        assertThat(erased.header("Location")).isEqualTo("/_coquille/report/user?erased=1&id=alice");
        assertThat(store.personalData().userData("alice").isEmpty()).isTrue();
        assertThat(store.reactions().reactionCounts(PAGE)).isEmpty();
        assertThat(editorPage("user?erased=1&id=alice").select(".coq-done").text()).isEqualTo("The data of alice is erased.");
        // the report's counts are as they were
        assertThat(store.activity().activity(ActivityQuery.intranet(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8),
                Bucket.PERIOD)).get(0)).isEqualTo(before);
    }

    @Test
    void aUserIdWithNoDataSaysSoOffersTheSameIdInAnotherCaseAndNoButtons() {
        Document capital = editorPage("user?id=Alice");
        assertThat(capital.select(".coq-nothing").text()).startsWith("Nothing is kept for “Alice”");
        assertThat(capital.select("a[download], form[action=user/erase]")).as("nothing to download or erase").isEmpty();
        assertThat(capital.select(".coq-suggestion a").eachAttr("href")).containsExactly("user?id=alice");

        Document nobody = coquille.handle(FakeRequest.get("/_coquille/report/user").query("id=zoé")
                .user("edith", "coquille-editor").locale(Locale.FRENCH)).bodyText().transform(Jsoup::parse);
        assertThat(nobody.select(".coq-nothing").text()).startsWith("Rien n’est gardé pour « zoé »");
        assertThat(nobody.select(".coq-suggestion, a[download], form[action=user/erase]")).isEmpty();
    }

    @Test
    void theExportIsNamedForThePersonAndGivesQuestionsAndAnswersInWords() throws Exception {
        var poll = coquille.polls().create(User.editor("edith"), new org.coquille.core.Poll(0, PAGE, "Quel dessert ?",
                List.of("Fruit", "Gâteau", "Fromage"), org.coquille.core.PollChoice.MULTIPLE, null, null,
                org.coquille.core.ResultsVisibility.ALWAYS));
        coquille.polls().answer(User.employee("alice"), poll.id(), Set.of(0, 2));
        HttpResponse export = get("user.json?id=alice", "edith", "coquille-editor");
        assertThat(export.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"coquille-data-alice.json\"; filename*=UTF-8''coquille-data-alice.json");
        JsonNode answer = new ObjectMapper().readTree(export.body()).get("answers").get(0);
        assertThat(answer.get("question").asText()).isEqualTo("Quel dessert ?");
        assertThat(answer.get("chosen")).extracting(JsonNode::asText).containsExactly("Fruit", "Fromage");
        assertThat(answer.get("page").asText()).isEqualTo(PAGE.value());

        assertThat(get("user.json?id=zoé\"", "edith", "coquille-editor").header("Content-Disposition"))
                .as("an id that would break the header").isEqualTo("attachment; filename=\"coquille-data-zo__.json\";"
                        + " filename*=UTF-8''coquille-data-zo%C3%A9%22.json");
    }

    @Test
    void theReportSaysWhichPagesWorkInASentenceAndSplitsPagesNobodyReactsTo() {
        PageId menu = PageId.of("/restaurant/menu.html");
        store.pages().saveSettings(PageSettings.off(menu).withWidgets(Set.of(Widget.REACTIONS, Widget.COMMENTS)));
        for (String user : List.of("alice", "bruno")) {
            coquille.decorate(FakeRequest.get(menu.value()).user(user),
                    bytes("<html><head><title>Menu du restaurant</title></head><body><p>Lundi</p></body></html>"), "UTF-8");
        }
        coquille.flushViews();

        Document doc = editorPage("?" + PERIOD);
        assertThat(doc.select(".coq-summary").text()).isEqualTo("From Mar 2, 2026 to Mar 8, 2026, 4 people read the"
                + " intranet’s pages (8 page views) and 3 of them took part by reacting, voting, answering or commenting"
                + " (75.0%). “Menu du restaurant” is read by 2 people (2 views) but nobody reacts there, although its"
                + " widgets are on.");
        Element ignored = doc.selectFirst("table:has(caption:contains(Widgets on, but nobody reacts))");
        assertThat(ignored.select("tbody th").eachText()).containsExactly("Menu du restaurant");
        assertThat(ignored.select("tbody td.coq-address").eachText()).containsExactly(menu.value());
        assertThat(ignored.select("tbody td:eq(2)").eachText()).containsExactly("comments, reactions");
        assertThat(doc.select("table:has(caption:contains(No widget to react with)) tbody td.coq-address").eachText())
                .containsExactly(QUIET.value());
        assertThat(doc.select(".coq-scale").text()).startsWith("Logarithmic scale");

        Document french = Jsoup.parse(coquille.handle(FakeRequest.get("/_coquille/report/").query(PERIOD)
                .user("edith", "coquille-editor").locale(Locale.FRENCH)).bodyText());
        assertThat(french.select(".coq-summary").text()).startsWith("Du 2 mars 2026 au 8 mars 2026, 4 personnes ont lu"
                + " les pages de l’intranet (8 pages vues) et 3 ont participé").contains("« Menu du restaurant » est lue"
                + " par 2 personnes (2 vues) mais personne n’y réagit");
    }
}
