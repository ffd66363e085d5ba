package org.coquille.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar coquille-gateway.jar}, as the README has it: a process of its own, started and refused. */
class GatewayJarIT {

    private static final Pattern LISTENING = Pattern.compile("Coquille gateway on http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path folder;

    private static Path jar() {
        return Path.of(System.getProperty("gateway.jar", "target/coquille-gateway.jar"));
    }

    private static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    @Test
    void theRunnableJarPutsWidgetsOnTheIntranetsPagesWithItsH2StoreInTheWorkFolder() throws Exception {
        String missing = LegacySite.missing();
        assumeTrue(missing == null, missing);
        Path work = Files.createDirectories(folder.resolve("work"));
        Files.writeString(work.resolve("coquille-pages.properties"), "/* = comments, vote\n");
        try (LegacySite intranet = LegacySite.start(folder)) {
            Process gateway = new ProcessBuilder(java().toString(), "-jar", jar().toString(), "--upstream", intranet.base(),
                    "--port", "0", "--host", "127.0.0.1", "--coquille.workFolder=" + work)
                    .redirectErrorStream(true).start();
            try {
                int port = awaitPort(gateway);
                Http.Answer page = Http.get("http://127.0.0.1:" + port + "/actualites/conges.html", "X-Remote-User", "alice");
                assertThat(page.status()).isEqualTo(200);
                assertThat(page.text()).contains("Cong\u00e9s 2027").contains("id=\"coq-widgets\"");
                assertThat(Files.list(work).map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("coquille."));
            } finally {
                gateway.destroy();
                gateway.waitFor(20, TimeUnit.SECONDS);
                gateway.destroyForcibly();
            }
        }
    }

    @Test
    void aBadCommandLineIsRefusedWithWhatWasWrongAndTheUsage() throws Exception {
        Process gateway = new ProcessBuilder(java().toString(), "-jar", jar().toString(), "--port", "8080")
                .redirectErrorStream(true).start();
        String output = new String(gateway.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gateway.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(gateway.exitValue()).isEqualTo(2);
        assertThat(output).contains("--upstream is required").contains("Usage: java -jar coquille-gateway.jar");
    }

    /** Reads the gateway's log until it says where it listens. */
    private static int awaitPort(Process gateway) throws Exception {
        BufferedReader log = new BufferedReader(new InputStreamReader(gateway.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new java.util.ArrayList<>();
        for (String line; (line = log.readLine()) != null; ) {
            seen.add(line);
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        log.lines().forEach(l -> { });
                    } catch (java.io.UncheckedIOException e) {
                        // the process was stopped: its log ends here
                    }
                }, "gateway-log");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IllegalStateException("the gateway stopped before listening:\n" + String.join("\n", seen));
    }
}
