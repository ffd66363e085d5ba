package org.coquille.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A legacy page with the widgets looks as it did without Coquille: every element of the host page is where it
 * was, as large as it was, styled as it was, and its own DOM (scripts' output included) is the same; the
 * widgets come under it.
 */
class LegacyPageLayoutIT {

    @RegisterExtension
    static final IntranetInChromium intranet = new IntranetInChromium();

    /** Each host element (outside Coquille's fragment): tag, position, size and the computed styles a leak would change. */
    private static final String LAYOUT = """
            var ours = function (el) {
              if (el.closest('.coq-widgets')) { return true; }
              var url = el.getAttribute('href') || el.getAttribute('src') || '';
              return (el.tagName === 'LINK' || el.tagName === 'SCRIPT') && url.indexOf('/_coquille/') >= 0;
            };
            var out = [];
            document.querySelectorAll('body *').forEach(function (el) {
              if (ours(el)) { return; }
              var r = el.getBoundingClientRect(), s = getComputedStyle(el);
              out.push([el.tagName, Math.round(r.left + scrollX), Math.round(r.top + scrollY), Math.round(r.width),
                        Math.round(r.height), s.font, s.color, s.backgroundColor, s.margin, s.padding, s.display].join(' | '));
            });
            return out;""";

    /** The page's own DOM: head and body, Coquille's fragment taken out. */
    private static final String OWN_DOM = """
            var body = document.body.cloneNode(true);
            body.querySelectorAll('.coq-widgets, link[href*="/_coquille/"], script[src*="/_coquille/"]')
                .forEach(function (el) { el.remove(); });
            return [document.title, document.characterSet, document.compatMode, document.head.innerHTML, body.innerHTML];""";

    /** The bottom of the host page's lowest element. */
    private static final String HOST_BOTTOM = """
            var bottom = 0;
            document.querySelectorAll('body *').forEach(function (el) {
              if (el.closest('.coq-widgets') || el.tagName === 'SCRIPT' || el.tagName === 'LINK') { return; }
              bottom = Math.max(bottom, el.getBoundingClientRect().bottom + scrollY);
            });
            return bottom;""";

    private static Employee alice;
    private static ChromeDriver withoutCoquille;

    @BeforeAll
    static void browsers() throws Exception {
        alice = intranet.employee("alice", Chromium.Profile.FRENCH);
        withoutCoquille = intranet.stranger(Chromium.Profile.FRENCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actualites/nouveau-restaurant.html", "/restaurant/menu.html", "/rh/teletravail.html",
            "/rh/conges.html", "/ce/voyages.html", "/index.html"})
    void theHostPageIsLaidOutAsBeforeWithTheWidgetsUnderIt(String path) {
        Widgets widgets = alice.open(path);
        withoutCoquille.get(intranet.bareBase() + path);

        assertThat(widgets.shown()).as("widgets on " + path).isTrue();
        assertThat(script(alice.driver(), OWN_DOM)).as("the page's own DOM").isEqualTo(script(withoutCoquille, OWN_DOM));
        List<?> before = (List<?>) script(withoutCoquille, LAYOUT);
        assertThat(before).hasSizeGreaterThan(10);
        assertThat(script(alice.driver(), LAYOUT)).as("every host element's box and style").isEqualTo(before);

        WebElement root = widgets.root();
        Number hostBottom = (Number) script(alice.driver(), HOST_BOTTOM);
        assertThat(root.isDisplayed()).isTrue();
        assertThat(root.getRect().getY()).as("the widgets start under the page").isGreaterThanOrEqualTo(hostBottom.intValue());
        assertThat(root.getRect().getHeight()).isGreaterThan(50);
    }

    private static Object script(ChromeDriver driver, String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }
}
