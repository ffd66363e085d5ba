package org.coquille.examples;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves the demo intranet's static pages from the classpath, each with the Content-Type a 2005 server
 * would have sent: most Latin-1, one windows-1252, one UTF-8, and one with no charset in the header at all
 * (its {@code <meta http-equiv>} says it).
 */
final class LegacyPages extends HttpServlet {

    private static final Map<String, String> TYPES = Map.of(
            "/restaurant/menu.html", "text/html; charset=windows-1252",
            "/rh/teletravail.html", "text/html; charset=UTF-8",
            "/rh/conges.html", "text/html",
            "/styles/intranet.css", "text/css");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.equals("/") || path.isEmpty()) {
            path = "/index.html";
        }
        if (path.contains("..")) {
            response.sendError(404);
            return;
        }
        try (InputStream in = LegacyPages.class.getResourceAsStream("/intranet" + path)) {
            if (in == null) {
                response.sendError(404, "Page introuvable");
                return;
            }
            byte[] page = in.readAllBytes();
            response.setContentType(TYPES.getOrDefault(path, "text/html; charset=ISO-8859-1"));
            response.setContentLength(page.length);
            response.getOutputStream().write(page);
        }
    }
}
