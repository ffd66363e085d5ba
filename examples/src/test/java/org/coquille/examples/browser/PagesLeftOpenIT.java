package org.coquille.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Legacy pages that leave a table, a form or a link open where the widgets go: in Chromium the widgets are a child of
 * {@code <body>}, below the page, none of their forms inside the host's form or link, and a vote posted without
 * JavaScript goes to Coquille, not to the host's form; the page's own DOM is what it is without Coquille.
 */
class PagesLeftOpenIT {

    @RegisterExtension
    static final IntranetInChromium intranet = new IntranetInChromium()
            .withPageRules("/left-open/* = vote, comments");

    /** Where the widgets are in the tree the browser built. */
    private static final String PLACE = """
            var root = document.querySelector('.coq-widgets');
            var held = [];
            root.querySelectorAll('form, button').forEach(function (el) {
              var holder = el.parentElement.closest('form, a, button');
              if (holder && !root.contains(holder)) { held.push(el.tagName + ' in ' + holder.outerHTML.slice(0, 60)); }
            });
            var hostBottom = 0;
            document.querySelectorAll('body *').forEach(function (el) {
              if (el.closest('.coq-widgets') || el.tagName === 'SCRIPT' || el.tagName === 'LINK') { return; }
              hostBottom = Math.max(hostBottom, el.getBoundingClientRect().bottom);
            });
            return [root.parentElement.tagName, root.querySelectorAll('form').length, held.join('; '),
                    root.getBoundingClientRect().top >= hostBottom - 1];""";

    /** The page's own DOM, Coquille's fragment taken out. */
    private static final String OWN_DOM = """
            var body = document.body.cloneNode(true);
            body.querySelectorAll('.coq-widgets, link[href*="/_coquille/"], script[src*="/_coquille/"]')
                .forEach(function (el) { el.remove(); });
            return body.innerHTML.replace(/\\s+</g, '<').replace(/>\\s+/g, '>');""";

    private static Employee bruno;
    private static ChromeDriver withoutCoquille;

    @BeforeAll
    static void browsers() throws Exception {
        bruno = intranet.employee("bruno", Chromium.Profile.FRENCH_NO_SCRIPT);
        withoutCoquille = intranet.stranger(Chromium.Profile.FRENCH_NO_SCRIPT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/left-open/table-never-closed.html", "/left-open/form-never-closed.html",
            "/left-open/form-in-a-table-and-link-never-closed.html"})
    void theWidgetsAreAChildOfTheBodyAndTheirFormsPostToCoquille(String path) {
        Widgets widgets = bruno.open(path);
        withoutCoquille.get(intranet.bareBase() + path);

        assertThat(widgets.shown()).as("widgets on " + path).isTrue();
        List<?> place = (List<?>) script(bruno.driver(), PLACE);
        assertThat(place.get(0)).as("the widgets' parent").isEqualTo("BODY");
        assertThat(((Number) place.get(1)).intValue()).as("the widgets' forms, none dropped").isGreaterThanOrEqualTo(2);
        assertThat(place.get(2)).as("widget forms and buttons inside the host's form, link or button").isEqualTo("");
        assertThat(place.get(3)).as("the widgets come below the page").isEqualTo(true);
        assertThat(script(bruno.driver(), OWN_DOM)).as("the page's own DOM").isEqualTo(script(withoutCoquille, OWN_DOM));

        widgets.vote(1);

        URI shown = URI.create(bruno.url());
        assertThat(shown.getPath()).as("back on the page, not on the host's form action").isEqualTo("/intranet" + path);
        assertThat(shown.getQuery()).as("redirected by Coquille with the outcome").startsWith("coq_flash=");
        assertThat(bruno.widgets().myVote()).as("the vote counted").contains(1);
    }

    private static Object script(ChromeDriver driver, String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }
}
