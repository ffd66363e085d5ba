package org.coquille.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.coquille.core.Comment;
import org.coquille.core.PageId;
import org.coquille.core.Poll;
import org.coquille.core.PollChoice;
import org.coquille.core.ResultsVisibility;
import org.coquille.core.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The widgets pass axe-core's WCAG 2.1 A/AA rules in every state a person meets them in, and work from the
 * keyboard alone: Tab reaches every control, the focus can be seen, Enter and Space do what a click does.
 * Only Coquille's fragment is checked: the 2005 host page is not ours to fix.
 */
class AccessibilityIT {

    @RegisterExtension
    static final IntranetInChromium intranet = new IntranetInChromium()
            .withPageRules(AccessibilityIT.ALL + " = reactions, vote, poll, comments");

    /** A page the demo leaves bare, given every widget here: reactions, vote, a poll and comments together. */
    static final String ALL = "/informatique/messagerie.html";

    private static final String NEWS = "/actualites/nouveau-restaurant.html";
    private static final String MENU = "/restaurant/menu.html";
    private static final String TELEWORK = "/rh/teletravail.html";
    private static final String TRIPS = "/ce/voyages.html";
    private static final String QUESTION = "Combien de jours de télétravail par semaine souhaiteriez-vous ?";
    private static final String WIDGET_CONTROLS =
            "button, summary, textarea, a[href], input:not([type=hidden]), select, [tabindex]:not([tabindex='-1'])";

    private static Employee alice;
    private static Keyboard keyboard;
    /** Does the keyboard-only actions, so that neither person comes near the limit of writes per minute. */
    private static Employee bruno;
    private static Keyboard brunoKeys;

    @BeforeAll
    static void conversation() throws Exception {
        intranet.demo().coquille().polls().create(User.editor("edith"), new Poll(0, PageId.of(ALL),
                "La nouvelle messagerie vous convient-elle ?", List.of("Oui", "Plutôt", "Non"), PollChoice.SINGLE, null,
                Instant.now().plus(30, ChronoUnit.DAYS), ResultsVisibility.AFTER_ANSWERING));
        for (String page : List.of(NEWS, TRIPS, ALL)) {
            Comment first = intranet.demo().coquille().comments().post(User.employee("bruno"), PageId.of(page), null,
                    "Le coin café est une bonne idée. Voir https://intranet.example/cafe");
            intranet.demo().coquille().comments().post(User.employee("alice"), PageId.of(page), first.id(), "Tout à fait !");
            intranet.demo().coquille().comments().post(User.employee("alice"), PageId.of(page), null, "Testé ce midi.");
        }
        alice = intranet.employee("alice", Chromium.Profile.FRENCH);
        keyboard = new Keyboard(alice.driver());
        bruno = intranet.employee("bruno", Chromium.Profile.FRENCH);
        brunoKeys = new Keyboard(bruno.driver());
    }

    @ParameterizedTest
    @ValueSource(strings = {"all four widgets", "all four widgets, poll answered", "comments, vote and reactions", "an error shown", "stars after voting",
            "poll before answering", "poll with results", "a comment awaiting approval"})
    void widgetsBreakNoWcag21AaRule(String state) {
        switch (state) {
            case "all four widgets" -> assertThat(alice.open(ALL).root().findElements(
                    By.cssSelector(".coq-reactions, .coq-vote, .coq-poll, .coq-comments"))).hasSize(4);
            case "all four widgets, poll answered" -> {
                Widgets widgets = alice.open(ALL);
                widgets.answerPoll("La nouvelle messagerie vous convient-elle ?", "Plutôt");
                widgets.toggleReaction("🤔");
            }
            case "comments, vote and reactions" -> {
                Widgets widgets = alice.open(NEWS);
                widgets.toggleReaction("🎉");
                widgets.vote(1);
            }
            case "an error shown" -> alice.open(TRIPS).comment("   ");
            case "stars after voting" -> alice.open(MENU).vote(4);
            case "poll before answering" -> alice.open(TELEWORK);
            case "poll with results" -> alice.open(TELEWORK).answerPoll(QUESTION, "Un jour");
            case "a comment awaiting approval" -> alice.open(TELEWORK).comment("Deux jours, ce serait bien.");
            default -> throw new IllegalArgumentException(state);
        }
        openEveryFold();
        assertThat(Axe.check(alice.driver(), ".coq-widgets")).as("axe-core, WCAG 2.1 A/AA, " + state).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {ALL, NEWS, MENU, TELEWORK})
    void tabReachesEveryControlAndTheFocusIsAlwaysVisible(String path) {
        Widgets widgets = alice.open(path);
        List<Keyboard.Stop> stops = keyboard.tabOrder().stream().filter(s -> inWidgets(s.element())).toList();

        List<WebElement> controls = widgets.root().findElements(By.cssSelector(WIDGET_CONTROLS)).stream()
                .filter(WebElement::isDisplayed).toList();
        List<WebElement> reached = stops.stream().map(Keyboard.Stop::element).toList();
        for (WebElement control : controls) {
            boolean radio = "radio".equals(control.getDomAttribute("type"));
            assertThat(radio ? reached.stream().anyMatch(r -> sameRadioGroup(r, control)) : reached.contains(control))
                    .as("Tab reaches %s", describe(control)).isTrue();
        }
        assertThat(stops).isNotEmpty().allSatisfy(stop ->
                assertThat(stop.focusVisible()).as("focus visible on %s", describe(stop.element())).isTrue());
    }

