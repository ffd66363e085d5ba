package org.coquille.examples.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Deque's axe-core accessibility engine (the {@code axe.min.js} bundled in {@code com.deque.html.axe-core:selenium}),
 * injected into the page by the test and run on one element against the WCAG 2.1 A and AA rules.
 */
final class Axe {

    /** The rule tags checked: WCAG 2.0 and 2.1, levels A and AA. */
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /** One rule broken, and where. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Violation(String id, String impact, String help, List<Node> nodes) {

        @Override
        public String toString() {
            return id + " (" + impact + "): " + help + " at " + nodes;
        }
    }

    /** One element that breaks a rule. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Node(List<Object> target, String html, String failureSummary) {

        @Override
        public String toString() {
            return target + " " + html + " -- " + failureSummary;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String source;

    private Axe() {
    }

    /** The violations of WCAG 2.1 A/AA rules inside the first element matching {@code selector}. */
    static List<Violation> check(WebDriver driver, String selector) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(source());
        Object answer = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var context = document.querySelector(arguments[0]);
                if (!context) { done('ERROR nothing matches ' + arguments[0]); return; }
                axe.run(context, {runOnly: {type: 'tag', values: arguments[1]}, resultTypes: ['violations']})
                  .then(function (r) { done(JSON.stringify({checked: r.passes.length + r.violations.length, violations: r.violations})); },
                        function (e) { done('ERROR ' + e); });""", selector, WCAG_21_AA);
        String text = String.valueOf(answer);
        if (text.startsWith("ERROR")) {
            throw new IllegalStateException("axe did not run: " + text);
        }
        try {
            Result result = JSON.readValue(text, new TypeReference<Result>() { });
            if (result.checked() == 0) {
                throw new IllegalStateException("axe checked no rule at all in " + selector);
            }
            return result.violations();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("axe's answer is not JSON: " + text, e);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Result(int checked, List<Violation> violations) { }

    private static synchronized String source() {
        if (source == null) {
            try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
                }
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }
}
