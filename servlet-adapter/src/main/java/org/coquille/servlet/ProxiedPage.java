package org.coquille.servlet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.coquille.Coquille;
import org.coquille.PageLook;
import org.coquille.WarnOnce;
import org.coquille.inject.Injection;
import org.coquille.inject.PageBuffer;
import org.coquille.inject.PageBuffers;

/**
 * A page that an asynchronous proxy behind {@link CoquilleFilter} answers (the gateway's; see
 * {@link CoquilleFilter#forProxy}): the filter looked at the request, and the proxy, which holds the page itself, asks
 * this whether to hold it once the intranet's headers are in the response, then for the widgets once the whole page is
 * in hand. The same rules as the filter's own: only a 200 HTML page, not compressed, not an attachment, under the size
 * cap is held; its validators go out only with the page as it was; a decorated page is {@code private, no-cache}; any
 * failure sends the page as it came. The proxy sends the length of what it sends. Headers are removed with
 * {@code setHeader(name, null)}, which Jetty, the gateway's container, honours.
 *
 * <pre>{@code
 * ProxiedPage page = ProxiedPage.of(request);     // null: nothing to count or decorate
 * if (page != null && page.hold(response)) {       // the intranet's status and headers are in the response
 *     PageBuffer held = page.buffer();
 *     ... held.write(part) for each part of the body ...
 *     Injection decorated = page.decorate(response, held.bytes(), held.length());   // null: send it as it was
 * }
 * }</pre>
 */
public final class ProxiedPage {

    private static final List<String> VALIDATORS = List.of("ETag", "Last-Modified");

    private final Coquille coquille;
    private final ServletHttpRequest request;
    private final PageLook look;
    private final int maxPageSize;
    private final PageBuffers buffers;
    private final WarnOnce warnings;
    private final List<String[]> withheldValidators = new ArrayList<>(2);
    private long announcedLength = -1;

    ProxiedPage(Coquille coquille, ServletHttpRequest request, PageLook look, int maxPageSize, PageBuffers buffers,
                WarnOnce warnings) {
        this.coquille = coquille;
        this.request = request;
        this.look = look;
        this.maxPageSize = maxPageSize;
        this.buffers = buffers;
        this.warnings = warnings;
    }

    /** The page the filter handed on with {@code request}, or {@code null}: nothing for Coquille to count or decorate. */
    public static ProxiedPage of(HttpServletRequest request) {
        return request.getAttribute(CoquilleFilter.PAGE_ATTRIBUTE) instanceof ProxiedPage page ? page : null;
    }

    /**
     * Decides, with the intranet's status and headers in {@code response} and none of its body sent, whether the proxy
     * holds the body back for {@link #decorate}. A page not held is counted here when it is a page at all (200, HTML).
     * A HEAD for a page that would get widgets gets the decorated page's headers here, without a length, and is
     * committed: there is no body to wait for. Returns false for everything that streams through as it comes.
     *
     * @throws IOException when a HEAD's headers cannot be sent (the visitor left)
     */
    public boolean hold(HttpServletResponse response) throws IOException {
        if (!look.holdBack()) {
            if (response.getStatus() == HttpServletResponse.SC_OK && PageResponseWrapper.isHtml(response.getContentType())) {
                coquille.countView(request, look);
            }
            return false;
        }
        announcedLength = contentLength(response);
        if (!PageResponseWrapper.isDecoratable(response, announcedLength, maxPageSize)) {
            return false;
        }
        if ("HEAD".equals(request.method())) {
            // as the filter answers a HEAD: a GET's headers, no length (the widgets' length is known once rendered)
            VALIDATORS.forEach(name -> response.setHeader(name, null));
            response.setHeader("Content-Length", null);
            DecoratedPageHeaders.set(response);
            response.flushBuffer();
            return false;
        }
        for (String name : VALIDATORS) {
            String value = response.getHeader(name);
            if (value != null) {
                withheldValidators.add(new String[] {name, value});
                response.setHeader(name, null);
            }
        }
        return true;
    }

    /** The largest page held back, in bytes: past it, the proxy sends what it held and streams the rest. */
    public int maxPageSize() {
        return maxPageSize;
    }

    /**
     * A buffer for the held page, sized from the length the intranet announced; the proxy releases it once the page is
     * written, or drops it if the response failed while a write may still read it.
     */
    public PageBuffer buffer() {
        return buffers.take(announcedLength > 0 ? (int) announcedLength : PageResponseWrapper.FIRST_ROOM);
    }

    /**
     * The whole held page with the widgets in it, the response's headers made those of a decorated page; or
     * {@code null} to send the page as it came, with its headers as they came. Never throws.
     *
     * @param page   an array whose first {@code length} bytes are the page as the intranet sent it
     */
    public Injection decorate(HttpServletResponse response, byte[] page, int length) {
        Injection decorated = null;
        try {
            decorated = coquille.decoration(request, look, page, length,
                    PageResponseWrapper.headerCharset(response.getContentType()));
        } catch (RuntimeException e) {
            warnings.warn("Coquille failed on " + request.path(), e);
        }
        if (decorated == null) {
            passOn(response);
            return null;
        }
        DecoratedPageHeaders.set(response);
        return decorated;
    }

    /** The page goes as it came (it grew past {@link #maxPageSize()}, or gets no widgets): with its validators. */
    public void passOn(HttpServletResponse response) {
        for (String[] validator : withheldValidators) {
            response.setHeader(validator[0], validator[1]);
        }
        withheldValidators.clear();
    }

    private static long contentLength(HttpServletResponse response) {
        String value = response.getHeader("Content-Length");
        try {
            return value == null ? -1 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
