package org.coquille.containers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The host application every container serves: JSPs (compiled by the container's own engine) and static files (its
 * default servlet), none of them tied to a servlet API namespace. Pages where the filter adds widgets, by
 * {@code coquille-pages.properties}: all but {@code plain.jsp} and {@code plain.html}.
 */
public final class TestIntranet {

    /** The files of the web application, under {@code webapp/} beside this class. */
    static final List<String> FILES = List.of("page.jsp", "plain.jsp", "include.jsp", "part.jsp", "status.jsp",
            "encoded.jsp", "redirect.jsp", "static.html", "plain.html", "data.json", "style.css");

    /** The filter's cap in the suite: {@code big.html} is over it. */
    static final int MAX_PAGE_SIZE = 64 * 1024;

    private TestIntranet() {
    }

    /** Writes the web application's files into {@code docBase}, and a page bigger than the cap. */
    static Path writeWebApp(Path docBase) {
        try {
            Files.createDirectories(docBase);
            for (String name : FILES) {
                Files.write(docBase.resolve(name), resource("webapp/" + name));
            }
            String line = "<p>Ligne du rapport annuel, trop long pour recevoir des widgets.</p>\n";
            String big = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Rapport</title></head><body>\n"
                    + line.repeat(MAX_PAGE_SIZE / line.length() + 100) + "</body></html>\n";
            Files.writeString(docBase.resolve("big.html"), big, StandardCharsets.UTF_8);
            return docBase;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The filter's init-params, as a {@code web.xml} would give them: a work folder holding the page rules, the store,
     * users from a trusted SSO header ({@code X-Remote-User}, roles in {@code X-Roles}).
     */
    static Map<String, String> filterSettings(Path workFolder, String store) {
        try {
            Files.createDirectories(workFolder);
            Files.write(workFolder.resolve("coquille-pages.properties"), resource("coquille-pages.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = new HashMap<>();
        settings.put("coquille.workFolder", workFolder.toString());
        settings.put("coquille.store", store);
        settings.put("coquille.maxPageSize", String.valueOf(MAX_PAGE_SIZE));
        settings.put("coquille.identity", "header");
        settings.put("coquille.identity.rolesHeader", "X-Roles");
        return settings;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TestIntranet.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }
}
