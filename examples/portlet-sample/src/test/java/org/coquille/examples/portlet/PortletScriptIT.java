package org.coquille.examples.portlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.coquille.Coquille;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.Widget;
import org.coquille.store.MemoryStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Coquille's script in a real browser (Debian's Chromium), on a portal page with two windows of the legacy
 * portlet: a widget posts through the window's resource URL and is swapped in without reloading the page,
 * once, although both windows load the script.
 */
class PortletScriptIT {

    private static final String PAGE = "/sample/embed/legacy-news/legacy-news";

    @TempDir
    static Path work;
    private static Coquille coquille;
    private static EmbeddedPortal portal;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "Chromium and chromedriver are not installed (Debian packages chromium, chromium-driver)");
        coquille = Coquille.builder().store(new MemoryStore())
                .settings(Map.of("coquille.workFolder", work.toString())).build();
        for (String window : List.of("0", "1")) {
            coquille.store().pages().saveSettings(PageSettings.off(PageId.of(PAGE + "?window=" + window))
                    .withWidgets(EnumSet.of(Widget.COMMENTS, Widget.VOTE)));
        }
        portal = new EmbeddedPortal(coquille, work);
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage");
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (portal != null) {
            portal.close();
        }
        if (coquille != null) {
            coquille.close();
        }
    }

    @Test
    void aCommentInTheSecondWindowIsPostedOnceWithoutReloadingThePortalPage() {
        // the portal's login: BASIC, credentials given once in the address as a browser keeps them for the site
        browser.get(portal.base().replace("http://", "http://alice:alice@") + PAGE);
        List<WebElement> sections = browser.findElements(By.cssSelector("section.coq-widgets"));
        assertThat(sections).hasSize(2);
        ((JavascriptExecutor) browser).executeScript("window.coqNotReloaded = true;");

        WebElement second = sections.get(1);
        second.findElement(By.cssSelector("form.coq-new-comment textarea")).sendKeys("Envoyé par le script ✓");
        second.findElement(By.cssSelector("form.coq-new-comment button[type=submit]")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(d -> d.findElements(
                By.cssSelector("section.coq-widgets")).get(1).getText().contains("Envoyé par le script ✓"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.coqNotReloaded === true;"))
                .as("the page was not reloaded").isEqualTo(true);
        assertThat(coquille.comments().visibleTo(null, PageId.of(PAGE + "?window=1")))
                .as("posted once, though both windows load the script").hasSize(1);
        assertThat(coquille.comments().visibleTo(null, PageId.of(PAGE + "?window=0"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("section.coq-widgets")).get(0).getText())
                .doesNotContain("Envoyé par le script");
    }

    @Test
    void aVoteIsSwappedInWithoutReloadingThePage() {
        browser.get(portal.base().replace("http://", "http://alice:alice@") + PAGE);
        ((JavascriptExecutor) browser).executeScript("window.coqNotReloaded = true;");
        WebElement up = browser.findElements(By.cssSelector("section.coq-widgets")).get(0)
                .findElement(By.cssSelector(".coq-vote button[value='1']"));

        up.click();

        // the widgets are swapped whole while the wait looks: an element it just found may be gone at once
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(d -> "true".equals(d.findElements(
                By.cssSelector("section.coq-widgets")).get(0).findElement(By.cssSelector(".coq-vote button[value='1']"))
                .getAttribute("aria-pressed")));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.coqNotReloaded === true;")).isEqualTo(true);
        assertThat(coquille.votes().summary(null, PageId.of(PAGE + "?window=0")).tally().count(1)).isEqualTo(1);
    }
}
