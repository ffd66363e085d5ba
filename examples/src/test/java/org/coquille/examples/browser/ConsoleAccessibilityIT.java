package org.coquille.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.coquille.core.Comment;
import org.coquille.core.PageId;
import org.coquille.core.Poll;
import org.coquille.core.PollChoice;
import org.coquille.core.ResultsVisibility;
import org.coquille.core.User;
import org.coquille.examples.SyntheticActivity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Every page of the console and of the usage report passes axe-core's WCAG 2.1 A/AA rules with something on it
 * (a comment waiting, a pattern, a poll, an audit trail, weeks of activity), and the console works from the keyboard
 * alone: Tab reaches a page's settings, Space ticks a widget, Enter saves, and the focus can always be seen.
 */
class ConsoleAccessibilityIT {

    @RegisterExtension
    static final IntranetInChromium intranet = new IntranetInChromium();

    private static final String TELEWORK = "/rh/teletravail.html";
    private static final String LEAVE = "/rh/conges.html";

    private static EditorsConsole edith;
    private static EditorsConsole edithInFrench;
    private static Keyboard keyboard;
    private static long poll;
    /** A poll on a page whose poll widget is off: its page warns and offers to turn the widget on. */
    private static long pollOff;

    @BeforeAll
    static void somethingOnEveryPage() throws Exception {
        new SyntheticActivity(20, 40, 35, LocalDate.now().minusDays(1), 42)
                .fill(intranet.demo().coquille().store(), intranet.demo().coquille()::pseudonymOf);
        var comments = intranet.demo().coquille().comments();
        comments.post(User.employee("alice"), PageId.of(TELEWORK), null, "Deux jours, ce serait bien.");
        comments.post(User.employee("bruno"), PageId.of("/actualites/nouveau-restaurant.html"), null, "Enfin un coin café !");
        poll = intranet.demo().coquille().store().polls().polls(PageId.of(TELEWORK)).get(0).id();
        pollOff = intranet.demo().coquille().polls().create(User.editor("edith"), new Poll(0, PageId.of(LEAVE),
                "Poser ses congés en ligne ?", List.of("Oui", "Non"), PollChoice.SINGLE, null, null,
                ResultsVisibility.AFTER_ANSWERING)).id();

        Employee alice = intranet.employee("alice", Chromium.Profile.ENGLISH);
        alice.open(TELEWORK);
        alice.open(LEAVE);
        intranet.demo().coquille().flushViews();

        edith = new EditorsConsole(intranet.employee("edith", Chromium.Profile.ENGLISH), intranet.base());
        keyboard = new Keyboard(edith.driver());
        edith.savePattern("/informatique/*", "reactions", "vote");
        edith.moderation().moderate("Enfin un coin café !", "Hide");
        edithInFrench = new EditorsConsole(intranet.employee("edith", Chromium.Profile.FRENCH), intranet.base());
    }

    /** The console's and report's pages, relative to the console's address. */
    @ParameterizedTest
    @ValueSource(strings = {"pages", "pages?q=rh", "page?id=%2Frh%2Fteletravail.html", "patterns", "pattern",
            "pattern?p=%2Finformatique%2F*", "polls", "poll?id=POLL", "poll?page=%2Frh%2Fconges.html", "poll?id=OFF",
            "poll/delete?id=POLL", "pages?q=rh%2Fnouvelle.html", "pages?q=https%3A%2F%2F%5Bnope", "moderation",
            "settings", "../report/", "../report/page?page=%2Frh%2Fteletravail.html", "../report/user?id=alice"})
    void everyConsoleAndReportPageBreaksNoWcag21AaRule(String path) {
        for (EditorsConsole editor : List.of(edith, edithInFrench)) {
            editor.open(path.replace("POLL", String.valueOf(poll)).replace("OFF", String.valueOf(pollOff)));
            assertThat(editor.driver().getTitle()).as("a page, not an error, at %s", path).doesNotContain("404", "403");
            assertThat(Axe.check(editor.driver(), "html")).as("axe-core, WCAG 2.1 A/AA, %s in %s", path,
                    editor == edith ? "English" : "French").isEmpty();
        }
    }

