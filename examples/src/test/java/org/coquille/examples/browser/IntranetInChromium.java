package org.coquille.examples.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.coquille.examples.BareIntranet;
import org.coquille.examples.DemoIntranet;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The fixture every browser test class shares: the demo intranet started in-process on a free loopback port
 * with a fresh work folder (so each class starts with no comments, votes or reactions), the same pages without
 * Coquille to compare with, and the Chromium sessions the class opens, closed after it. When a test fails, each
 * open browser's screen is saved under {@code target/browser-failures/}.
 *
 * <pre>{@code @RegisterExtension static final IntranetInChromium intranet = new IntranetInChromium();}</pre>
 *
 * <p>Scenarios for editors (the console, the report) are more test classes with this same extension:
 * {@code intranet.employee("edith", profile)} logs in the demo's editor, {@link EditorsConsole} drives the console.
 */
final class IntranetInChromium implements ExecutionCondition, BeforeAllCallback, AfterAllCallback, TestWatcher {

    private static final AtomicBoolean SAID_WHY = new AtomicBoolean();

    private Chromium chromium;
    private Path folder;
    private DemoIntranet demo;
    private BareIntranet bare;
    private final List<Employee> sessions = new ArrayList<>();
    private String extraPageRules = "";
    private String settings = "";

    /**
     * Adds page rules (lines of {@code coquille-pages.properties}) to the demo's own, for pages the demo leaves
     * without widgets: they go, with the demo's, into the work folder, where Coquille reads them first.
     */
    IntranetInChromium withPageRules(String... lines) {
        extraPageRules = String.join("\n", lines) + "\n";
        return this;
    }

    /** Adds {@code coquille.*} settings (lines of {@code coquille.properties}), written into the demo's work folder. */
    IntranetInChromium withSettings(String... lines) {
        settings = String.join("\n", lines) + "\n";
        return this;
    }

    /** Skips the tests, saying why, where there is no browser to run them in. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> missing = Chromium.missing();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
        }
        if (SAID_WHY.compareAndSet(false, true)) {
            System.err.println(missing.get());
        }
        return ConditionEvaluationResult.disabled(missing.get());
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (Chromium.missing().isPresent()) {
            return;
        }
        chromium = Chromium.find();
        folder = Files.createTempDirectory("coquille-browser-");
        Path work = Files.createDirectory(folder.resolve("work"));
        if (!extraPageRules.isEmpty()) {
            try (InputStream demoRules = DemoIntranet.class.getResourceAsStream("/coquille-pages.properties")) {
                Files.writeString(work.resolve("coquille-pages.properties"),
                        new String(demoRules.readAllBytes(), StandardCharsets.UTF_8) + extraPageRules, StandardCharsets.UTF_8);
            }
        }
        if (!settings.isEmpty()) {
            Files.writeString(work.resolve("coquille.properties"), settings, StandardCharsets.UTF_8);
        }
        demo = DemoIntranet.start(0, work);
        bare = BareIntranet.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            for (Employee session : sessions) {
                session.quit();
            }
            sessions.clear();
            if (bare != null) {
                bare.close();
            }
            if (demo != null) {
                demo.close();
            }
        } finally {
            if (folder != null) {
                delete(folder);
            }
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Path out = Path.of("target", "browser-failures");
        int n = 0;
        for (Employee session : sessions) {
            try {
                Files.createDirectories(out);
                byte[] png = session.driver().getScreenshotAs(OutputType.BYTES);
                Files.write(out.resolve(context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName() + "-" + (++n) + "-" + session.name() + ".png"), png);
            } catch (RuntimeException | IOException e) {
                cause.addSuppressed(e);
            }
        }
    }

    /** The demo with Coquille, for tests that prepare data through its API (a poll, say). */
    DemoIntranet demo() {
        return demo;
    }

    /** The demo's work folder (its H2 database, its installation key). */
    Path work() {
        return folder.resolve("work");
    }

    /** The address of the demo with Coquille, without a trailing slash. */
    String base() {
        return BareIntranet.base(demo);
    }

    /** The address of the same pages without Coquille. */
    String bareBase() {
        return bare.base();
    }

    /** A new browser session of {@code user} (password = user name in the demo), logged in through the form. */
    Employee employee(String user, Chromium.Profile profile) throws IOException {
        ChromeDriver driver = chromium.open(profile, folder);
        Employee employee = new Employee(user, profile, driver, base());
        sessions.add(employee);
        employee.logIn();
        return employee;
    }

    /** A new browser session of nobody in particular (not logged in). */
    ChromeDriver stranger(Chromium.Profile profile) throws IOException {
        ChromeDriver driver = chromium.open(profile, folder);
        sessions.add(new Employee("stranger", profile, driver, base()));
        return driver;
    }

    /** Best effort: a browser that has just quit may still be writing into its profile folder. */
    private static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete all of " + root + ": " + e);
        }
    }
}
