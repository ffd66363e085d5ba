package org.coquille.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
            if (request.isUserInRole("coquille-editor")) {
                page = withConsoleLink(page, request.getContextPath());
            }
            response.setContentType(TYPES.getOrDefault(path, "text/html; charset=ISO-8859-1"));
            response.setContentLength(page.length);
            response.getOutputStream().write(page);
        }
    }

    /** The text before the logout link in every page's banner, in ASCII (entities), so it is found in any charset. */
    private static final String BANNER = "Vous &ecirc;tes connect&eacute; &middot; ";

    /**
     * The page with a link to Coquille's console in its banner, as the intranet shows it to its editors: the one
     * change the host makes for Coquille, and only for them.
     */
    static byte[] withConsoleLink(byte[] page, String contextPath) {
        String text = new String(page, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(BANNER);
        if (at < 0) {
            return page;
        }
        int end = at + BANNER.length();
        String link = "<a href=\"" + contextPath + "/_coquille/console/\" class=\"console-coquille\">"
                + "<font color=\"#FFFFFF\">Console Coquille</font></a> &middot; ";
        return (text.substring(0, end) + link + text.substring(end)).getBytes(StandardCharsets.ISO_8859_1);
    }
}
