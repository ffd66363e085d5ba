package org.coquille.examples.browser;

import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/** A person with a keyboard and no mouse: keys go to whatever has the focus. */
final class Keyboard {

    /** More Tab presses than any demo page has stops. */
    private static final int MAX_TABS = 150;

    private final ChromeDriver driver;

    Keyboard(ChromeDriver driver) {
        this.driver = driver;
    }

    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Ctrl+A: selects everything in the focused field. */
    void selectAll() {
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).perform();
    }

    void type(String text) {
        new Actions(driver).sendKeys(text).perform();
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Whether the focused element matches {@code css}. */
    boolean focusedMatches(String css) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "return !!document.activeElement && document.activeElement.matches(arguments[0]);", css));
    }

    /** Presses Tab until the focus is on an element matching {@code css}; fails when it never gets there. */
    WebElement tabTo(String css) {
        for (int i = 0; i < MAX_TABS; i++) {
            press(Keys.TAB);
            if (focusedMatches(css)) {
                return focused();
            }
        }
        throw new AssertionError("Tab never reaches " + css);
    }

    /** Where Tab stopped, and whether the focus could be seen there. */
    record Stop(WebElement element, boolean focusVisible) { }

    /** From the top of the page, every element Tab stops on, in order, until the focus leaves the page. */
    List<Stop> tabOrder() {
        ((JavascriptExecutor) driver).executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i < MAX_TABS; i++) {
            press(Keys.TAB);
            WebElement now = focused();
            if (now.getTagName().equalsIgnoreCase("body") || (!stops.isEmpty() && now.equals(stops.get(0).element()))) {
                break;
            }
            stops.add(new Stop(now, focusVisible()));
        }
        return stops;
    }

    /** Whether the focused element shows it: an outline or a shadow drawn around it. */
    boolean focusVisible() {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("""
                var s = getComputedStyle(document.activeElement);
                var outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
                return outline || (s.boxShadow && s.boxShadow !== 'none');"""));
    }
}
