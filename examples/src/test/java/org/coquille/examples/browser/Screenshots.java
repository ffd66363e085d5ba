package org.coquille.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
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

    /**
     * One part of the page ({@code part}), in a window {@code width} pixels wide, whole even where it goes past the
     * window (Chromium's own capture beyond the viewport, through the DevTools protocol).
     */
    static void write(ChromeDriver driver, String name, int width, By part) throws IOException {
        driver.manage().window().setSize(new Dimension(width, 1000));
        WebElement element = driver.findElement(part);
        driver.executeScript("document.activeElement && document.activeElement.blur();");
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) driver.executeScript("const r = arguments[0].getBoundingClientRect();"
                + " return {x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height};",
                element);
        Map<String, Object> clip = new HashMap<>();
        for (String k : List.of("x", "y", "width", "height")) {
            clip.put(k, ((Number) box.get(k)).doubleValue());
        }
        clip.put("scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Path folder = folder();
        Files.createDirectories(folder);
        Path file = folder.resolve(name);
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        assertThat(Files.size(file)).isGreaterThan(10_000);
    }
}
