package org.coquille.servlet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The host application of the filter tests: one servlet that answers each case by its path. */
final class TestPages extends HttpServlet {

    static final String LATIN1_PAGE = "<html><head><title>Caf\u00e9t\u00e9ria</title></head><body><p>Menu du jour : "
            + "blanquette, cr\u00e8me br\u00fbl\u00e9e</p></body></html>";
    static final byte[] LATIN1_BYTES = LATIN1_PAGE.getBytes(StandardCharsets.ISO_8859_1);
    static final String UTF8_PAGE = "<!DOCTYPE html><html><body><h1>\u00c9t\u00e9 \u2014 \u00e0 la une</h1></body></html>";
    static final byte[] BIG = ("<html><body>" + "<p>ligne de rapport annuel</p>\n".repeat(3000) + "</body></html>")
            .getBytes(StandardCharsets.ISO_8859_1);

    /** Bigger than the container's default buffer (Jetty: 32 KiB), smaller than the filter's cap: the demo's report. */
    static final byte[] REPORT = ("<html><body>" + "<p>ligne de rapport annuel</p>\n".repeat(1500) + "</body></html>")
            .getBytes(StandardCharsets.ISO_8859_1);

    /** Released by the test once it has read the first chunk of the streaming page. */
    static volatile CountDownLatch firstChunkRead = new CountDownLatch(1);

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object included = req.getAttribute("jakarta.servlet.include.servlet_path");
        String path = included != null ? included.toString()
                : req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        switch (path) {
            case "/latin1.jsp" -> {
                resp.setContentType("text/html; charset=ISO-8859-1");
                resp.getWriter().write(LATIN1_PAGE);
            }
            case "/stream-bytes.html" -> {
                resp.setContentType("text/html;charset=UTF-8");
                byte[] body = UTF8_PAGE.getBytes(StandardCharsets.UTF_8);
                resp.setContentLength(body.length);
                resp.getOutputStream().write(body);
            }
            case "/header-length.html" -> {
                resp.setContentType("text/html;charset=UTF-8");
                byte[] body = UTF8_PAGE.getBytes(StandardCharsets.UTF_8);
                resp.setHeader("Content-Length", String.valueOf(body.length));
                resp.getOutputStream().write(body);
            }
            case "/off.html" -> {
                resp.setContentType("text/html; charset=ISO-8859-1");
                resp.getOutputStream().write(LATIN1_BYTES);
            }
            case "/data.json" -> {
                resp.setContentType("application/json");
                resp.getOutputStream().write("{\"a\":\"</body>\"}".getBytes(StandardCharsets.UTF_8));
            }
            case "/missing.html" -> resp.sendError(404, "no such page");
            case "/moved.html" -> resp.sendRedirect(req.getContextPath() + "/latin1.jsp");
            case "/not-modified.html" -> {
                resp.setContentType("text/html");
                resp.setStatus(304);
            }
            case "/gzip.html" -> {
                resp.setContentType("text/html; charset=UTF-8");
                resp.setHeader("Content-Encoding", "gzip");
                try (OutputStream out = new GZIPOutputStream(resp.getOutputStream())) {
                    out.write(UTF8_PAGE.getBytes(StandardCharsets.UTF_8));
                }
            }
            case "/download.html" -> {
                resp.setContentType("text/html; charset=UTF-8");
                resp.setHeader("Content-Disposition", "attachment; filename=\"page.html\"");
                resp.getOutputStream().write(UTF8_PAGE.getBytes(StandardCharsets.UTF_8));
            }
            case "/report.html" -> {
                resp.setContentType("text/html; charset=ISO-8859-1");
                resp.setContentLength(REPORT.length);
                resp.getOutputStream().write(REPORT);
            }
            case "/no-store.html" -> {
                resp.setContentType("text/html; charset=UTF-8");
                resp.setHeader("Cache-Control", "no-store");
                resp.getOutputStream().write(UTF8_PAGE.getBytes(StandardCharsets.UTF_8));
            }
            case "/wrong-length.html" -> {
                resp.setContentType("text/html; charset=ISO-8859-1");
                resp.setContentLength(100);
                resp.getOutputStream().write(Arrays.copyOf(BIG, 4270));
            }
            case "/short-length.html" -> {
                resp.setContentType("text/html; charset=UTF-8");
                byte[] body = UTF8_PAGE.getBytes(StandardCharsets.UTF_8);
                resp.setContentLength(body.length + 100);
                resp.getOutputStream().write(body);
            }
            case "/big.html" -> {
                resp.setContentType("text/html; charset=ISO-8859-1");
                resp.getOutputStream().write(BIG);
            }
            case "/streaming.html" -> {
                resp.setContentType("text/html; charset=UTF-8");
                resp.getWriter().write("<html><body><p>first chunk</p>");
                resp.flushBuffer();
                try {
                    if (!firstChunkRead.await(10, TimeUnit.SECONDS)) {
                        resp.getWriter().write("<p>client never saw the first chunk</p>");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                resp.getWriter().write("<p>second chunk</p></body></html>");
            }
            case "/forwarding.jsp" -> {
                try {
                    req.getRequestDispatcher("/latin1.jsp").forward(req, resp);
                } catch (jakarta.servlet.ServletException e) {
                    throw new IOException(e);
                }
            }
            case "/including.jsp" -> {
                resp.setContentType("text/html; charset=ISO-8859-1");
                resp.getWriter().write("<html><body><div>");
                try {
                    req.getRequestDispatcher("/fragment.html").include(req, resp);
                } catch (jakarta.servlet.ServletException e) {
                    throw new IOException(e);
                }
                resp.getWriter().write("</div></body></html>");
            }
            case "/fragment.html" -> resp.getWriter().write("<p>included</p></body>");
            case "/async.html" -> {
                AsyncContext async = req.startAsync();
                async.start(() -> {
                    try {
                        HttpServletResponse r = (HttpServletResponse) async.getResponse();
                        r.setContentType("text/html; charset=UTF-8");
                        r.getWriter().write(UTF8_PAGE);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    } finally {
                        async.complete();
                    }
                });
            }
            case "/failing.jsp" -> {
                resp.setContentType("text/html; charset=ISO-8859-1");
                resp.getWriter().write("<html><body>partial");
                throw new IllegalStateException("the host application failed");
            }
            default -> resp.sendError(404);
        }
    }
}
