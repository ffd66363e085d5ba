package org.coquille.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The first four tasks of an editor's first day with the console (issue 17), in the editor's language: turn widgets on
 * for a page nobody has visited yet, with an objective; cover all news pages with a pattern typed loosely and leave one
 * out; run a poll (the poll form refused once, the poll widget off on its page); moderate a comment. Each language has
 * a demo intranet of its own ({@link EditorPageTasksInFrenchIT}, {@link EditorPageTasksInEnglishIT}), since the tasks
 * change the same pages.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
abstract class EditorPageTasks {

    @RegisterExtension
    // the intranet's time zone is set, as a French intranet's would be: the console's UTC warning is not one of these tasks'
    static final IntranetInChromium intranet = new IntranetInChromium().withSettings("coquille.timeZone=Europe/Paris");

    private static final String LEAVE = "/rh/conges.html";
    /** Named by no rule of the demo's pages file. */
    private static final String MAIL = "/informatique/messagerie.html";
    private static final String TELEWORK = "/rh/teletravail.html";
    private static final String RESTAURANT = "/actualites/nouveau-restaurant.html";
    private static final String ANNUAL_REPORT = "/actualites/rapport-annuel.html";
    private static final String DEMO_POLL = "Combien de jours de télétravail par semaine souhaiteriez-vous ?";
    private static final String DEMO_DATE_POLL = "Réunion de préparation du voyage à Lisbonne";

    /** The texts the console shows in one language, as an editor reads them. */
    record Words(Chromium.Profile profile, String setUp, String understoodAs, String saved, String twoPages,
                 String threePages, String thumbs, String pollOff, String turnOn, String pollOn, String oneAnswered,
                 String moderation, String approve, String pending, String visible, String backToIntranet) { }

    private static EditorsConsole edith;
    private static Employee alice;

    abstract Words words();

    @BeforeAll
    static void people() throws Exception {
        alice = intranet.employee("alice", Chromium.Profile.ENGLISH);
        edith = null;
    }

    /** The editor, her browser in the language of the class. */
    private EditorsConsole edith() throws Exception {
        if (edith == null) {
            edith = new EditorsConsole(intranet.employee("edith", words().profile()), intranet.base());
        }
        return edith;
    }

    /**
     * Task 1: a page nobody has opened is found by a word of its address (accents aside) when the pages file names it,
     * or set up from its address when nothing names it yet, with an objective; then it is listed.
     */
    @Test
    void task1WidgetsForAPageNobodyVisitedWithAnObjective() throws Exception {
        Words w = words();
        EditorsConsole edith = edith().home();
        edith.search("congés");
        assertThat(edith.pageRows()).extracting(EditorsConsole.PageRow::address).containsExactly(LEAVE);

        edith.search("informatique/messagerie.html");
        assertThat(edith.text()).as("the search says how it read the address").contains(w.understoodAs() + " " + MAIL);
        WebElement setUp = edith.driver().findElements(By.cssSelector("main a#coq-set-up")).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no offer to set up " + MAIL + " anyway: " + edith.text()));
        assertThat(setUp.getText()).isEqualTo(w.setUp() + " " + MAIL);
        edith.follow(setUp);
        assertThat(edith.heading()).isEqualTo(MAIL);

        edith.tick("reactions", true).choose("coq-objective", "feedback").type("coq-target", "12").save();
        assertThat(edith.notice()).isEqualTo(w.saved());
        assertThat(edith.widgetsTicked()).containsExactly("reactions");
        assertThat(alice.open(MAIL).kinds()).containsExactly("reactions");

        // listed at once: an editor opened it (no view flush in between)
        edith.home().search("messagerie");
        assertThat(edith.pageRows()).extracting(EditorsConsole.PageRow::address).containsExactly(MAIL);
        assertThat(edith.driver().findElements(By.id("coq-set-up"))).as("no offer for a page listed").isEmpty();
    }

    /** Task 2: all news pages by a pattern typed without its leading slash, one of them left out. */
    @Test
    void task2APatternForAllNewsPagesButOne() throws Exception {
        Words w = words();
        alice.open(RESTAURANT);
        intranet.demo().coquille().flushViews();
        EditorsConsole edith = edith();
        edith.savePattern("actualites/*", "comments", "reactions");
        assertThat(edith.notice()).contains(w.understoodAs() + " /actualites/*");
        assertThat(edith.consolePatterns()).containsKey("/actualites/*");
        assertThat(edith.patternCell("/actualites/*", 2)).as("the article read, and the index the pages file names")
                .isEqualTo(w.twoPages());
        assertThat(edith.patternCell("/actualites/*", 3)).as("options in words").contains(w.thumbs())
                .doesNotContain("vote=", "moderation=");

        // the annual report: nobody has read it yet; found by its full address, left out
        edith.home().search(intranet.base() + ANNUAL_REPORT);
        edith.follow(edith.driver().findElement(By.id("coq-set-up")));
        assertThat(edith.settingsSource()).contains("/actualites/*");
        assertThat(edith.widgetsTicked()).containsExactlyInAnyOrder("comments", "reactions");
        edith.tick("comments", false).tick("reactions", false).save();
        assertThat(edith.notice()).isEqualTo(w.saved());

        edith.open("patterns");
        assertThat(edith.patternCell("/actualites/*", 2)).as("the page opened is known now").isEqualTo(w.threePages());
        assertThat(alice.open(RESTAURANT).kinds()).containsExactlyInAnyOrder("comments", "reactions");
        assertThat(alice.open(ANNUAL_REPORT).shown()).isFalse();
    }

