package org.coquille.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: each legacy page in {@code golden/input/} must come out exactly as {@code golden/expected/}
 * says, and the output minus the fragment must be the input, byte for byte. An expected file identical to
 * its input means the page is left alone. {@code golden/cases.properties} gives each case's header charset
 * and placement. The expected files were generated once and checked by eye (and with a hex dump for the
 * encodings); this test never writes them.
 */
class GoldenFilesTest {

    static final String FRAGMENT = "<div class=\"coq-widgets\">Réactions ✓ €</div>";

    static Stream<String> cases() throws IOException {
        Properties cases = new Properties();
        try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/cases.properties")) {
            cases.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return cases.stringPropertyNames().stream().sorted().map(name -> name + "=" + cases.getProperty(name));
    }

    private static byte[] read(String path) throws IOException {
        try (InputStream in = GoldenFilesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pageComesOutAsExpectedWithEveryOtherByteKept(String line) throws IOException {
        String name = line.substring(0, line.indexOf('='));
        String[] spec = line.substring(line.indexOf('=') + 1).split(";");
        String header = spec[0].strip().equals("none") ? null : spec[0].strip();
        byte[] input = read("/golden/input/" + name + ".html");
        byte[] expected = read("/golden/expected/" + name + ".html");

        Injection injection = new PageInjector(10).inject(input, header, placement(spec[1].strip()), FRAGMENT);

        if (Arrays.equals(input, expected)) {
            assertThat(injection).as("left alone").isNull();
            return;
        }
        assertThat(injection).isNotNull();
        assertThat(injection.bytes()).isEqualTo(expected);
        byte[] out = injection.bytes();
        byte[] withoutFragment = new byte[out.length - injection.fragmentLength()];
        System.arraycopy(out, 0, withoutFragment, 0, injection.offset());
        System.arraycopy(out, injection.offset() + injection.fragmentLength(), withoutFragment, injection.offset(),
                out.length - injection.offset() - injection.fragmentLength());
        assertThat(withoutFragment).isEqualTo(input);
    }

    private static Placement placement(String spec) {
        if (spec.equals("default")) {
            return Placement.DEFAULT;
        }
        String selector = spec.substring(spec.indexOf(' ') + 1);
        return switch (spec.substring(0, spec.indexOf(' '))) {
            case "before" -> Placement.before(selector);
            case "after" -> Placement.after(selector);
            default -> Placement.inside(selector);
        };
    }
}
