package org.coquille.examples.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The editors' console and the usage report as an editor uses them in a browser: following links, filling the
 * forms, pressing the buttons. The console is server-rendered: every action posts a form and the browser loads the
 * page it is redirected to, so each action waits for a new page (the old one gone, the new one loaded), with
 * JavaScript on or off. With JavaScript on, the console asks before a deletion; the editor says yes.
 */
final class EditorsConsole {

    /** One row of the pages list, as shown. */
    record PageRow(String title, String address, String widgets, String source) { }

    /** One line of the audit trail, as shown. */
    record AuditLine(String editor, String action, String subject, String before, String after) { }

    private final Employee editor;
    private final ChromeDriver driver;
    private final String console;
    private final String report;
    private final WebDriverWait wait;

    EditorsConsole(Employee editor, String base) {
        this.editor = editor;
        this.driver = editor.driver();
        this.console = base + "/_coquille/console/";
        this.report = base + "/_coquille/report/";
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    // --- moving around -------------------------------------------------------------------------------------------

    /** The console's home: it leads to the pages list. */
    EditorsConsole home() {
        driver.get(console);
        return this;
    }

    /**
     * Opens a console section by its link in the navigation bar ("Pages", "Moderation"...): the link saying exactly
     * that, or that followed by a count ("Moderation (2)") when {@code linkText} has none.
     */
    EditorsConsole section(String linkText) {
        follow(driver.findElement(By.cssSelector("header.coq-bar nav")).findElements(By.tagName("a")).stream()
                .filter(a -> a.getText().equals(linkText) || !linkText.endsWith(")") && a.getText().startsWith(linkText + " ("))
                .findFirst().orElseThrow(() -> new AssertionError("No section " + linkText + " in " + navLinks())));
        return this;
    }

    /** Opens {@code path} of the console directly (e.g. {@code polls}, {@code settings}). */
    EditorsConsole open(String path) {
        driver.get(console + path);
        return this;
    }

    String heading() {
        return driver.findElement(By.cssSelector("main h1")).getText();
    }

    /** The confirmation or error shown at the top of the page, or empty. */
    String notice() {
        List<WebElement> notices = driver.findElements(By.cssSelector("main .coq-notice"));
        return notices.isEmpty() ? "" : notices.get(0).getText();
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The warning shown at the top of the page (not a confirmation, not an error), or empty. */
    String warning() {
        List<WebElement> warnings = driver.findElements(By.cssSelector("main .coq-warning"));
        return warnings.isEmpty() ? "" : warnings.get(0).getText();
    }

    /** The texts of the navigation bar's links. */
    List<String> navLinks() {
        return driver.findElements(By.cssSelector("header.coq-bar nav a")).stream().map(WebElement::getText).toList();
    }

    // --- any form ------------------------------------------------------------------------------------------------

    /** Types {@code text} into the field with id {@code id}, replacing what it held. */
    EditorsConsole type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Chooses the option of value {@code value} in the select with id {@code id}. */
    EditorsConsole choose(String id, String value) {
        new Select(driver.findElement(By.id(id))).selectByValue(value);
        return this;
    }

    /** Sets a date-and-time field as its picker would ({@code 2030-01-06T09:00}). */
    EditorsConsole dateTime(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id(id)), value);
        return this;
    }

    /** The value the field with id {@code id} holds now. */
    String value(String id) {
        return driver.findElement(By.id(id)).getDomProperty("value");
    }

    // --- pages ---------------------------------------------------------------------------------------------------

    /** Types {@code words} into the pages list's search and submits it. */
    EditorsConsole search(String words) {
        WebElement box = driver.findElement(By.id("coq-q"));
        box.clear();
        box.sendKeys(words);
        follow(driver.findElement(By.cssSelector("form.coq-search button[type=submit]")));
        return this;
    }

    List<PageRow> pageRows() {
        return driver.findElements(By.cssSelector("main table.coq-table tbody tr")).stream().map(tr -> {
            List<WebElement> cells = tr.findElements(By.tagName("td"));
            return new PageRow(cells.get(0).getText(), cells.get(1).getText(),
                    cells.get(3).findElement(By.cssSelector("span:not(.coq-source)")).getText(),
                    cells.get(3).findElement(By.cssSelector(".coq-source")).getText());
        }).toList();
    }

