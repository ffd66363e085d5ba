package org.coquille.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.coquille.core.PageId;
import org.coquille.core.Poll;
import org.coquille.core.PollChoice;
import org.coquille.core.ResultsVisibility;
import org.coquille.core.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Classic cross-site scripting payloads typed as comments and written as poll text never run in a reader's
 * browser: a trap ({@code window.__pwned}, defined before any page script) that each payload would call is
 * never called, and every text is shown exactly as it was typed, whether the widgets were swapped in by the
 * script or rendered with the page.
 */
class XssIT {

    @RegisterExtension
    static final IntranetInChromium intranet = new IntranetInChromium();

    private static final String NEWS = "/actualites/rapport-annuel.html";
    private static final String TELEWORK = "/rh/teletravail.html";

    /** Calls to the trap are kept in the tab's session storage, so that they outlive a reload. */
    private static final String TRAP = """
            window.__pwned = function (how) {
              sessionStorage.setItem('coq-pwned', (sessionStorage.getItem('coq-pwned') || '') + '[' + how + ']');
            };""";

    static final List<String> PAYLOADS = List.of(
            "<script>__pwned('script')</script>",
            "<img src=x onerror=\"__pwned('img onerror')\">",
            "<svg onload=\"__pwned('svg onload')\"></svg>",
            "<svg><script>__pwned('svg script')</script></svg>",
            "<a href=\"javascript:__pwned('link')\">read more</a>",
            "javascript:__pwned('bare link')",
            "\"><img src=x onerror=__pwned('attribute breakout')>",
            "'><script>__pwned('single quote breakout')</script>",
            "</textarea><script>__pwned('textarea breakout')</script>",
            "<iframe srcdoc=\"<script>parent.__pwned('iframe')</script>\"></iframe>",
            "<details open ontoggle=\"__pwned('details')\">x</details>",
            "<b><i>unclosed <div <p onclick=__pwned('broken') <!-- ]]> --!>",
            "</section></body><script>__pwned('after body')</script>",
            "https://intranet.example/?q=\"><script>__pwned('in a link')</script>",
            "<math><mtext><table><mglyph><style><img src=x onerror=__pwned('mutation')>",
            "&lt;script&gt;__pwned('entities')&lt;/script&gt; &#60;b&#62;");

    private static final String QUESTION = "<img src=x onerror=__pwned('poll question')> Which <b>day</b>?";
    private static final List<String> OPTIONS = List.of("<script>__pwned('option 1')</script>",
            "\"><svg onload=__pwned('option 2')>", "<a href=javascript:__pwned('option 3')>three</a>");

    private static Employee alice;

    @BeforeAll
    static void setUp() throws Exception {
        intranet.demo().coquille().polls().create(User.editor("edith"), new Poll(0, PageId.of(TELEWORK), QUESTION,
                OPTIONS, PollChoice.SINGLE, null, Instant.now().plus(30, ChronoUnit.DAYS), ResultsVisibility.ALWAYS));
        alice = trapped("alice");
    }

    private static Employee trapped(String user) throws Exception {
        Employee employee = intranet.employee(user, Chromium.Profile.ENGLISH);
        employee.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", TRAP));
        return employee;
    }

    @Test
    void commentPayloadsNeverRunAndShowAsTyped() throws Exception {
        Widgets widgets = alice.open(NEWS);
        assertThat(trapCalls(alice)).as("the trap is set").isEqualTo("defined");
        alice.markPage();
        for (String payload : PAYLOADS) {
            widgets.comment(payload);
            assertThat(widgets.notice()).isEqualTo("Your comment is posted.");
        }
        assertThat(alice.stillOnMarkedPage()).as("swapped in by the script").isTrue();
        shownAsTypedAndHarmless(alice, widgets);

        Widgets reloaded = alice.open(NEWS);
        shownAsTypedAndHarmless(alice, reloaded);
        List<WebElement> edits = reloaded.root().findElements(By.cssSelector("article.coq-comment details.coq-edit"));
        assertThat(edits).hasSameSizeAs(PAYLOADS);
        for (int i = 0; i < edits.size(); i++) {
            edits.get(i).findElement(By.tagName("summary")).click();
            assertThat(edits.get(i).findElement(By.tagName("textarea")).getDomProperty("value")).isEqualTo(PAYLOADS.get(i));
        }
        assertThat(trapCalls(alice)).isEqualTo("defined");

        Employee bruno = trapped("bruno");
        shownAsTypedAndHarmless(bruno, bruno.open(NEWS));
    }

    @Test
    void pollTextNeverRunsAndShowsAsWritten() throws Exception {
        Widgets widgets = alice.open(TELEWORK);
        widgets.answerPoll(QUESTION, OPTIONS.get(0));
        Widgets reloaded = alice.open(TELEWORK);

        WebElement poll = reloaded.poll(QUESTION);
        assertThat(poll.findElements(By.cssSelector(".coq-option label")).stream().map(l -> l.getDomProperty("textContent")))
                .containsExactlyElementsOf(OPTIONS);
        assertThat(reloaded.pollResults(QUESTION)).containsEntry(OPTIONS.get(0), "100 %");
        assertNothingLive(alice);
        assertThat(trapCalls(alice)).isEqualTo("defined");
    }

    @Test
    void theTrapCatchesAPayloadThatDoesRun() throws Exception {
        ChromeDriver control = intranet.stranger(Chromium.Profile.ENGLISH);
        control.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", TRAP));
        control.get(intranet.bareBase() + NEWS);
        control.executeScript("document.body.insertAdjacentHTML('beforeend', arguments[0]);", PAYLOADS.get(1));
        new WebDriverWait(control, Duration.ofSeconds(10)).until(d ->
                "[img onerror]".equals(((JavascriptExecutor) d).executeScript("return sessionStorage.getItem('coq-pwned');")));
    }

    private static void shownAsTypedAndHarmless(Employee employee, Widgets widgets) {
        List<String> bodies = widgets.root().findElements(By.cssSelector(".coq-body")).stream()
                .map(b -> b.getDomProperty("textContent")).toList();
        assertThat(bodies).containsExactlyElementsOf(PAYLOADS);
        assertNothingLive(employee);
        assertThat(trapCalls(employee)).as("calls to window.__pwned").isEqualTo("defined");
    }

    /** No element, attribute or URL inside the widgets that could run script. */
    private static void assertNothingLive(Employee employee) {
        Object live = ((JavascriptExecutor) employee.driver()).executeScript("""
                var found = [];
                document.querySelectorAll('.coq-widgets, .coq-widgets *').forEach(function (el) {
                  if (/^(SCRIPT|IFRAME|SVG|IMG|MATH|STYLE|OBJECT|EMBED)$/i.test(el.tagName)) { found.push(el.tagName); }
                  for (var i = 0; i < el.attributes.length; i++) {
                    var a = el.attributes[i];
                    if (/^on/i.test(a.name) || /^\\s*javascript:/i.test(a.value)) { found.push(el.tagName + ' ' + a.name); }
                  }
                });
                return found;""");
        assertThat((List<?>) live).isEmpty();
    }

    /** "defined" when the trap is there and was never called; what called it otherwise. */
    private static String trapCalls(Employee employee) {
        return (String) ((JavascriptExecutor) employee.driver()).executeScript(
                "return typeof window.__pwned !== 'function' ? 'no trap' : (sessionStorage.getItem('coq-pwned') || 'defined');");
    }
}
