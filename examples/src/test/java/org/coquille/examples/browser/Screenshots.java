package org.coquille.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Writes the README's pictures, for the screenshot tests that run only when the system property {@value #PROPERTY}
 * names the folder to write to (relative to the repository root): {@code -Dcoquille.screenshots=docs}.
 */
final class Screenshots {

    static final String PROPERTY = "coquille.screenshots";

    private Screenshots() {
    }

    /** The folder named by {@value #PROPERTY}, from the repository root. */
    static Path folder() {
        Path root = Path.of("").toAbsolutePath();
        if (root.endsWith("examples")) {
            root = root.getParent();
        }
        return root.resolve(System.getProperty(PROPERTY));
    }

    /** The page shown, whole (the window made as tall as the page), up to {@code maxHeight} pixels. */
    static void write(ChromeDriver driver, String name, int maxHeight) throws IOException {
        write(driver, name, Chromium.WIDTH, maxHeight);
    }

    /** The page shown in a window {@code width} pixels wide, whole, up to {@code maxHeight} pixels. */
    static void write(ChromeDriver driver, String name, int width, int maxHeight) throws IOException {
        JavascriptExecutor js = driver;
        js.executeScript("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur();");
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight;")).longValue();
        driver.manage().window().setSize(new Dimension(width, (int) Math.min(maxHeight, Math.max(600, height))));
        Path folder = folder();
        Files.createDirectories(folder);
        Path file = folder.resolve(name);
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(file)).isGreaterThan(10_000);
    }
}
