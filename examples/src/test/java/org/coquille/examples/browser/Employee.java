package org.coquille.examples.browser;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One person at one browser, logged in to the demo intranet through its login form. */
final class Employee {

    private final String name;
    private final Chromium.Profile profile;
    private final ChromeDriver driver;
    private final String base;

    Employee(String name, Chromium.Profile profile, ChromeDriver driver, String base) {
        this.name = name;
        this.profile = profile;
        this.driver = driver;
        this.base = base;
    }

    void logIn() {
        driver.get(base + "/index.html");
        driver.findElement(By.id("u")).sendKeys(name);
        driver.findElement(By.id("p")).sendKeys(name);
        driver.findElement(By.cssSelector("input[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("login")));
    }

    /** Opens {@code path} of the intranet (e.g. {@code /actualites/nouveau-restaurant.html}) and returns its widgets. */
    Widgets open(String path) {
        driver.get(base + path);
        return widgets();
    }

    /** The widgets of the page shown now. */
    Widgets widgets() {
        return new Widgets(driver, profile.javascript());
    }

    /** Leaves a mark on the page's {@code window}: it survives as long as the page is not reloaded. */
    void markPage() {
        ((JavascriptExecutor) driver).executeScript("window.__coqSamePage = location.href;");
    }

    /** Whether the page marked last is still the one shown (no navigation, no reload since). */
    boolean stillOnMarkedPage() {
        return ((JavascriptExecutor) driver).executeScript("return window.__coqSamePage || null;") != null;
    }

    String url() {
        return driver.getCurrentUrl();
    }

    boolean javascript() {
        return profile.javascript();
    }

    String name() {
        return name;
    }

    ChromeDriver driver() {
        return driver;
    }

    void quit() {
        driver.quit();
    }
}
