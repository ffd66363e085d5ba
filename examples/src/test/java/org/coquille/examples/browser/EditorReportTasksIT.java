package org.coquille.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;

import org.coquille.core.PageId;
import org.coquille.core.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Tasks 5 to 7 of the editor who tried the console (issue 17), in French and in English, on an installation whose
 * server runs on UTC and whose time zone is set to Europe/Paris: schedule a meeting with a date poll, tell a manager
 * which pages work, export one employee's data.
 */
class EditorReportTasksIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String TRIPS = "/ce/voyages.html";

    @org.junit.jupiter.api.extension.RegisterExtension
    static final IntranetInChromium intranet = new IntranetInChromium().withSettings("coquille.timeZone=Europe/Paris");

    private static Employee alice;

    @BeforeAll
    static void aliceTakesPart() throws Exception {
        alice = intranet.employee("alice", Chromium.Profile.ENGLISH);
        var coquille = intranet.demo().coquille();
        long poll = coquille.store().polls().polls(PageId.of("/rh/teletravail.html")).get(0).id();
        coquille.polls().answer(User.employee("alice"), poll, Set.of(1));
    }

    /** Task 5: a 10:00 meeting typed in the console is 10:00 in Paris in the widget and in the calendar file. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fr", "en"})
    void scheduleAMeetingWithADatePoll(String language) throws Exception {
        boolean french = language.equals("fr");
        EditorsConsole edith = editor(french);
        String title = french ? "Réunion budget" : "Budget meeting";
        LocalDate day = LocalDate.now(PARIS).plusWeeks(french ? 5 : 6).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));

        edith.open("datepoll?page=" + TRIPS);
        WebElement startLabel = edith.driver().findElement(By.cssSelector("label[for=coq-dp-start-1]"));
        WebElement endLabel = edith.driver().findElement(By.cssSelector("label[for=coq-dp-end-1]"));
        assertThat(startLabel.getText()).as("the zone next to the start time").contains("Europe/Paris");
        assertThat(endLabel.getText()).as("the zone next to the end time").contains("Europe/Paris");
        assertThat(edith.driver().findElements(By.cssSelector("main .coq-warning"))).as("no UTC warning once a zone is set").isEmpty();
        edith.driver().findElement(By.id("coq-dp-title")).sendKeys(title);
        ((JavascriptExecutor) edith.driver()).executeScript("arguments[0].value = arguments[3];"
                        + " arguments[1].value = '10:00'; arguments[2].value = '11:00';",
                edith.driver().findElement(By.id("coq-dp-date-1")), edith.driver().findElement(By.id("coq-dp-start-1")),
                edith.driver().findElement(By.id("coq-dp-end-1")), day.toString());
        ((JavascriptExecutor) edith.driver()).executeScript("arguments[0].value = arguments[1];",
                edith.driver().findElement(By.id("coq-dp-date-2")), day.plusDays(1).toString());
        ((JavascriptExecutor) edith.driver()).executeScript("arguments[0].value = '14:00';",
                edith.driver().findElement(By.id("coq-dp-start-2")));
        edith.follow(edith.driver().findElement(By.cssSelector("form.coq-settings button.coq-primary")));
        String url = edith.driver().getCurrentUrl();
        assertThat(url).contains("datepoll?id=");
        long id = Long.parseLong(url.replaceAll(".*[?&]id=([0-9]+).*", "$1"));

        Widgets widgets = alice.open(TRIPS);
        WebElement poll = widgets.root().findElements(By.cssSelector(".coq-datepoll")).stream()
                .filter(p -> p.getText().contains(title)).findFirst()
                .orElseThrow(() -> new AssertionError("The trips page shows no date poll " + title));
        String firstDate = poll.findElement(By.cssSelector("tbody tr th")).getText();
        assertThat(firstDate).as("the widget says the meeting is at 10:00 (Paris)").contains("10:00");

        edith.open("datepoll?id=" + id);
        edith.driver().findElement(By.id("coq-keep-0")).click();
        edith.follow(edith.driver().findElement(By.cssSelector("form[action$='datepoll/close'] button[type=submit]")));
        WebElement chosen = edith.driver().findElement(By.cssSelector("main > section.coq-chosen-date"));
        assertThat(chosen.getText()).as("the chosen date at the top of the closed poll's page")
                .startsWith(french ? "Date retenue :" : "Chosen date:").contains("10:00");
        assertThat(Axe.check(edith.driver(), "main")).as("axe-core on the closed date poll's page").isEmpty();
        EditorsConsole.Download ics = edith.fetch(chosen.findElement(By.cssSelector("a[download]")).getDomProperty("href"));
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.body()).as("the calendar file names its time zone").contains("TZID=Europe/Paris")
                .contains("BEGIN:VTIMEZONE");
        ICalendar calendar = Biweekly.parse(ics.body()).first();
        VEvent event = calendar.getEvents().get(0);
        assertThat(event.getDateStart().getValue().toInstant()).as("10:00 in Paris, as typed")
                .isEqualTo(day.atTime(LocalTime.of(10, 0)).atZone(PARIS).toInstant());
        assertThat(event.getDateEnd().getValue().toInstant())
                .isEqualTo(day.atTime(LocalTime.of(11, 0)).atZone(PARIS).toInstant());
    }

    /** Task 6: the report names pages by title, says which have widgets, and sums it up in a sentence. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fr", "en"})
    void tellAManagerWhichPagesWork(String language) throws Exception {
        boolean french = language.equals("fr");
        alice.open("/restaurant/menu.html");
        alice.open("/actualites/index.html");
        intranet.demo().coquille().flushViews();
        EditorsConsole edith = editor(french);
        edith.home().section(french ? "Rapport d'usage" : "Usage report");

        String summary = edith.driver().findElement(By.cssSelector("main .coq-summary")).getText();
        assertThat(summary).as("one sentence for management, in the editor's language")
                .startsWith(french ? "Du " : "From ").contains(french ? "personnes ont lu les pages de l’intranet"
                        : "people read the intranet’s pages").contains(french ? "mais personne n’y réagit"
                        : "but nobody reacts there");
        assertThat(summary).as("dates in the locale's format, not ISO").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");

        List<List<String>> ignored = edith.pageRowsOf(french ? "Widgets actifs, mais personne ne réagit"
                : "Widgets on, but nobody reacts");
        assertThat(ignored).anySatisfy(row -> {
            assertThat(row.get(0)).isEqualTo("Menu de la semaine - Intranet Groupe Durand");
            assertThat(row.get(1)).isEqualTo("/restaurant/menu.html");
            assertThat(row.get(2)).contains(french ? "boîte à idées" : "idea box");
        });
        List<List<String>> noWidgets = edith.pageRowsOf(french ? "Aucun widget pour réagir" : "No widget to react with");
        assertThat(noWidgets).anySatisfy(row -> {
            assertThat(row.get(1)).isEqualTo("/actualites/index.html");
            assertThat(row.get(2)).isEqualTo(french ? "aucun" : "none");
        });
        assertThat(noWidgets).noneSatisfy(row -> assertThat(row.get(1)).isEqualTo("/restaurant/menu.html"));
        WebElement scale = edith.driver().findElement(By.cssSelector("main .coq-scale"));
        assertThat(scale.isDisplayed()).isTrue();
        assertThat(scale.getText()).startsWith(french ? "Échelle logarithmique" : "Logarithmic scale");
        assertThat(Axe.check(edith.driver(), "main")).as("axe-core on the report").isEmpty();
    }

    /** Task 7: the person is found whatever the case typed, nothing is offered for nobody, the export reads well. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fr", "en"})
    void exportOneEmployeesData(String language) throws Exception {
        boolean french = language.equals("fr");
        EditorsConsole edith = editor(french);
        edith.home();
        edith.section(french ? "Données personnelles" : "Personal data");
        assertThat(edith.heading()).isEqualTo(french ? "Les données d’une personne" : "One person’s data");

        lookUp(edith, "zoé");
        assertThat(edith.driver().findElements(By.cssSelector("main a[download], main form[action='user/erase']")))
                .as("no download or erase for nobody").isEmpty();
        assertThat(edith.text()).contains(french ? "Rien n’est gardé pour « zoé »" : "Nothing is kept for “zoé”");

        lookUp(edith, "Alice");
        assertThat(edith.driver().findElements(By.cssSelector("main a[download], main form[action='user/erase']")))
                .as("no download or erase for a user id that has no data").isEmpty();
        WebElement suggestion = edith.driver().findElement(By.cssSelector("main .coq-suggestion a"));
        assertThat(suggestion.getText()).isEqualTo("alice");
        edith.follow(suggestion);

        WebElement download = edith.driver().findElement(By.cssSelector("main a[download]"));
        EditorsConsole.Download json = edith.fetch(download.getDomProperty("href"));
        assertThat(json.disposition()).as("the person in the file name").contains("alice");
        JsonNode data = new ObjectMapper().readTree(json.body());
        JsonNode answer = data.get("answers").get(0);
        assertThat(answer.get("question").asText())
                .isEqualTo("Combien de jours de télétravail par semaine souhaiteriez-vous ?");
        assertThat(answer.get("chosen").get(0).asText()).isEqualTo("Un jour");
    }

    private static void lookUp(EditorsConsole edith, String id) {
        WebElement box = edith.driver().findElement(By.id("coq-user-id"));
        box.clear();
        box.sendKeys(id);
        edith.follow(edith.driver().findElement(By.cssSelector("main form[action=user] button[type=submit]")));
    }

    private static EditorsConsole editor(boolean french) throws Exception {
        return new EditorsConsole(intranet.employee("edith", french ? Chromium.Profile.FRENCH : Chromium.Profile.ENGLISH),
                intranet.base());
    }

    static Locale locale(boolean french) {
        return french ? Locale.FRENCH : Locale.ENGLISH;
    }

    static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }
}
