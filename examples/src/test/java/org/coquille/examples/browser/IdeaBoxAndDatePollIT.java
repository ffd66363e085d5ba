package org.coquille.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
 * The idea box of the canteen page and the date poll of the trips page, used as people use them, with JavaScript on
 * and off: alice submits an idea, bruno votes for it and comments on it, alice sees both; alice gives her
 * availability per date and the best date is marked. Both pages pass axe-core's WCAG 2.1 A/AA rules and work from
 * the keyboard alone.
 */
class IdeaBoxAndDatePollIT {

    @RegisterExtension
    static final IntranetInChromium intranet = new IntranetInChromium();

    private static final String MENU = "/restaurant/menu.html";
    private static final String TRIPS = "/ce/voyages.html";

    private static Employee alice;
    private static Employee bruno;
    private static Employee aliceNoScript;
    private static Employee brunoNoScript;

    @BeforeAll
    static void logIn() throws Exception {
        alice = intranet.employee("alice", Chromium.Profile.ENGLISH);
        bruno = intranet.employee("bruno", Chromium.Profile.ENGLISH);
        aliceNoScript = intranet.employee("alice", Chromium.Profile.ENGLISH_NO_SCRIPT);
        brunoNoScript = intranet.employee("bruno", Chromium.Profile.ENGLISH_NO_SCRIPT);
    }

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {true, false})
    void anIdeaIsSubmittedVotedForAndCommentedOn(boolean javascript) {
        Employee submitter = javascript ? alice : aliceNoScript;
        Employee voter = javascript ? bruno : brunoNoScript;
        String title = "Salad bar " + (javascript ? "with" : "without") + " script";

        Widgets widgets = submitter.open(MENU);
        submitter.markPage();
        submitIdea(widgets, title, "A salad bar on Fridays, with lentils.");
        assertThat(submitter.stillOnMarkedPage()).as("no reload with the script").isEqualTo(javascript);
        assertThat(widgets.notice()).isEqualTo("Your idea is submitted.");
        assertThat(idea(widgets, title).findElement(By.cssSelector(".coq-body")).getText())
                .isEqualTo("A salad bar on Fridays, with lentils.");

        Widgets votersWidgets = voter.open(MENU);
        voter.markPage();
        votersWidgets.act(idea(votersWidgets, title).findElement(By.cssSelector(".coq-idea-vote button")));
        assertThat(idea(votersWidgets, title).findElement(By.cssSelector(".coq-idea-vote button"))
                .getDomAttribute("aria-pressed")).isEqualTo("true");
        votersWidgets.act(idea(votersWidgets, title).findElement(By.cssSelector(".coq-idea-comment-count a")));
        WebElement thread = idea(votersWidgets, title).findElement(By.cssSelector(".coq-idea-comments"));
        WebElement box = thread.findElement(By.cssSelector(".coq-new-comment textarea"));
        box.sendKeys("Yes, and soup in winter.");
        votersWidgets.act(thread.findElement(By.cssSelector(".coq-new-comment button[type=submit]")));
        thread = idea(votersWidgets, title).findElement(By.cssSelector(".coq-idea-comments"));
        assertThat(thread.findElement(By.cssSelector(".coq-notice")).getText()).isEqualTo("Your comment is posted.");
        assertThat(voter.stillOnMarkedPage()).as("vote, comments and comment without a reload").isEqualTo(javascript);

        widgets = submitter.open(MENU);
        WebElement mine = idea(widgets, title);
        assertThat(mine.findElement(By.cssSelector(".coq-idea-vote button")).getText()).isEqualTo("👍 1");
        assertThat(mine.findElement(By.cssSelector(".coq-idea-comment-count a")).getText()).isEqualTo("Comments (1)");
        widgets.act(mine.findElement(By.cssSelector(".coq-idea-comment-count a")));
        thread = idea(widgets, title).findElement(By.cssSelector(".coq-idea-comments"));
        assertThat(thread.findElement(By.cssSelector(".coq-author")).getText()).as("the author by the name the demo's directory gives").isEqualTo("Bruno Faure");
        assertThat(thread.findElement(By.cssSelector(".coq-comment .coq-body")).getText())
                .isEqualTo("Yes, and soup in winter.");
        assertThat(submitter.url()).as("the address says which idea is open").contains("coq_idea=");
    }

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {true, false})
    void availabilityPerDateMarksTheBestDate(boolean javascript) {
        Employee employee = javascript ? alice : aliceNoScript;
        // with the script: yes, if need be, no; without: no, yes, if need be (the same person changes her answer)
        List<String> answers = javascript ? List.of("yes", "maybe", "no") : List.of("no", "yes", "maybe");
        Widgets widgets = employee.open(TRIPS);
        WebElement poll = widgets.root().findElement(By.cssSelector(".coq-datepoll"));
        for (int slot = 0; slot < answers.size(); slot++) {
            poll.findElement(By.cssSelector("input[name=coq_slot_" + slot + "][value=" + answers.get(slot) + "]")).click();
        }
        widgets.act(poll.findElement(By.cssSelector("form button[type=submit]")));

        poll = widgets.root().findElement(By.cssSelector(".coq-datepoll"));
        for (int slot = 0; slot < answers.size(); slot++) {
            assertThat(poll.findElement(By.cssSelector("input[name=coq_slot_" + slot + "][value=" + answers.get(slot) + "]"))
                    .isSelected()).as("slot %d keeps the answer", slot).isTrue();
        }
        List<WebElement> rows = poll.findElements(By.cssSelector("tbody tr"));
        int best = javascript ? 0 : 1;
        assertThat(rows.get(best).getDomAttribute("class")).isEqualTo("coq-best");
        assertThat(rows.get(best).findElement(By.cssSelector("th .coq-badge")).getText()).isEqualTo("(best so far)");
        assertThat(poll.findElements(By.cssSelector("tr.coq-best"))).hasSize(1);
        assertThat(rows.get(best).findElements(By.tagName("td")).stream().skip(1).map(WebElement::getText).toList())
                .as("yes, if need be, no").containsExactly("1", "0", "0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"idea box", "idea box, comments open", "idea box, editor", "date poll", "date poll answered"})
    void bothPagesBreakNoWcag21AaRule(String state) throws Exception {
        Employee editor = state.endsWith("editor") ? intranet.employee("edith", Chromium.Profile.FRENCH) : null;
        Employee viewer = editor != null ? editor : alice;
        Widgets widgets = viewer.open(state.startsWith("idea") ? MENU : TRIPS);
        if (state.startsWith("idea") && widgets.root().findElements(By.cssSelector(".coq-idea")).isEmpty()) {
            submitIdea(widgets, "Water fountain", "A water fountain near the entrance.");
        }
        if (state.equals("idea box, comments open") || editor != null) {
            widgets.act(widgets.root().findElement(By.cssSelector(".coq-idea-comment-count a")));
        }
        if (state.equals("date poll answered")) {
            WebElement poll = widgets.root().findElement(By.cssSelector(".coq-datepoll"));
            poll.findElement(By.cssSelector("input[name=coq_slot_2][value=maybe]")).click();
            widgets.act(poll.findElement(By.cssSelector("form button[type=submit]")));
        }
        ((JavascriptExecutor) viewer.driver()).executeScript(
                "document.querySelectorAll('.coq-widgets details').forEach(function (d) { d.open = true; });");
        assertThat(Axe.check(viewer.driver(), ".coq-widgets")).as("axe-core, WCAG 2.1 A/AA, " + state).isEmpty();
    }

    @Test
    void anIdeaIsSubmittedAndVotedForWithTheKeyboardAlone() throws Exception {
        Employee keyboardUser = intranet.employee("bruno", Chromium.Profile.FRENCH);
        Keyboard keys = new Keyboard(keyboardUser.driver());
        Widgets widgets = keyboardUser.open(MENU);
        keys.tabTo(".coq-idea-new input[name=coq_title]");
        assertThat(keys.focusVisible()).isTrue();
        keys.type("Idée au clavier");
        keys.press(Keys.TAB);
        assertThat(keys.focusedMatches(".coq-idea-new textarea")).isTrue();
        keys.type("Proposée sans souris.");
        keys.press(Keys.TAB);
        assertThat(keys.focusedMatches(".coq-idea-new button[type=submit]")).isTrue();
        assertThat(keys.focusVisible()).isTrue();
        widgets.act(() -> keys.press(Keys.ENTER));
        assertThat(widgets.notice()).isEqualTo("Votre idée est proposée.");

        String button = "#" + idea(widgets, "Idée au clavier").findElement(By.cssSelector(".coq-idea-vote button"))
                .getDomAttribute("id");
        keys.tabTo(button);
        assertThat(keys.focusVisible()).as("focus visible on the vote button").isTrue();
        widgets.act(() -> keys.press(Keys.SPACE));
        assertThat(widgets.root().findElement(By.cssSelector(button)).getDomAttribute("aria-pressed")).isEqualTo("true");
        assertThat(keys.focusedMatches(button)).as("the focus is back on the button after the answer").isTrue();
        assertThat(keys.focusVisible()).isTrue();

        keys.tabTo(button.replace("-vote", "") + " .coq-idea-comment-count a");
        assertThat(keys.focusVisible()).as("focus visible on the comments link").isTrue();
        widgets.act(() -> keys.press(Keys.ENTER));
        assertThat(widgets.root().findElements(By.cssSelector(".coq-idea-comments"))).hasSize(1);

        List<Keyboard.Stop> stops = keys.tabOrder().stream().filter(s -> Boolean.TRUE.equals(
                ((JavascriptExecutor) keyboardUser.driver()).executeScript("return !!arguments[0].closest('.coq-widgets');",
                        s.element()))).toList();
        assertThat(stops).isNotEmpty().allSatisfy(stop -> assertThat(stop.focusVisible())
                .as("focus visible on %s", stop.element().getDomProperty("outerHTML")).isTrue());
    }

    private static void submitIdea(Widgets widgets, String title, String text) {
        WebElement form = widgets.root().findElement(By.cssSelector(".coq-idea-new"));
        form.findElement(By.cssSelector("input[name=coq_title]")).sendKeys(title);
        widgets.type(form.findElement(By.cssSelector("textarea")), text);
        widgets.act(form.findElement(By.cssSelector("button[type=submit]")));
    }

    private static WebElement idea(Widgets widgets, String title) {
        return widgets.root().findElements(By.cssSelector("li.coq-idea")).stream()
                .filter(li -> li.findElement(By.cssSelector(".coq-idea-title")).getText().equals(title))
                .findFirst().orElseThrow(() -> new AssertionError("No idea shown is titled " + title));
    }
}