    @Test
    void aSettingsFormWithAnErrorBreaksNoWcag21AaRule() {
        edith.open("page?id=" + URLEncoder.encode(LEAVE, StandardCharsets.UTF_8));
        WebElement anchor = edith.driver().findElement(By.id("coq-anchor"));
        new Select(anchor).selectByValue("after");
        edith.save();
        assertThat(edith.driver().findElements(By.cssSelector("[role=alert]"))).isNotEmpty();
        assertThat(Axe.check(edith.driver(), "html")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pages", "page?id=%2Frh%2Fteletravail.html", "patterns", "moderation", "settings", "../report/"})
    void theFocusIsAlwaysVisible(String path) {
        edith.open(path);
        List<Keyboard.Stop> stops = keyboard.tabOrder();
        assertThat(stops).hasSizeGreaterThan(5);
        assertThat(stops).allSatisfy(stop ->
                assertThat(stop.focusVisible()).as("focus visible on %s", describe(stop.element())).isTrue());
    }

    @Test
    void fromTheConsoleHomeAWidgetIsTurnedOnWithTabSpaceAndEnterOnly() {
        edith.home();
        keyboard.tabTo("a[href$='page?id=%2Frh%2Fconges.html']");
        assertThat(keyboard.focusVisible()).isTrue();
        edith.act(() -> keyboard.press(Keys.ENTER));
        assertThat(edith.widgetsTicked()).containsExactly("comments");

        keyboard.tabTo("#coq-w-reactions");
        assertThat(keyboard.focusVisible()).as("focus visible on the reactions switch").isTrue();
        keyboard.press(Keys.SPACE);
        assertThat(edith.widgetBox("reactions").isSelected()).isTrue();
        keyboard.tabTo("form.coq-settings button.coq-primary");
        assertThat(keyboard.focusVisible()).as("focus visible on Save").isTrue();
        edith.act(() -> keyboard.press(Keys.ENTER));

        assertThat(edith.notice()).isEqualTo("Saved. The change shows on the next page view.");
        assertThat(edith.widgetsTicked()).containsExactlyInAnyOrder("comments", "reactions");

        keyboard.tabTo("form.coq-inline[action$='page/reset'] button");
        edith.act(() -> keyboard.press(Keys.SPACE));
        assertThat(edith.notice()).isEqualTo("This page now follows the URL patterns again.");
        assertThat(edith.widgetsTicked()).containsExactly("comments");
    }

    @Test
    void aCommentIsApprovedWithTabAndEnterOnly() {
        Comment waiting = intranet.demo().coquille().comments().post(User.employee("bruno"), PageId.of(TELEWORK), null,
                "Approuvé au clavier.");
        edith.home();
        keyboard.tabTo("header.coq-bar a[href$='moderation']");
        edith.act(() -> keyboard.press(Keys.ENTER));
        assertThat(edith.queue()).contains("Approuvé au clavier.");

        keyboard.tabTo("tr[data-comment='" + waiting.id() + "'] form:has(input[name=action][value=approve]) button");
        assertThat(keyboard.focusVisible()).as("focus visible on Approve").isTrue();
        edith.act(() -> keyboard.press(Keys.ENTER));
        assertThat(edith.notice()).isEqualTo("The comment is approved and visible.");
        assertThat(edith.queue()).doesNotContain("Approuvé au clavier.");
        assertThat(edith.recent()).containsEntry("Approuvé au clavier.", "visible");
    }

    private static String describe(WebElement element) {
        String html = element.getDomProperty("outerHTML");
        return html.length() > 160 ? html.substring(0, 160) + "..." : html;
    }
}
