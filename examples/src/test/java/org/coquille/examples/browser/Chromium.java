package org.coquille.examples.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven through Debian's chromedriver, both named explicitly so that Selenium Manager never
 * looks for (or downloads) a browser. Without them the browser tests are skipped, saying why
 * ({@link IntranetInChromium} is the condition).
 */
final class Chromium {

    /** Set by {@code .ci/run}; otherwise Debian's paths. */
    static final String DRIVER_VARIABLE = "COQUILLE_TEST_CHROMEDRIVER";
    static final String BROWSER_VARIABLE = "COQUILLE_TEST_CHROMIUM";

    /** Every page is laid out in the same window, so that positions can be compared. */
    static final int WIDTH = 1100;
    static final int HEIGHT = 1250;

    /**
     * Selenium warns that it knows no CDP version as new as Debian's Chromium; the tests use no versioned CDP
     * domain (only chromedriver's own {@code executeCdpCommand}), so that warning is noise. Held here: JUL keeps
     * loggers weakly.
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    private final Path driver;
    private final Path browser;

    private Chromium(Path driver, Path browser) {
        this.driver = driver;
        this.browser = browser;
    }

    /** Why the browser tests cannot run here, or empty when Chromium and chromedriver are installed. */
    static Optional<String> missing() {
        if (executable(DRIVER_VARIABLE, "/usr/bin/chromedriver") != null && executable(BROWSER_VARIABLE, "/usr/bin/chromium") != null) {
            return Optional.empty();
        }
        return Optional.of("Browser tests skipped: no Chromium and chromedriver (install the Debian packages chromium"
                + " and chromium-driver, or set " + DRIVER_VARIABLE + " and " + BROWSER_VARIABLE + ")");
    }

    /** The installed Chromium; see {@link #missing()}. */
    static Chromium find() {
        missing().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        return new Chromium(executable(DRIVER_VARIABLE, "/usr/bin/chromedriver"), executable(BROWSER_VARIABLE, "/usr/bin/chromium"));
    }

    private static Path executable(String variable, String fallback) {
        String value = System.getenv(variable);
        Path path = Path.of(value == null || value.isBlank() ? fallback : value);
        return Files.isExecutable(path) ? path : null;
    }

    /** How a person's browser is set up. */
    record Profile(Locale language, boolean javascript) {

        static final Profile ENGLISH = new Profile(Locale.ENGLISH, true);
        static final Profile FRENCH = new Profile(Locale.FRENCH, true);
        static final Profile ENGLISH_NO_SCRIPT = new Profile(Locale.ENGLISH, false);
        static final Profile FRENCH_NO_SCRIPT = new Profile(Locale.FRENCH, false);
    }

    /** A new headless browser with a fresh profile folder under {@code profiles}. */
    ChromeDriver open(Profile profile, Path profiles) throws IOException {
        Path userData = Files.createTempDirectory(profiles, "chromium-");
        String language = profile.language().toLanguageTag();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
                "--disable-sync", "--no-first-run", "--no-default-browser-check", "--password-store=basic",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=" + WIDTH + "," + HEIGHT,
                "--lang=" + language, "--user-data-dir=" + userData);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("intl.accept_languages", language);
        prefs.put("credentials_enable_service", false);
        prefs.put("profile.password_manager_enabled", false);
        if (!profile.javascript()) {
            prefs.put("profile.managed_default_content_settings.javascript", 2);
        }
        options.setExperimentalOption("prefs", prefs);
        options.setExperimentalOption("excludeSwitches", List.of("enable-automation"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        return chrome;
    }
}
