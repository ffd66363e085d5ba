package org.coquille.examples.browser;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Coquille's widgets on the page a browser shows, used as a person uses them: typing, clicking, reading what
 * is shown. Each action waits for its answer: the widgets swapped in place (JavaScript on) or the page loaded
 * again after the redirect (JavaScript off).
 */
final class Widgets {

    static final By ROOT = By.cssSelector("section.coq-widgets");

    /** A comment as shown. */
    record ShownComment(String author, String body, boolean reply, boolean mine) { }

    private final WebDriver driver;
    private final boolean javascript;
    private final WebDriverWait wait;

    Widgets(WebDriver driver, boolean javascript) {
        this.driver = driver;
        this.javascript = javascript;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    WebElement root() {
        return driver.findElement(ROOT);
    }

    boolean shown() {
        return !driver.findElements(ROOT).isEmpty();
    }

    /** The kinds of widget shown ({@code comments}, {@code vote}, {@code reactions}...), none when Coquille shows nothing. */
    Set<String> kinds() {
        Set<String> kinds = new TreeSet<>();
        for (WebElement root : driver.findElements(ROOT)) {
            for (WebElement widget : root.findElements(By.cssSelector(".coq-widget"))) {
                for (String name : widget.getDomAttribute("class").split("\\s+")) {
                    if (name.startsWith("coq-") && !name.equals("coq-widget")) {
                        kinds.add(name.substring("coq-".length()));
                    }
                }
            }
        }
        return kinds;
    }

    // --- comments ----------------------------------------------------------------------------------------------

    void comment(String text) {
        WebElement box = root().findElement(By.cssSelector(".coq-new-comment textarea"));
        box.clear();
        type(box, text);
        act(box.findElement(By.xpath("./ancestor::form[1]//button[@type='submit']")));
    }

    void reply(String toBody, String text) {
        WebElement details = item(toBody).findElement(By.xpath("./details[contains(@class,'coq-reply')]"));
        details.findElement(By.tagName("summary")).click();
        details.findElement(By.tagName("textarea")).sendKeys(text);
        act(details.findElement(By.cssSelector("button[type=submit]")));
    }

    void edit(String oldBody, String newBody) {
        WebElement details = article(oldBody).findElement(By.cssSelector("details.coq-edit"));
        details.findElement(By.tagName("summary")).click();
        WebElement box = details.findElement(By.tagName("textarea"));
        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        box.sendKeys(newBody);
        act(details.findElement(By.cssSelector("button[type=submit]")));
    }

    void delete(String body) {
        act(article(body).findElement(By.cssSelector("form.coq-inline button")));
    }

    /**
     * Types {@code text} into {@code box}. A longer text is pasted (set at once) but for its last character, which
     * is typed: typing keys one by one takes seconds per thousand and proves nothing more.
     */
    void type(WebElement box, String text) {
        if (text.length() > 40) {
            ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", box,
                    text.substring(0, text.length() - 1));
            box.sendKeys(text.substring(text.length() - 1));
        } else {
            box.sendKeys(text);
        }
    }

    List<ShownComment> comments() {
        return root().findElements(By.cssSelector(".coq-comments article.coq-comment")).stream()
                .map(a -> new ShownComment(a.findElement(By.cssSelector(".coq-author")).getText(),
                        a.findElement(By.cssSelector(".coq-body")).getText(),
                        !a.findElements(By.xpath("./ancestor::ol[contains(@class,'coq-replies')]")).isEmpty(),
                        !a.findElements(By.cssSelector("details.coq-edit")).isEmpty()))
                .toList();
    }

    /** The title of the comments widget, with its count ("Comments (2)"). */
    String commentsTitle() {
        return root().findElement(By.cssSelector(".coq-comments .coq-title")).getText();
    }

    WebElement article(String body) {
        return root().findElements(By.cssSelector("article.coq-comment")).stream()
                .filter(a -> a.findElement(By.cssSelector(".coq-body")).getText().equals(body))
                .findFirst().orElseThrow(() -> new AssertionError("No comment shown says: " + body));
    }

    private WebElement item(String body) {
        return article(body).findElement(By.xpath("./parent::li"));
    }

    // --- vote --------------------------------------------------------------------------------------------------

    /** Presses the vote button for {@code value} (1 useful, -1 not useful; 1 to 5 stars). */
    void vote(int value) {
        act(voteButton(value));
    }

