package org.coquille.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.coquille.Coquille;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.Person;
import org.coquille.core.User;
import org.coquille.core.Widget;
import org.coquille.http.FakeRequest;
import org.coquille.http.HttpResponse;
import org.coquille.http.IdentityResolver;
import org.coquille.spi.Directory;
import org.coquille.store.MemoryStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report by department end to end through core: people read and take part through the page filter and the use
 * cases, their departments come from the directory, and the report's table, chart and exports show Ventes alone and
 * Juridique (two people) in "Other" with the three people the directory does not list; a person's export holds the
 * department they are counted under, and an erasure unlinks it.
 */
class DepartmentRoutesTest {

    private static final String HTML = "<html><head><title>Cantine</title></head><body><h1>Menu</h1></body></html>";
    private static final PageId PAGE = PageId.of("/news/canteen.jsp");
    private static final String PERIOD = "from=2026-03-02&to=2026-03-08";

    /** Six people in Ventes (v1-v6), two in Juridique (j1, j2), and a directory that does not list x1 to x3. */
    private static final Directory DIRECTORY = new Directory() {
        @Override
        public Optional<Person> find(String userId) {
            if (userId.startsWith("v") || userId.startsWith("j")) {
                return Optional.of(new Person(userId, userId.toUpperCase(Locale.ROOT), null,
                        userId.startsWith("v") ? "Ventes" : "Juridique", null));
            }
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "the test's";
        }
    };

    @TempDir
    Path work;
    private MemoryStore store;
    private Coquille coquille;

    @BeforeEach
    void start() {
        store = new MemoryStore();
        coquille = Coquille.builder().settings(Map.of("coquille.workFolder", work.toString()))
                .store(store).key(new byte[32]).clock(Clock.fixed(Instant.parse("2026-03-04T09:00:00Z"), ZoneOffset.UTC))
                .zone(ZoneOffset.UTC).identity(IdentityResolver.container("coquille-editor")).directory(DIRECTORY).build();
        store.pages().saveSettings(PageSettings.off(PAGE).withWidgets(Set.of(Widget.values())));
        for (String user : List.of("v1", "v2", "v3", "v4", "v5", "v6", "j1", "j2", "x1", "x2", "x3")) {
            assertThat(coquille.decorate(FakeRequest.get(PAGE.value()).user(user), HTML.getBytes(StandardCharsets.UTF_8),
                    "UTF-8")).isNotNull();
        }
        coquille.comments().post(User.employee("v1"), PAGE, null, "Très bon menu");
        coquille.reactions().set(User.employee("v2"), PAGE, "👍", true);
        coquille.votes().vote(User.employee("j1"), PAGE, 1);
        coquille.flushViews();
    }

    @AfterEach
    void stop() {
        coquille.close();
    }

    private HttpResponse get(String pathAndQuery, Locale locale) {
        HttpResponse response = coquille.handle(FakeRequest.get("/_coquille/report/" + pathAndQuery)
                .user("edith", "coquille-editor").locale(locale));
        assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
        return response;
    }

    @Test
    void theReportShowsEachDepartmentWithEnoughPeopleAndOtherInATableAndABarChart() {
        Document doc = Jsoup.parse(get("?" + PERIOD, Locale.ENGLISH).bodyText());
        Element table = doc.selectFirst("table:has(caption:matchesOwn(^Participation by department$))");
        assertThat(table.select("tbody th").eachText()).containsExactly("Ventes", "Other");
        assertThat(table.select("tbody tr").get(0).select("td").eachText())
                .containsExactly("6", "1", "1", "2", "33.3%", "no trend");
        assertThat(table.select("tbody tr").get(1).select("td").eachText())
                .containsExactly("5", "1", "0", "1", "20.0%", "no trend");
        assertThat(doc.select("p.coq-note:contains(Other holds)").text())
                .isEqualTo("Other holds: Juridique, the people whose department is not known.");
        // the chart: an image named by its title, a bar a line with its rate written next to it and in its tooltip
        Element svg = doc.selectFirst("svg[aria-labelledby=coq-departments-title]");
        assertThat(svg.attr("role")).isEqualTo("img");
        assertThat(doc.getElementById("coq-departments-title").text()).isEqualTo("Participation rate by department");
        assertThat(svg.select("rect > title").eachText()).containsExactly("Ventes: 33.3%", "Other: 20.0%");
        assertThat(svg.select("text").eachText()).contains("Ventes", "33.3%", "Other", "20.0%");
    }

