package org.coquille.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;

/**
 * The intranet the gateway's tests put Coquille in front of: {@code legacy_site.py}, Python's own {@code http.server}
 * in a process of its own, on a free loopback port. The script's comment lists its pages.
 */
final class LegacySite implements AutoCloseable {

    private final Process process;
    private final int port;

    private LegacySite(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Why it cannot run here, or null: it needs Debian's python3. */
    static String missing() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "python3"))) {
                return null;
            }
        }
        return "Gateway tests skipped: no python3 on the PATH to serve the legacy intranet (Debian's python3)";
    }

    static LegacySite start(Path folder) throws IOException, InterruptedException {
        Path script = folder.resolve("legacy_site.py");
        try (InputStream in = LegacySite.class.getResourceAsStream("legacy_site.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path portFile = folder.resolve("legacy_site.port");
        Process process = new ProcessBuilder("python3", script.toString(), portFile.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("legacy_site.log").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!Files.exists(portFile) || Files.size(portFile) == 0) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IllegalStateException("the legacy site did not start: " + Files.readString(folder.resolve("legacy_site.log")));
            }
            Thread.sleep(50);
        }
        return new LegacySite(process, Integer.parseInt(Files.readString(portFile).strip()));
    }

    /** {@code http://127.0.0.1:port}, without a trailing slash. */
    String base() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