    WebElement voteButton(int value) {
        return root().findElement(By.cssSelector(".coq-vote button[name=coq_vote][value='" + value + "']"));
    }

    /** The value of the vote button shown as pressed, if any. */
    Optional<Integer> myVote() {
        return root().findElements(By.cssSelector(".coq-vote button[aria-pressed=true]")).stream()
                .map(b -> Integer.valueOf(b.getDomAttribute("value"))).findFirst();
    }

    /** The thumbs' counts as shown on the buttons, keyed by value. */
    Map<Integer, String> thumbs() {
        Map<Integer, String> shown = new LinkedHashMap<>();
        for (WebElement b : root().findElements(By.cssSelector(".coq-vote button[name=coq_vote]"))) {
            shown.put(Integer.valueOf(b.getDomAttribute("value")), b.getText());
        }
        return shown;
    }

    /** The stars' average line ("Average 4.0 from one vote"). */
    String average() {
        return root().findElement(By.cssSelector(".coq-vote .coq-average")).getText();
    }

    // --- reactions ---------------------------------------------------------------------------------------------

    void toggleReaction(String emoji) {
        act(reactionButton(emoji));
    }

    WebElement reactionButton(String emoji) {
        return root().findElements(By.cssSelector(".coq-reactions button[name=coq_reaction]")).stream()
                .filter(b -> b.getDomAttribute("value").substring(b.getDomAttribute("value").indexOf(':') + 1).equals(emoji))
                .findFirst().orElseThrow(() -> new AssertionError("No reaction button for " + emoji));
    }

    boolean reacted(String emoji) {
        return "true".equals(reactionButton(emoji).getDomAttribute("aria-pressed"));
    }

    long reactionCount(String emoji) {
        return Long.parseLong(reactionButton(emoji).findElement(By.cssSelector(".coq-count")).getText());
    }

    // --- polls -------------------------------------------------------------------------------------------------

    WebElement poll(String question) {
        return root().findElements(By.cssSelector(".coq-poll")).stream()
                .filter(p -> p.findElement(By.tagName("legend")).getText().equals(question))
                .findFirst().orElseThrow(() -> new AssertionError("No poll asks: " + question));
    }

    void answerPoll(String question, String option) {
        WebElement poll = poll(question);
        poll.findElements(By.cssSelector(".coq-option label")).stream()
                .filter(l -> l.getText().equals(option)).findFirst()
                .orElseThrow(() -> new AssertionError("No option " + option)).click();
        act(poll.findElement(By.cssSelector("button[type=submit]")));
    }

    /** The shares shown per option ("50 %"), empty when results are not shown. */
    Map<String, String> pollResults(String question) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (WebElement option : poll(question).findElements(By.cssSelector(".coq-option"))) {
            List<WebElement> percent = option.findElements(By.cssSelector(".coq-percent"));
            if (!percent.isEmpty()) {
                shown.put(option.findElement(By.tagName("label")).getText(), percent.get(0).getText());
            }
        }
        return shown;
    }

    /** The line under a poll (who answered, or when results show). */
    String pollMeta(String question) {
        return poll(question).findElement(By.cssSelector(".coq-meta")).getText();
    }

    // --- messages ----------------------------------------------------------------------------------------------

    /** The message shown in the widget after the last action (the visible notice, error or not). */
    String notice() {
        return root().findElement(By.cssSelector(".coq-notice")).getText();
    }

    /** The error shown in the widget, if any. */
    Optional<String> error() {
        return root().findElements(By.cssSelector(".coq-error")).stream().map(WebElement::getText).findFirst();
    }

    // --- waiting for answers -----------------------------------------------------------------------------------

    /** Clicks {@code control} and waits for the answer. */
    void act(WebElement control) {
        act(control::click);
    }

    /** Does {@code action} (a click, a key press) and waits until the widgets shown are the answer to it. */
    void act(Runnable action) {
        WebElement old = root();
        action.run();
        wait.until(d -> isGone(old));
        wait.until(d -> {
            List<WebElement> now = d.findElements(ROOT);
            return !now.isEmpty() && now.get(0).getDomAttribute("aria-busy") == null;
        });
    }

    /**
     * Whether {@code element} left the document. While a page is being replaced (no-JS post and redirect) Chromium may
     * answer with an inspector error instead of a stale-element one: the element is gone all the same.
     */
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

    boolean javascript() {
        return javascript;
    }
}
