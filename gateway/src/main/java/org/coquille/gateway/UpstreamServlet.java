package org.coquille.gateway;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.coquille.servlet.CoquilleFilter;
import org.coquille.servlet.ProxiedPage;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.ee10.proxy.AsyncMiddleManServlet;
import org.eclipse.jetty.ee10.servlet.HttpOutput;
import org.eclipse.jetty.http.HttpHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's asynchronous transparent proxy ({@code AsyncMiddleManServlet}): Jetty's rewriting of the target, its
 * request headers ({@code X-Forwarded-*}, {@code Via}, hop-by-hop headers dropped), its {@code HttpClient} and its
 * response headers, with each part of the intranet's answer written to the visitor from the client's own thread, as it
 * arrives; no thread waits for the intranet. {@link CoquilleFilter}, in front of it ({@link CoquilleFilter#forProxy}),
 * holds no page: it hands each page request on with a {@link ProxiedPage}, and a page that may get widgets is held here
 * ({@link HeldPage}) and decorated once its last byte has arrived.
 *
 * <p>On top of Jetty's proxy it asks the intranet for an uncompressed page when widgets may be added to it, makes the
 * intranet's addresses in {@code Location} and {@code Set-Cookie} the gateway's ({@link AddressRewriter}), never passes
 * on an identity header that a visitor could have forged, keeps the intranet's {@code Content-Length} on what passes
 * untouched (and sends the decorated page's own), passes each part of a streamed answer on as it comes, and answers a
 * dead or slow intranet with a plain 502 or 504 ({@link PlainErrors}).
 */
final class UpstreamServlet extends AsyncMiddleManServlet.Transparent {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamServlet.class);

    /** The request attribute holding the {@link HeldPage} of a page held for widgets. */
    private static final String HELD = UpstreamServlet.class.getName() + ".held";

    private final AddressRewriter addresses;
    private final List<String> identityHeaders;
    private final Set<String> trustedProxies;

    /**
     * @param identityHeaders the headers that carry who the visitor is (Coquille's identity and roles headers)
     * @param trustedProxies  the addresses those headers are believed from; from anyone else they are dropped
     */
    UpstreamServlet(AddressRewriter addresses, List<String> identityHeaders, Set<String> trustedProxies) {
        this.addresses = addresses;
        this.identityHeaders = List.copyOf(identityHeaders);
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    @Override
    protected void onProxyRewriteFailed(HttpServletRequest request, HttpServletResponse response) {
        fail(request, response, HttpServletResponse.SC_BAD_GATEWAY, "This address cannot be forwarded to the intranet.");
    }

    @Override
    protected void copyRequestHeaders(HttpServletRequest request, Request upstream) {
        super.copyRequestHeaders(request, upstream);
        if (!trustedProxies.contains(request.getRemoteAddr())) {
            upstream.headers(headers -> identityHeaders.forEach(headers::remove));
        }
        if (request.getAttribute(CoquilleFilter.WIDGETS_ATTRIBUTE) != null) {
            // the widgets go into the page's bytes: ask for them uncompressed (a compressed page would pass untouched)
            upstream.headers(headers -> headers.put(HttpHeader.ACCEPT_ENCODING, "identity"));
        }
    }

    @Override
    protected void sendProxyRequest(HttpServletRequest request, HttpServletResponse response, Request upstream) {
        // the timeout is for the intranet's silence, not for the whole answer: a long download or a page streamed
        // slowly goes on as long as bytes keep coming
        upstream.timeout(0, TimeUnit.MILLISECONDS);
        upstream.idleTimeout(getTimeout(), TimeUnit.MILLISECONDS);
        super.sendProxyRequest(request, response, upstream);
    }

    @Override
    protected void onServerResponseHeaders(HttpServletRequest request, HttpServletResponse response, Response answer) {
        super.onServerResponseHeaders(request, response, answer);
        ProxiedPage page = ProxiedPage.of(request);
        if (page == null) {
            return;
        }
        try {
            if (page.hold(response)) {
                request.setAttribute(HELD, new HeldPage(page, response));
            }
        } catch (IOException e) {
            answer.abort(e); // a HEAD whose headers could not be sent: the visitor left
        }
    }

    @Override
    protected ContentTransformer newServerResponseContentTransformer(HttpServletRequest request,
                                                                     HttpServletResponse response, Response answer) {
        return request.getAttribute(HELD) instanceof HeldPage held ? held : ContentTransformer.IDENTITY;
    }

    @Override
    protected ProxyWriter newProxyWriteListener(HttpServletRequest request, Response answer) {
        return new LengthKeepingWriter(request, answer);
    }

    /**
     * Writes a part as it is, without copying it into an array first, and at once: Jetty's servlet output would
     * otherwise keep a small part of a streamed answer until more came.
     */
    @Override
    protected void writeProxyResponseContent(ServletOutputStream output, ByteBuffer content) throws IOException {
        if (output instanceof HttpOutput jetty) {
            jetty.write(content);
        } else {
            super.writeProxyResponseContent(output, content);
        }
    }

    @Override
    protected void onProxyResponseSuccess(HttpServletRequest request, HttpServletResponse response, Response answer) {
        if (request.getAttribute(HELD) instanceof HeldPage held) {
            held.ended();
        }
        release(request, true);
        super.onProxyResponseSuccess(request, response, answer);
    }

    @Override
    protected void onProxyResponseFailure(HttpServletRequest request, HttpServletResponse response, Response answer,
                                          Throwable failure) {
        release(request, false);
        String target = request.getRequestURI();
        if (failure instanceof TimeoutException) {
            LOG.warn("The intranet did not answer {} within {} ms", target, getTimeout());
            fail(request, response, HttpServletResponse.SC_GATEWAY_TIMEOUT, "The intranet did not answer in time.");
        } else if (failure instanceof ConnectException) {
            LOG.warn("The intranet could not be reached for {}: {}", target, failure.getMessage());
            fail(request, response, HttpServletResponse.SC_BAD_GATEWAY, "The intranet cannot be reached.");
        } else {
            LOG.warn("The intranet's answer for {} broke off: {}", target, failure.getClass().getSimpleName());
            fail(request, response, HttpServletResponse.SC_BAD_GATEWAY, "The intranet's answer could not be read.");
        }
    }

    private static void release(HttpServletRequest request, boolean reuse) {
        if (request.getAttribute(HELD) instanceof HeldPage held) {
            held.release(reuse);
        }
    }

    /**
     * The gateway's own answer to a failure: a plain page ({@link PlainErrors}) while nothing of the intranet's answer
     * has left; once part of it has, the visitor's connection is cut, as the intranet's was, so that part of a page
     * never passes for a whole one.
     */
    private static void fail(HttpServletRequest request, HttpServletResponse response, int status, String message) {
        try {
            if (response.isCommitted()) {
                response.sendError(-1);
            } else {
                response.resetBuffer();
                response.sendError(status, message);
            }
        } catch (IOException | IllegalStateException e) {
            LOG.debug("The gateway's error answer could not be sent: {}", e.toString());
        } finally {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().complete();
            }
        }
    }

    @Override
    protected String filterServerResponseHeader(HttpServletRequest request, Response serverResponse, String name,
                                                String value) {
        if (HttpHeader.DATE.is(name)) {
            return null; // the gateway's own Date goes out, once
        }
        if (HttpHeader.LOCATION.is(name) || HttpHeader.CONTENT_LOCATION.is(name)) {
            return addresses.location(value, publicOrigin(request));
        }
        if (HttpHeader.SET_COOKIE.is(name)) {
            return addresses.setCookie(value);
        }
        return value;
    }

    /** The gateway's address as the visitor used it: {@code scheme://host[:port]}. */
    private static String publicOrigin(HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null || host.isBlank()) {
            host = request.getServerName() + ":" + request.getServerPort();
        }
        return request.getScheme() + "://" + host;
    }

    /**
     * Jetty's writer, which first gives the response the length of what it sends: Jetty's middle-man proxy drops the
     * intranet's {@code Content-Length}, since a transformation may change the body; here what passes untouched keeps
     * it, and a held page gets its own (with the widgets, or as it came) once it is whole.
     */
    private final class LengthKeepingWriter extends ProxyWriter {

        private final HttpServletRequest request;
        private final long upstreamLength;

        LengthKeepingWriter(HttpServletRequest request, Response answer) {
            super(request, answer);
            this.request = request;
            this.upstreamLength = answer.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        }

        @Override
        protected Action process() throws Throwable {
            HttpServletResponse response = (HttpServletResponse) request.getAsyncContext().getResponse();
            if (!response.isCommitted()) {
                long length = request.getAttribute(HELD) instanceof HeldPage held ? held.length() : upstreamLength;
                if (length >= 0) {
                    response.setContentLengthLong(length);
                }
            }
            return super.process();
        }
    }
}
