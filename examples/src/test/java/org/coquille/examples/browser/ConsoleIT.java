package org.coquille.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.assertj.core.groups.Tuple;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An editor sets up widgets in the console and employees see the change on their next page view, without a
 * restart. The console is server-rendered (plain forms, no script needed), so each scenario runs in a browser with
 * JavaScript and in one without; each uses pages of its own, or puts back what it changed.
 */
class ConsoleIT {

    @RegisterExtension
    static final IntranetInChromium intranet = new IntranetInChromium();

    /** Off by an exact rule of the demo's pages file. */
    private static final String NEWS_INDEX = "/actualites/index.html";
    /** Matched by no rule at all. */
    private static final String MAIL = "/informatique/messagerie.html";
    private static final String NEWS = "/actualites/nouveau-restaurant.html";
    private static final String ANNUAL_REPORT = "/actualites/rapport-annuel.html";

    private static EditorsConsole withScript;
    private static EditorsConsole withoutScript;
    private static Employee alice;
    private static Employee brunoWithoutScript;

    @BeforeAll
    static void people() throws Exception {
        withScript = new EditorsConsole(intranet.employee("edith", Chromium.Profile.ENGLISH), intranet.base());
        withoutScript = new EditorsConsole(intranet.employee("edith", Chromium.Profile.ENGLISH_NO_SCRIPT), intranet.base());
        alice = intranet.employee("alice", Chromium.Profile.ENGLISH);
        brunoWithoutScript = intranet.employee("bruno", Chromium.Profile.ENGLISH_NO_SCRIPT);
    }

    private static EditorsConsole edith(boolean javascript) {
        return javascript ? withScript : withoutScript;
    }

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {true, false})
    void aWidgetTurnedOnInTheConsoleShowsOnTheNextPageViewAndGoesWhenTurnedOff(boolean javascript) {
        String page = javascript ? NEWS_INDEX : MAIL;
        String source = javascript ? "pattern " + NEWS_INDEX + " (pages file)" : "no pattern matches";
        assertThat(alice.open(page).shown()).as("no widget on %s to begin with", page).isFalse();
        pagesServedAreCatalogued();

        EditorsConsole edith = edith(javascript).home();
        assertThat(edith.heading()).isEqualTo("Pages");
        edith.search(page.substring(page.lastIndexOf('/') + 1, page.lastIndexOf('.')));
        assertThat(edith.pageRows()).extracting(EditorsConsole.PageRow::address).contains(page);
        assertThat(edith.pageRows()).filteredOn(r -> r.address().equals(page))
                .singleElement().satisfies(r -> assertThat(r.source()).isEqualTo(source));
        edith.openPageSettings(page);
        assertThat(edith.settingsSource()).isEqualTo(source);
        assertThat(edith.widgetsTicked()).isEmpty();

        edith.tick("reactions", true).tick("vote", true).save();
        assertThat(edith.notice()).isEqualTo("Saved. The change shows on the next page view.");
        assertThat(edith.settingsSource()).isEqualTo("this page itself");
        assertThat(edith.widgetsTicked()).containsExactlyInAnyOrder("reactions", "vote");
        assertThat(alice.open(page).kinds()).containsExactly("reactions", "vote");

        edith.tick("reactions", false).tick("vote", false).save();
        assertThat(edith.widgetsInWords()).isEqualTo("none");
        assertThat(alice.open(page).shown()).as("widgets gone from %s", page).isFalse();

        edith.followPatternsAgain();
        assertThat(edith.notice()).isEqualTo("This page now follows the URL patterns again.");
        assertThat(edith.settingsSource()).isEqualTo(source);
    }

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {true, false})
    void aPagesOwnSettingsWinOverAConsolePatternThatReplacesTheFilesRule(boolean javascript) {
        assertThat(alice.open(ANNUAL_REPORT).kinds()).containsExactlyInAnyOrder("comments", "vote", "reactions");
        alice.open(NEWS);
        pagesServedAreCatalogued();
        EditorsConsole edith = edith(javascript);

        // the console's pattern replaces the pages file's rule for the very same pattern
        edith.savePattern("/actualites/*", "reactions");
        assertThat(edith.notice()).isEqualTo("Saved: /actualites/*. The change shows on the next page view.");
        assertThat(edith.consolePatterns()).containsEntry("/actualites/*", "Reactions");
        assertThat(alice.open(ANNUAL_REPORT).kinds()).containsExactly("reactions");
        assertThat(alice.open(NEWS).kinds()).containsExactly("reactions");

        // settings saved for one page win over every pattern
        edith.home().search("actualites").openPageSettings(NEWS);
        assertThat(edith.settingsSource()).isEqualTo("pattern /actualites/*");
        assertThat(edith.widgetsTicked()).containsExactly("reactions");
        edith.tick("reactions", false).tick("comments", true).save();
        assertThat(alice.open(NEWS).kinds()).containsExactly("comments");
        assertThat(alice.open(ANNUAL_REPORT).kinds()).containsExactly("reactions");

        edith.home().search("actualites");
        assertThat(edith.pageRows()).extracting(EditorsConsole.PageRow::address, EditorsConsole.PageRow::source)
                .contains(Tuple.tuple(NEWS, "this page itself"),
                        Tuple.tuple(ANNUAL_REPORT, "pattern /actualites/*"));

        // put back: the page follows the patterns, the console's pattern goes, the file's rule applies again
        edith.openPageSettings(NEWS).followPatternsAgain();
        edith.deletePattern("/actualites/*");
        assertThat(edith.notice()).isEqualTo("Deleted.");
        assertThat(edith.consolePatterns()).doesNotContainKey("/actualites/*");
        assertThat(alice.open(NEWS).kinds()).containsExactlyInAnyOrder("comments", "vote", "reactions");
        assertThat(alice.open(ANNUAL_REPORT).kinds()).isEqualTo(Set.of("comments", "vote", "reactions"));
    }

    /** The pages served are listed in the console after the next flush (every ten seconds): it is done now. */
    private static void pagesServedAreCatalogued() {
        intranet.demo().coquille().flushViews();
    }

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {true, false})
    void anEmployeeIsToldTheConsoleAndTheReportAreForEditors(boolean javascript) {
        Employee employee = javascript ? alice : brunoWithoutScript;
        EditorsConsole console = new EditorsConsole(employee, intranet.base()).home();
        assertThat(console.text()).contains("The Coquille console is for content editors. Your account does not have the editor role.");
        assertThat(console.text()).doesNotContain("Pages", "Save");
        assertThat(console.fetch(console.driver().getCurrentUrl()).status()).isEqualTo(403);

        console.report();
        assertThat(console.text()).contains("The usage report is for editors only.");
        assertThat(console.fetch(console.driver().getCurrentUrl()).status()).isEqualTo(403);
    }
}