    @Test
    void reactionsAndVotesWorkWithEnterAndSpace() {
        Widgets widgets = bruno.open(TRIPS);
        brunoKeys.tabTo(".coq-reactions button[value='on:😮']");
        widgets.act(() -> brunoKeys.press(Keys.ENTER));
        assertThat(widgets.reacted("😮")).isTrue();
        assertFocusKeptOn(".coq-reactions button[value='off:😮']");

        widgets = bruno.open(NEWS);
        brunoKeys.tabTo(".coq-vote button[value='-1']");
        widgets.act(() -> brunoKeys.press(Keys.SPACE));
        assertThat(widgets.myVote()).contains(-1);
        assertFocusKeptOn(".coq-vote button[value='-1']");

        widgets = bruno.open(MENU);
        brunoKeys.tabTo(".coq-vote button[value='3']");
        widgets.act(() -> brunoKeys.press(Keys.ENTER));
        assertThat(widgets.myVote()).contains(3);
    }

    @Test
    void commentingReplyingEditingAndDeletingWorkFromTheKeyboard() {
        Widgets widgets = bruno.open(TRIPS);
        brunoKeys.tabTo(".coq-new-comment textarea");
        brunoKeys.type("Écrit au clavier.");
        brunoKeys.tabTo(".coq-new-comment button");
        widgets.act(() -> brunoKeys.press(Keys.ENTER));
        assertThat(widgets.notice()).isEqualTo("Votre commentaire est publié.");
        assertThat(bodies(widgets)).contains("Écrit au clavier.");

        brunoKeys.tabTo(".coq-reply summary");
        brunoKeys.press(Keys.ENTER);
        brunoKeys.tabTo(".coq-reply[open] textarea");
        brunoKeys.type("Une réponse au clavier.");
        brunoKeys.press(Keys.TAB);
        widgets.act(() -> brunoKeys.press(Keys.SPACE));
        assertThat(bodies(widgets)).contains("Une réponse au clavier.");

        String mine = "#" + widgets.article("Écrit au clavier.").getDomAttribute("id");
        brunoKeys.tabTo(mine + " .coq-edit summary");
        brunoKeys.press(Keys.ENTER);
        brunoKeys.tabTo(mine + " .coq-edit textarea");
        brunoKeys.selectAll();
        brunoKeys.type("Corrigé au clavier.");
        brunoKeys.press(Keys.TAB);
        widgets.act(() -> brunoKeys.press(Keys.ENTER));
        assertThat(bodies(widgets)).contains("Corrigé au clavier.").doesNotContain("Écrit au clavier.");

        brunoKeys.tabTo(mine + " form.coq-inline button");
        widgets.act(() -> brunoKeys.press(Keys.ENTER));
        assertThat(bodies(widgets)).doesNotContain("Corrigé au clavier.");
    }

    @Test
    void thePollIsAnsweredWithSpaceAndArrows() {
        Widgets widgets = bruno.open(TELEWORK);
        List<WebElement> checked = widgets.root().findElements(By.cssSelector(".coq-poll input:checked"));
        int start = checked.isEmpty() ? 0 : Integer.parseInt(checked.get(0).getDomAttribute("value"));
        brunoKeys.tabTo(".coq-poll input[type=radio]");
        brunoKeys.press(Keys.SPACE);
        brunoKeys.press(Keys.ARROW_DOWN);
        brunoKeys.press(Keys.ARROW_DOWN);
        brunoKeys.tabTo(".coq-poll button[type=submit]");
        widgets.act(() -> brunoKeys.press(Keys.ENTER));

        assertThat(widgets.notice()).isEqualTo("Votre réponse est enregistrée.");
        assertThat(widgets.pollResults(QUESTION)).isNotEmpty();
        assertThat(widgets.root().findElement(By.cssSelector(".coq-poll input:checked")).getDomAttribute("value"))
                .isEqualTo(String.valueOf((start + 2) % 4));
    }

    private void assertFocusKeptOn(String css) {
        assertThat(brunoKeys.focusedMatches(css)).as("focus back on %s after the answer, not lost", css).isTrue();
        assertThat(brunoKeys.focusVisible()).isTrue();
    }

    private static List<String> bodies(Widgets widgets) {
        return widgets.comments().stream().map(Widgets.ShownComment::body).toList();
    }

    private static void openEveryFold() {
        ((JavascriptExecutor) alice.driver()).executeScript(
                "document.querySelectorAll('.coq-widgets details').forEach(function (d) { d.open = true; });");
    }

    private static boolean inWidgets(WebElement element) {
        return Boolean.TRUE.equals(((JavascriptExecutor) alice.driver()).executeScript(
                "return !!arguments[0].closest('.coq-widgets');", element));
    }

    private static boolean sameRadioGroup(WebElement a, WebElement b) {
        return "radio".equals(a.getDomAttribute("type")) && a.getDomAttribute("name").equals(b.getDomAttribute("name"))
                && Boolean.TRUE.equals(((JavascriptExecutor) alice.driver()).executeScript(
                        "return arguments[0].form === arguments[1].form;", a, b));
    }

    private static String describe(WebElement element) {
        String html = element.getDomProperty("outerHTML");
        return html.length() > 160 ? html.substring(0, 160) + "..." : html;
    }
}