    /** Task 3a: the Polls lists hold every poll, the demo's included, before anyone has opened its page. */
    @Test
    void task3aEveryPollIsListedBeforeItsPageIsVisited() throws Exception {
        EditorsConsole edith = edith().open("polls");
        assertThat(edith.driver().findElements(By.cssSelector("main table tbody tr td:first-child")))
                .extracting(WebElement::getText).contains(DEMO_POLL);
        edith.open("datepolls");
        assertThat(edith.driver().findElements(By.cssSelector("main table tbody tr td:first-child")))
                .extracting(WebElement::getText).contains(DEMO_DATE_POLL);
    }

    /** Task 3b: a refused poll form comes back as typed; a new one defaults to results after answering. */
    @Test
    void task3bARefusedPollFormKeepsEveryField() throws Exception {
        EditorsConsole edith = edith().open("polls");
        edith.follow(edith.driver().findElement(By.cssSelector("main a.coq-button[href$='poll']")));
        assertThat(edith.value("coq-results")).isEqualTo("after_answering");

        edith.type("coq-poll-page", intranet.base() + RESTAURANT).type("coq-question", "Le café du restaurant ?")
                .type("coq-options", "Très bon").choose("coq-choice", "multiple").choose("coq-results", "after_closing")
                .dateTime("coq-opens", "2030-01-06T09:00").dateTime("coq-closes", "2030-02-06T18:30");
        edith.follow(edith.driver().findElement(By.cssSelector("form.coq-settings button.coq-primary")));
        assertThat(edith.driver().findElements(By.cssSelector("main [role=alert]"))).as("refused").isNotEmpty();
        assertThat(List.of(edith.value("coq-question"), edith.value("coq-options"), edith.value("coq-choice"),
                edith.value("coq-results"), edith.value("coq-opens"), edith.value("coq-closes")))
                .containsExactly("Le café du restaurant ?", "Très bon", "multiple", "after_closing", "2030-01-06T09:00",
                        "2030-02-06T18:30");
        assertThat(edith.value("coq-poll-page")).isIn(intranet.base() + RESTAURANT, RESTAURANT);
        assertThat(edith.open("poll").value("coq-poll-page")).as("a new poll's page, not typed for the editor").isEmpty();
    }

    /** Task 3c: a poll on a page whose poll widget is off says so, and one click turns it on and comes back. */
    @Test
    void task3cAPollWhereThePollWidgetIsOffWarnsAndTurnsItOn() throws Exception {
        Words w = words();
        EditorsConsole edith = edith().open("poll");
        edith.type("coq-poll-page", RESTAURANT).type("coq-question", "Un distributeur de fruits ?")
                .type("coq-options", "Oui\nNon").dateTime("coq-closes", "2031-01-01T12:00");
        edith.follow(edith.driver().findElement(By.cssSelector("form.coq-settings button.coq-primary")));
        String poll = edith.driver().getCurrentUrl();
        assertThat(edith.warning()).contains(w.pollOff() + " " + RESTAURANT);
        WebElement turnOn = edith.driver().findElements(By.cssSelector("main .coq-warning button")).stream()
                .filter(b -> b.getText().equals(w.turnOn())).findFirst()
                .orElseThrow(() -> new AssertionError("no one-click " + w.turnOn() + ": " + edith.text()));
        edith.follow(turnOn);
        assertThat(edith.driver().getCurrentUrl()).startsWith(poll.replaceAll("[?&]done=.*$", ""));
        assertThat(edith.notice()).isEqualTo(w.pollOn() + " " + RESTAURANT + ".");
        assertThat(edith.warning()).isEmpty();

        alice.open(RESTAURANT).answerPoll("Un distributeur de fruits ?", "Oui");
        edith.driver().navigate().refresh();
        List<String> order = edith.driver().findElements(By.cssSelector("main section, main form.coq-settings")).stream()
                .map(e -> e.getTagName() + (e.getDomAttribute("aria-labelledby") == null ? "" : "#" + e.getDomAttribute("aria-labelledby")))
                .toList();
        assertThat(order).as("results first, above the form").startsWith("section#coq-results-title");

        WebElement delete = edith.driver().findElement(By.cssSelector("main a.coq-danger"));
        edith.act(delete::click);
        assertThat(edith.text()).as("the confirmation names the poll and its answers")
                .contains("Un distributeur de fruits ?", w.oneAnswered());
    }

    /** Task 4: the menu counts the comments waiting; the audit trail says what changed in words. */
    @Test
    void task4ModerateAWaitingComment() throws Exception {
        Words w = words();
        String text = "Le mercredi, surtout.";
        alice.open(TELEWORK).comment(text);
        EditorsConsole edith = edith().home();
        assertThat(edith.navLinks()).contains(w.moderation() + " (1)");
        assertThat(edith.driver().findElements(By.cssSelector("header.coq-bar a")).stream().map(WebElement::getText))
                .contains(w.backToIntranet());
        edith.section(w.moderation() + " (1)").moderate(text, w.approve());
        assertThat(edith.navLinks()).contains(w.moderation()).doesNotContain(w.moderation() + " (1)");
        EditorsConsole.AuditLine line = edith.audit().get(0);
        assertThat(List.of(line.before(), line.after())).containsExactly(w.pending(), w.visible());
    }
}
