package org.coquille.inject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the expected file of each golden case that has none yet (a left-alone page's expected file is a copy of its
 * input), for a person to check by eye and hex dump before committing. Never overwrites: to redo a case, delete its
 * expected file first. Not a test; run by hand from {@code core/}:
 * {@code java -cp target/classes:target/test-classes:<deps> org.coquille.inject.GoldenExpectedWriter}.
 */
final class GoldenExpectedWriter {

    private GoldenExpectedWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path golden = Path.of(args.length > 0 ? args[0] : "src/test/resources/golden");
        List<String> cases = GoldenFilesTest.cases().toList();
        for (String line : cases) {
            String name = line.substring(0, line.indexOf('=')).strip();
            String[] spec = line.substring(line.indexOf('=') + 1).split(";");
            Path expected = golden.resolve("expected").resolve(name + ".html");
            if (Files.exists(expected)) {
                continue;
            }
            String header = spec[0].strip().equals("none") ? null : spec[0].strip();
            byte[] input = Files.readAllBytes(golden.resolve("input").resolve(name + ".html"));
            Injection injection = new PageInjector(10).inject(input, header, placement(spec[1].strip()),
                    GoldenFilesTest.FRAGMENT);
            Files.write(expected, injection == null ? input : injection.bytes());
            System.out.println((injection == null ? "left alone " : "wrote      ") + expected);
        }
    }

    private static Placement placement(String spec) {
        if (spec.equals("default")) {
            return Placement.DEFAULT;
        }
        String anchor = spec.substring(0, spec.indexOf(' '));
        return new Placement(Placement.Anchor.valueOf(anchor.toUpperCase(java.util.Locale.ROOT)),
                spec.substring(spec.indexOf(' ') + 1));
    }
}