    /** In the pages list, follows the link of the page at {@code address} to its settings. */
    EditorsConsole openPageSettings(String address) {
        WebElement row = driver.findElements(By.cssSelector("main table.coq-table tbody tr")).stream()
                .filter(tr -> tr.findElement(By.cssSelector("td.coq-url")).getText().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("The pages list shows no " + address + ": " + pageRows()));
        follow(row.findElement(By.cssSelector("td:first-child a")));
        return this;
    }

    /** Where the page shown gets its settings ("this page itself", "pattern /a/*"...), from its facts. */
    String settingsSource() {
        return fact(1);
    }

    /** The widgets on for the page shown, in words, from its facts. */
    String widgetsInWords() {
        return fact(2);
    }

    private String fact(int index) {
        return driver.findElements(By.cssSelector("dl.coq-facts dd")).get(index).getText();
    }

    /** The widgets ticked in the settings form shown (values: {@code comments}, {@code reactions}...). */
    Set<String> widgetsTicked() {
        Set<String> on = new LinkedHashSet<>();
        for (WebElement box : driver.findElements(By.cssSelector("form.coq-settings input[name=widget]"))) {
            if (box.isSelected()) {
                on.add(box.getDomAttribute("value"));
            }
        }
        return on;
    }

    /** Ticks or unticks a widget in the settings form shown, by clicking its label as a person does. */
    EditorsConsole tick(String widget, boolean on) {
        WebElement box = widgetBox(widget);
        if (box.isSelected() != on) {
            driver.findElement(By.cssSelector("label[for='" + box.getDomAttribute("id") + "']")).click();
        }
        if (box.isSelected() != on) {
            throw new AssertionError("The " + widget + " switch did not change");
        }
        return this;
    }

    WebElement widgetBox(String widget) {
        return driver.findElement(By.cssSelector("form.coq-settings input[name=widget][value='" + widget + "']"));
    }

    /** Presses the settings form's Save button; the console answers with the saved page. */
    EditorsConsole save() {
        follow(driver.findElement(By.cssSelector("form.coq-settings button.coq-primary")));
        return this;
    }

    /** Removes the page's own settings: it follows the URL patterns again. */
    EditorsConsole followPatternsAgain() {
        follow(driver.findElement(By.cssSelector("form.coq-inline[action$='page/reset'] button")));
        return this;
    }

    // --- patterns ------------------------------------------------------------------------------------------------

    /** Saves a console URL pattern with {@code widgets} on (everything else left as the form proposes). */
    EditorsConsole savePattern(String pattern, String... widgets) {
        open("patterns");
        follow(driver.findElement(By.cssSelector("main a.coq-button[href$='pattern']")));
        driver.findElement(By.id("coq-pattern")).sendKeys(pattern);
        for (String widget : widgets) {
            tick(widget, true);
        }
        return save();
    }

    /** The console's own patterns as listed, pattern to widgets in words. */
    Map<String, String> consolePatterns() {
        Map<String, String> shown = new LinkedHashMap<>();
        for (WebElement tr : driver.findElements(By.cssSelector("main > .coq-table-wrap table tbody tr"))) {
            List<WebElement> cells = tr.findElements(By.tagName("td"));
            shown.put(cells.get(0).getText(), cells.get(1).getText());
        }
        return shown;
    }

