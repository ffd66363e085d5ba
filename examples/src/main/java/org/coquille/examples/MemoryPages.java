package org.coquille.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The fastest origin there is, for the load test: pages held in memory as bytes and written in one write with their
 * length, as a static file server does. {@code /memory/50k.html} and {@code /memory/300k.html} (and the same under
 * {@code /memory/selector/}, for a page whose widgets go after a CSS selector) are the demo's report page, Latin-1,
 * with its table grown to 50 KB and 300 KB.
 */
public final class MemoryPages extends HttpServlet {

    /** Each page's path (inside the web application) and its bytes. */
    public static final Map<String, byte[]> PAGES = Map.of(
            "/memory/50k.html", report(50_000),
            "/memory/300k.html", report(300_000),
            "/memory/selector/50k.html", report(50_000),
            "/memory/selector/300k.html", report(300_000));

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] page = PAGES.get(req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo()));
        if (page == null) {
            resp.sendError(404);
            return;
        }
        resp.setContentType("text/html;charset=ISO-8859-1");
        resp.setContentLength(page.length);
        resp.getOutputStream().write(page);
    }

    /** The demo's report page with the rows of its table repeated until it has at least {@code size} bytes. */
    static byte[] report(int size) {
        String page;
        try (InputStream in = MemoryPages.class.getResourceAsStream("/intranet/actualites/rapport-annuel.html")) {
            page = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> rows = new ArrayList<>();
        for (String line : page.split("\n")) {
            if (line.startsWith("<tr><td>")) {
                rows.add(line + "\n");
            }
        }
        int tableEnd = page.lastIndexOf("</table>\n<p>Source");
        StringBuilder grown = new StringBuilder(size + 1_000).append(page, 0, tableEnd);
        for (int i = 0; grown.length() + page.length() - tableEnd < size; i++) {
            grown.append(rows.get(i % rows.size()));
        }
        return grown.append(page, tableEnd, page.length()).toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
