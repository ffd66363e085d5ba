package org.coquille.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.coquille.servlet.CoquilleFilter;
import org.eclipse.jetty.client.InputStreamRequestContent;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.ee10.proxy.ProxyServlet;
import org.eclipse.jetty.http.HttpHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's transparent proxy servlet, answering on the request's own thread: Jetty's rewriting of the target, its
 * request headers ({@code X-Forwarded-*}, {@code Via}, hop-by-hop headers dropped), its {@code HttpClient} and its
 * response headers, with the body copied back before {@code service} returns. That is what lets
 * {@link CoquilleFilter}, in front of it, hold a page and add the widgets: Jetty's own {@code service} goes
 * asynchronous, and a response that goes asynchronous streams through the filter untouched.
 *
 * <p>On top of Jetty's proxy it asks the intranet for an uncompressed page when the filter may add widgets to it,
 * makes the intranet's addresses in {@code Location} and {@code Set-Cookie} the gateway's
 * ({@link AddressRewriter}), never passes on an identity header that a visitor could have forged, streams what has
 * no widgets as it comes, and answers a dead or slow intranet with a plain 502 or 504.
 */
final class UpstreamServlet extends ProxyServlet.Transparent {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamServlet.class);

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
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String target = rewriteTarget(request);
        if (target == null) {
            plainError(response, HttpServletResponse.SC_BAD_GATEWAY, "This address cannot be forwarded to the intranet.");
            return;
        }
        Request upstream = newProxyRequest(request, target);
        copyRequestHeaders(request, upstream);
        addProxyHeaders(request, upstream);
        if (!trustedProxies.contains(request.getRemoteAddr())) {
            upstream.headers(headers -> identityHeaders.forEach(headers::remove));
        }
        if (request.getAttribute(CoquilleFilter.WIDGETS_ATTRIBUTE) != null) {
            // the widgets go into the page's bytes: ask for them uncompressed (a compressed page would pass untouched)
            upstream.headers(headers -> headers.put(HttpHeader.ACCEPT_ENCODING, "identity"));
        }
        // the timeout is for the intranet's silence, not for the whole answer: a long download or a page streamed
        // slowly goes on as long as bytes keep coming
        upstream.idleTimeout(getTimeout(), TimeUnit.MILLISECONDS);
        if (hasContent(request)) {
            upstream.body(new InputStreamRequestContent(request.getInputStream()));
        }
        InputStreamResponseListener listener = new InputStreamResponseListener();
        upstream.send(listener);
        Response answer;
        try {
            answer = listener.get(getTimeout(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            upstream.abort(e);
            LOG.warn("The intranet did not answer {} within {} ms", target, getTimeout());
            plainError(response, HttpServletResponse.SC_GATEWAY_TIMEOUT, "The intranet did not answer in time.");
            return;
        } catch (ExecutionException e) {
            boolean timedOut = e.getCause() instanceof TimeoutException;
            LOG.warn("The intranet could not be reached for {}: {}", target, e.getCause().toString());
            plainError(response, timedOut ? HttpServletResponse.SC_GATEWAY_TIMEOUT : HttpServletResponse.SC_BAD_GATEWAY,
                    timedOut ? "The intranet did not answer in time." : e.getCause() instanceof ConnectException
                            ? "The intranet cannot be reached." : "The intranet's answer could not be read.");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            upstream.abort(e);
            plainError(response, HttpServletResponse.SC_BAD_GATEWAY, "The gateway was stopped.");
            return;
        }
        response.setStatus(answer.getStatus());
        onServerResponseHeaders(request, response, answer);
        copyBody(listener, answer, response);
    }

    /**
     * Copies the intranet's body. An answer without a length (chunked, streamed) is flushed after every read, so
     * that each part goes on as it arrives; one with a length is left to the container's buffer, which sends it in
     * as few writes as it can. While the filter holds a page for widgets, a stream's flush does not release it.
     */
    private static void copyBody(InputStreamResponseListener listener, Response answer, HttpServletResponse response)
            throws IOException {
        boolean streamed = !answer.getHeaders().contains(HttpHeader.CONTENT_LENGTH);
        try (InputStream in = listener.getInputStream()) {
            OutputStream out = response.getOutputStream();
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                if (streamed) {
                    out.flush();
                }
            }
        }
        // a failure half-way (the intranet cut the connection) propagates as an IOException: the container then
        // ends the response short, as the intranet did, instead of passing off half a page as whole
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

    /** A proxy's answer of its own: a short plain page, never the container's error page with a stack trace. */
    private static void plainError(HttpServletResponse response, int status, String message) throws IOException {
        if (response.isCommitted()) {
            throw new IOException(message);
        }
        response.reset();
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        byte[] body = (status + " " + (status == 504 ? "Gateway Timeout" : "Bad Gateway") + "\n" + message + "\n")
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