    @Test
    void inFrenchOtherIsAutresAndTheNumbersAreFrench() {
        Document doc = Jsoup.parse(get("?" + PERIOD, Locale.FRENCH).bodyText());
        Element table = doc.selectFirst("table:has(caption:matchesOwn(^Participation par service$))");
        assertThat(table.select("tbody th").eachText()).containsExactly("Ventes", "Autres");
        assertThat(table.select("tbody tr").get(0).select("td").eachText())
                .containsExactly("6", "1", "1", "2", "33,3 %", "pas de tendance");
    }

    @Test
    void theExportsGiveThePeriodThenEachMonthWithOtherAndTheDepartmentsItHolds() throws Exception {
        HttpResponse csv = get("export.csv?by=department&" + PERIOD, Locale.FRENCH);
        assertThat(csv.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(csv.header("Content-Disposition")).contains("coquille-departments-2026-03-02-2026-03-08.csv");
        List<Map<String, String>> rows;
        try (MappingIterator<Map<String, String>> lines = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader().withColumnSeparator(';'))
                .readValues(csv.bodyText().replace("\uFEFF", ""))) {
            rows = lines.readAll();
        }
        assertThat(rows).extracting(r -> r.get("Période") + " " + r.get("Service") + " " + r.get("Lecteurs"))
                .containsExactly("2026-03-02/2026-03-08 Ventes 6", "2026-03-02/2026-03-08 Autres 5",
                        "2026-03 Ventes 6", "2026-03 Autres 5");
        assertThat(rows.get(1).get("Services dans « Autres »")).isEqualTo("Juridique");
        assertThat(rows.get(0).get("Taux de participation")).isEqualTo("0,3333");

        JsonNode json = new ObjectMapper().readTree(get("export.json?by=department&" + PERIOD, Locale.ENGLISH).body());
        assertThat(json.get("min_people").asInt()).isEqualTo(5);
        JsonNode other = json.get("rows").get(1);
        assertThat(other.get("department").isNull()).isTrue();
        assertThat(other.get("other").asBoolean()).isTrue();
        assertThat(other.get("merged").get(0).asText()).isEqualTo("Juridique");
        assertThat(other.get("unknown").asBoolean()).isTrue();
        assertThat(other.get("unique_viewers").asLong()).isEqualTo(5);
        assertThat(other.get("trend_points").isNull()).isTrue();
        assertThat(json.get("rows").get(2).get("period").asText()).isEqualTo("2026-03");
    }

    @Test
    void aPersonsExportHoldsTheirDepartmentAndAnErasureUnlinksIt() throws Exception {
        JsonNode data = new ObjectMapper().readTree(get("user.json?id=v1", Locale.ENGLISH).body());
        assertThat(data.get("reportDepartment").get("department").asText()).isEqualTo("Ventes");
        assertThat(new ObjectMapper().readTree(get("user.json?id=x1", Locale.ENGLISH).body()).has("reportDepartment"))
                .isFalse();
        coquille.personalData().erase("v1");
        assertThat(store.activity().departmentOf(coquille.pseudonymOf("v1"))).isEmpty();
        assertThat(new ObjectMapper().readTree(get("user.json?id=v1", Locale.ENGLISH).body()).has("reportDepartment"))
                .isFalse();
        // the counts stay as they were: v1 is still one of Ventes' readers, under a key nothing links to them
        Document doc = Jsoup.parse(get("?" + PERIOD, Locale.ENGLISH).bodyText());
        assertThat(doc.select("table:has(caption:matchesOwn(^Participation by department$)) tbody tr").get(0)
                .select("td").first().text()).isEqualTo("6");
    }

    @Test
    void withoutADirectoryTheReportSaysNoDepartmentIsKnown() {
        try (Coquille bare = Coquille.builder().settings(Map.of("coquille.workFolder", work.resolve("bare").toString()))
                .store(new MemoryStore()).key(new byte[32]).identity(IdentityResolver.container("coquille-editor"))
                .build()) {
            bare.countView(FakeRequest.get(PAGE.value()).user("v1"));
            bare.flushViews();
            Document doc = Jsoup.parse(bare.handle(FakeRequest.get("/_coquille/report/").user("edith", "coquille-editor"))
                    .bodyText());
            assertThat(doc.select("p.coq-note:contains(No department is known yet)")).hasSize(1);
            assertThat(doc.select("svg[aria-labelledby=coq-departments-title]")).isEmpty();
        }
    }
}