    /** The text of cell {@code index} (from 0) of the console pattern {@code pattern}'s row. */
    String patternCell(String pattern, int index) {
        return driver.findElements(By.cssSelector("main > .coq-table-wrap table tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")))
                .filter(cells -> cells.get(0).getText().equals(pattern)).findFirst()
                .orElseThrow(() -> new AssertionError("No console pattern " + pattern)).get(index).getText();
    }

    EditorsConsole deletePattern(String pattern) {
        open("patterns");
        WebElement row = driver.findElements(By.cssSelector("main > .coq-table-wrap table tbody tr")).stream()
                .filter(tr -> tr.findElement(By.tagName("td")).getText().equals(pattern)).findFirst()
                .orElseThrow(() -> new AssertionError("No console pattern " + pattern));
        follow(row.findElement(By.cssSelector("button.coq-danger")));
        return this;
    }

    // --- moderation ----------------------------------------------------------------------------------------------

    EditorsConsole moderation() {
        return open("moderation");
    }

    /** The comments waiting for approval, as shown in the queue. */
    List<String> queue() {
        return bodies("#coq-queue");
    }

    /** The comments shown under "Recent comments", with their state ("visible", "hidden"...). */
    Map<String, String> recent() {
        Map<String, String> shown = new LinkedHashMap<>();
        for (WebElement tr : part("#coq-recent").findElements(By.cssSelector("tr.coq-comment-row"))) {
            shown.put(tr.findElement(By.cssSelector(".coq-body")).getText(), tr.findElement(By.cssSelector(".coq-state")).getText());
        }
        return shown;
    }

    private List<String> bodies(String heading) {
        return part(heading).findElements(By.cssSelector("tr.coq-comment-row .coq-body")).stream()
                .map(WebElement::getText).toList();
    }

    private WebElement part(String heading) {
        return driver.findElement(By.cssSelector("section[aria-labelledby='" + heading.substring(1) + "']"));
    }

    /** Presses the button labelled {@code button} ("Approve", "Hide"...) on the row of the comment saying {@code body}. */
    EditorsConsole moderate(String body, String button) {
        WebElement row = driver.findElements(By.cssSelector("tr.coq-comment-row")).stream()
                .filter(tr -> tr.findElement(By.cssSelector(".coq-body")).getText().equals(body)).findFirst()
                .orElseThrow(() -> new AssertionError("The moderation page shows no comment saying " + body));
        WebElement control = row.findElements(By.cssSelector("button")).stream()
                .filter(b -> b.getText().equals(button)).findFirst()
                .orElseThrow(() -> new AssertionError("No " + button + " button for " + body));
        follow(control);
        return this;
    }

    /** The audit trail as shown on the moderation page, newest first. */
    List<AuditLine> audit() {
        return driver.findElements(By.cssSelector("tr.coq-audit-entry")).stream().map(tr -> {
            List<WebElement> cells = tr.findElements(By.tagName("td"));
            return new AuditLine(cells.get(1).getText(), cells.get(2).getText(), cells.get(3).getText(),
                    cells.get(4).getText(), cells.get(5).getText());
        }).toList();
    }

    // --- report --------------------------------------------------------------------------------------------------

    /** The usage report for the whole intranet, reached from the console's navigation when it is shown. */
    EditorsConsole report() {
        if (driver.findElements(By.cssSelector("header.coq-bar nav")).isEmpty()) {
            driver.get(report);
            return this;
        }
        return section("Usage report");
    }

    /** The report of one page, from the link (its title) of that page's row in the intranet report's tables. */
    EditorsConsole reportOfPage(String address) {
        WebElement link = driver.findElements(By.cssSelector("main table tbody tr")).stream()
                .filter(tr -> !tr.findElements(By.cssSelector("td.coq-address")).isEmpty()
                        && tr.findElement(By.cssSelector("td.coq-address")).getText().equals(address))
                .map(tr -> tr.findElement(By.cssSelector("th a"))).findFirst()
                .orElseThrow(() -> new AssertionError("The report links no page " + address));
        follow(link);
        return this;
    }

    /** Sets the period's dates in the form and presses Show. */
    EditorsConsole period(LocalDate from, LocalDate to) {
        // a date field takes its value as the browser's locale writes dates: set it as a date picker would
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[2]; arguments[1].value = arguments[3];",
                driver.findElement(By.id("coq-from")), driver.findElement(By.id("coq-to")), from.toString(), to.toString());
        follow(driver.findElement(By.cssSelector("form.coq-period button[type=submit]")));
        return this;
    }

    /** The first figures table (the period's totals): figure to value, as shown. */
    Map<String, String> totals() {
        Map<String, String> shown = new LinkedHashMap<>();
        WebElement table = driver.findElement(By.cssSelector("main table.coq-table"));
        for (WebElement tr : table.findElements(By.cssSelector("tbody tr"))) {
            shown.put(tr.findElement(By.tagName("th")).getText(), tr.findElement(By.tagName("td")).getText());
        }
        return shown;
    }

    /** The row headings (a figure, a week, a page) of the table captioned {@code caption}. */
    List<String> rowsOf(String caption) {
        WebElement table = driver.findElements(By.cssSelector("main table")).stream()
                .filter(t -> t.findElement(By.tagName("caption")).getText().equals(caption)).findFirst()
                .orElseThrow(() -> new AssertionError("No table captioned " + caption));
        return table.findElements(By.cssSelector("tbody tr th")).stream().map(WebElement::getText).toList();
    }

    /** The addresses of the pages the report links to (to their own report), in order. */
    List<String> pagesLinked() {
        return driver.findElements(By.cssSelector("main table tbody tr td.coq-address")).stream()
                .map(WebElement::getText).toList();
    }

    /** The rows of the report's table captioned {@code caption}: title, address, widgets, as shown. */
    List<List<String>> pageRowsOf(String caption) {
        WebElement table = driver.findElements(By.cssSelector("main table")).stream()
                .filter(t -> t.findElement(By.tagName("caption")).getText().equals(caption)).findFirst()
                .orElseThrow(() -> new AssertionError("No table captioned " + caption));
        return table.findElements(By.cssSelector("tbody tr")).stream().map(tr -> List.of(
                tr.findElement(By.tagName("th")).getText(), tr.findElement(By.cssSelector("td.coq-address")).getText(),
                tr.findElements(By.tagName("td")).get(1).getText())).toList();
    }

    /** The period's dates as the form shows them. */
    List<String> periodShown() {
        return List.of(driver.findElement(By.id("coq-from")).getDomProperty("value"),
                driver.findElement(By.id("coq-to")).getDomProperty("value"));
    }

    /** The SVG charts shown, each with the number of lines it draws. */
    Map<String, Integer> charts() {
        Map<String, Integer> shown = new LinkedHashMap<>();
        for (WebElement svg : driver.findElements(By.cssSelector("main svg[role=img]"))) {
            if (svg.isDisplayed()) {
                shown.put(svg.getDomAttribute("aria-labelledby"), svg.findElements(By.tagName("polyline")).size());
            }
        }
        return shown;
    }

    /** What the browser gets from the link labelled {@code linkText}, fetched within the editor's session. */
    Download download(String linkText) {
        return fetch(driver.findElement(By.linkText(linkText)).getDomProperty("href"));
    }

    /** What the browser gets from {@code href} (the page shown, for one: {@code driver().getCurrentUrl()}), with its status. */
    Download fetch(String href) {
        @SuppressWarnings("unchecked")
        List<Object> answer = (List<Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) {
                  return r.text().then(function (t) {
                    done([r.status, r.headers.get('content-type') || '', r.headers.get('content-disposition') || '', t]);
                  });
                }, function (e) { done([0, '', '', String(e)]); });""", href);
        return new Download(((Number) answer.get(0)).intValue(), (String) answer.get(1), (String) answer.get(2),
                (String) answer.get(3));
    }

    /** An answer fetched by the browser. */
    record Download(int status, String contentType, String disposition, String body) { }

    // --- waiting for answers -------------------------------------------------------------------------------------

    /**
     * Clicks {@code control} (a link, a submit button) and waits for the page it leads to: the old page gone and the
     * new one loaded. A deletion asked for with JavaScript on is confirmed.
     */
    void follow(WebElement control) {
        boolean asks = editor.javascript() && control.getDomAttribute("class") != null
                && control.getDomAttribute("class").contains("coq-danger");
        act(() -> {
            control.click();
            if (asks) {
                wait.until(ExpectedConditions.alertIsPresent()).accept();
            }
        });
    }

    /** Does {@code action} (a click, a key press) that loads a new page, and waits for it. */
    void act(Runnable action) {
        WebElement old = driver.findElement(By.tagName("html"));
        action.run();
        wait.until(d -> isGone(old));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState;")));
    }

    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    ChromeDriver driver() {
        return driver;
    }
}
