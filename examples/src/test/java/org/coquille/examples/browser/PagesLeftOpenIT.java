package org.coquille.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.coquille.inject.Placement;
import org.coquille.inject.Injection;
import org.coquille.inject.PageInjector;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Legacy pages that leave a table, a form or a link open where the widgets go: in Chromium the widgets are a child of
 * {@code <body>}, below the page, none of their forms inside the host's form or link, and a vote posted without
 * JavaScript goes to Coquille, not to the host's form; the page's own DOM is what it is without Coquille. Harder cases
 * (selects, templates, SVG and MathML, reopened formatting elements), decorated by the injector and loaded as they are,
 * check in Chromium the end tags that jsoup's tree building chose.
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

    private static final String WIDGET = "<section class=\"coq-widgets\"><h2>R\u00e9actions</h2><form method=\"post\""
            + " action=\"/v\"><button>+1</button></form><p>Par <a href=\"/u\">Anne</a></p></section>";

    /** The widget as the browser built it, and the page's own body without it. */
    private static final String BUILT = """
            var root = document.querySelector('.coq-widgets');
            var body = document.body.cloneNode(true);
            body.querySelectorAll('.coq-widgets').forEach(function (el) { el.remove(); });
            return [root ? root.parentElement.tagName : 'none', root ? root.outerHTML : 'none',
                    body.innerHTML.replace(/\\s+</g, '<').replace(/>\\s+/g, '>')];""";

    @ParameterizedTest
    @ValueSource(strings = {"<table><tr><td>cellule", "<table><tr><td>a</td></tr>", "<font><p><b>test</font>",
            "<table><a href=/x>1<td>2</td>3</table>", "<p>Voir <a href=/x>lien", "<select><option>Un<option>Deux",
            "<table><tr><td><select><option>Un", "<template><p>mod\u00e8le", "<svg><foreignObject><p>Texte",
            "<svg><desc>Description", "<math><mi>x", "<math><annotation-xml encoding=text/html><p>HTML",
            "<table><form action=/r><tr><td><input name=q></td></tr></table>", "<button>Imprimer",
            "<nobr><marquee>D\u00e9filant<object><p>objet", "<table><caption>L\u00e9gende",
            "<div><table><tr><td><table><tr><td>Int\u00e9rieur", "<p>Texte</p><frameset cols=*>",
            "<a name=\"haut\"/><h1>Titre</h1><p>Texte</p>", "<div id=\"x\"/><p>Texte</p><svg><circle r=\"4\"/></svg>"})
    void chromiumBuildsTheTreeJsoupForesaw(String body) {
        String page = "<!DOCTYPE html><html><head><meta charset=utf-8><title>t</title></head><body>" + body
                + "\n</body>\n</html>\n";
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        Injection injection = new PageInjector(10).inject(bytes, "UTF-8", Placement.DEFAULT, WIDGET);
        assertThat(injection).as("decorated").isNotNull();

        List<?> decorated = load(injection.bytes());
        List<?> original = load(bytes);
        List<?> widgetAlone = load("<!DOCTYPE html><body>".concat(WIDGET).getBytes(StandardCharsets.UTF_8));

        assertThat(decorated.get(0)).as("the widget's parent").isEqualTo("BODY");
        assertThat(decorated.get(1)).as("the widget as built alone").isEqualTo(widgetAlone.get(1));
        assertThat(decorated.get(2)).as("the page's own body").isEqualTo(original.get(2));
    }

    private static List<?> load(byte[] page) {
        bruno.driver().get("data:text/html;charset=utf-8;base64," + Base64.getEncoder().encodeToString(page));
        return (List<?>) script(bruno.driver(), BUILT);
    }

    private static Object script(ChromeDriver driver, String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }
}
