package org.coquille.portlet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.HttpCookie;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.portlet.ActionRequest;
import javax.portlet.ActionResponse;
import javax.portlet.ClientDataRequest;
import javax.portlet.MimeResponse;
import javax.portlet.PortletMode;
import javax.portlet.PortletRequest;
import javax.portlet.PortletResponse;
import javax.portlet.RenderRequest;
import javax.portlet.ResourceRequest;
import javax.portlet.ResourceResponse;
import javax.portlet.WindowState;
import javax.servlet.http.Cookie;

import org.coquille.Coquille;
import org.coquille.http.HttpResponse;
import org.coquille.WarnOnce;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the portlet filter and the standalone portlet share: the widgets of a window rendered with portlet
 * URLs, the widget actions answered as portlet actions, and Coquille's requests answered as resource requests.
 */
// the Portlet 2.0 (JSR 286) calls, deprecated in 3.0, are on purpose: the adapter runs in 2.0 portals too
@SuppressWarnings("deprecation")
final class PortletWidgets {

    /** The render parameter that brings an action's outcome to the next render. */
    static final String FLASH = "coq_flash";
    /** The portlet preference that pins a window's page id. */
    static final String PAGE_PREFERENCE = "coquille.page";

    private static final Logger LOG = LoggerFactory.getLogger(PortletWidgets.class);

    private final Coquille coquille;
    private final PortletPageIds pageIds;
    private final boolean portlet3;
    private final WarnOnce warnings = new WarnOnce(LOG, java.time.Clock.systemUTC());

    /** @param portlet3 whether to use the Portlet 3.0 calls ({@link PortletVersion#is3()} in a portal) */
    PortletWidgets(Coquille coquille, PortletPageIds pageIds, boolean portlet3) {
        this.coquille = coquille;
        this.pageIds = pageIds;
        this.portlet3 = portlet3;
    }

    Coquille coquille() {
        return coquille;
    }

    /** Whether an action request is a widget's form post. */
    static boolean isWidgetAction(ActionRequest request) {
        return request.getParameter(PortletLinks.ACTION_PARAM) != null;
    }

    /** Whether a resource request is for Coquille (the script's posts, the JSON API, the assets). */
    static boolean isWidgetResource(ResourceRequest request) {
        String id = request.getResourceID();
        return id != null && id.startsWith(PortletLinks.RESOURCE_PREFIX);
    }

    /** The page id of the window, the preference {@value #PAGE_PREFERENCE} first; {@code null} for none. */
    String pageOf(PortletRequest request, MimeResponse response) {
        String pinned = request.getPreferences() == null ? null : request.getPreferences().getValue(PAGE_PREFERENCE, null);
        return pinned != null && !pinned.isBlank() ? pinned.strip() : pageIds.pageOf(request, response);
    }

    /**
     * The widgets of the window's page, rendered with this response's portlet URLs, or {@code null}: not in
     * VIEW mode, minimised, no widget on, or any failure (logged once a minute). Never throws.
     */
    String fragment(RenderRequest request, MimeResponse response) {
        try {
            if (!PortletMode.VIEW.equals(request.getPortletMode()) || WindowState.MINIMIZED.equals(request.getWindowState())) {
                return null;
            }
            String page = pageOf(request, response);
            if (page == null) {
                return null;
            }
            int query = page.indexOf('?');
            PortletHttpRequest coquilleRequest = new PortletHttpRequest(request,
                    query < 0 ? page : page.substring(0, query), query < 0 ? null : page.substring(query + 1),
                    links(request, response), response.getNamespace(), false);
            return coquille.fragment(coquilleRequest);
        } catch (RuntimeException | LinkageError e) {
            warnings.warn("Coquille could not render its widgets in portlet window " + safeWindow(request), e);
            return null;
        }
    }

    /**
     * Writes {@code fragment} after what the portlet wrote, through the writer or the stream, whichever the
     * portlet used. Never throws: on failure nothing is written.
     */
    void append(MimeResponse response, String fragment) {
        try {
            PrintWriter writer;
            try {
                writer = response.getWriter();
            } catch (IllegalStateException streamInUse) {
                OutputStream out = response.getPortletOutputStream();
                String name = response.getCharacterEncoding();
                out.write(encode(fragment, name == null ? StandardCharsets.UTF_8 : Charset.forName(name)));
                return;
            }
            writer.write(fragment);
        } catch (IOException | RuntimeException e) {
            warnings.warn("Coquille could not write its widgets", e);
        }
    }

    /** A widget's form post (no script): the action is done, and the outcome shown at the next render. */
    void act(ActionRequest request, ActionResponse response) {
        String action = request.getParameter(PortletLinks.ACTION_PARAM);
        utf8(request);
        HttpResponse answer = coquille.handle(new PortletHttpRequest(request, coquille.settings().prefix() + "form/" + action,
                null, null, response.getNamespace(), false));
        keepRenderState(request, response);
        String flash = flashOf(answer.header("Location"));
        if (flash != null) {
            response.setRenderParameter(FLASH, flash);
        }
        cookies(answer, response);
    }

    /** A request for Coquille as a resource: the script's form posts, the JSON API, the assets. */
    void serve(ResourceRequest request, ResourceResponse response) throws IOException {
        String route = request.getResourceID().substring(PortletLinks.RESOURCE_PREFIX.length());
        boolean form = route.startsWith("form/");
        if (form) {
            utf8(request);
        }
        PortletHttpRequest coquilleRequest = new PortletHttpRequest(request, coquille.settings().prefix() + route, null,
                form ? links(request, response) : null, response.getNamespace(), form);
        HttpResponse answer = coquille.handle(coquilleRequest);
        if (portlet3) {
            Portlet3.setStatus(response, answer.status());
        } else {
            response.setProperty(ResourceResponse.HTTP_STATUS_CODE, String.valueOf(answer.status()));
        }
        for (Map.Entry<String, String> header : answer.headers()) {
            if (header.getKey().equalsIgnoreCase("Content-Type")) {
                response.setContentType(header.getValue());
            } else if (!header.getKey().equalsIgnoreCase("Set-Cookie")) {
                response.addProperty(header.getKey(), header.getValue());
            }
        }
        cookies(answer, response);
        if (answer.body().length > 0 && !"HEAD".equals(coquilleRequest.method())) {
            response.setContentLength(answer.body().length);
            try (OutputStream out = response.getPortletOutputStream()) {
                out.write(answer.body());
            }
        }
    }

    /** The widgets' URLs for this response; under Portlet 2.0 they carry the portlet's render parameters. */
    private PortletLinks links(PortletRequest request, MimeResponse response) {
        Map<String, String[]> keep = Map.of();
        if (!portlet3) {
            keep = request instanceof ResourceRequest resource ? resource.getPrivateRenderParameterMap()
                    : request.getPrivateParameterMap();
        }
        return new PortletLinks(response, keep, Coquille.VERSION, portlet3);
    }

    /** After a widget action the portlet shows what it showed before, not its first view. */
    private void keepRenderState(ActionRequest request, ActionResponse response) {
        if (portlet3) {
            try {
                Portlet3.keepRenderState(request, response);
                return;
            } catch (AbstractMethodError | NoSuchMethodError | UnsupportedOperationException e) {
                // a Portlet 3.0 API over an older portal: do it the Portlet 2.0 way
            }
        }
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            if (e.getKey().startsWith(PortletLinks.KEEP_PREFIX) && e.getValue() != null) {
                response.setRenderParameter(e.getKey().substring(PortletLinks.KEEP_PREFIX.length()), e.getValue());
            }
        }
    }

    /** The flash id in core's redirect after a form post ({@code /page?coq_flash=id#anchor}). */
    static String flashOf(String location) {
        if (location == null) {
            return null;
        }
        String query = URI.create(location).getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(FLASH + "=")) {
                return pair.substring(FLASH.length() + 1);
            }
        }
        return null;
    }

    /** Core's cookies (an anonymous visitor's id) as portlet response cookies. */
    private static void cookies(HttpResponse answer, PortletResponse response) {
        for (Map.Entry<String, String> header : answer.headers()) {
            if (header.getKey().equalsIgnoreCase("Set-Cookie")) {
                for (HttpCookie parsed : HttpCookie.parse(header.getValue())) {
                    Cookie cookie = new Cookie(parsed.getName(), parsed.getValue());
                    cookie.setPath(parsed.getPath());
                    cookie.setMaxAge((int) parsed.getMaxAge());
                    cookie.setHttpOnly(parsed.isHttpOnly());
                    response.addProperty(cookie);
                }
            }
        }
    }

    /** Coquille's forms post UTF-8 (accept-charset), whatever the portal page's charset. */
    private static void utf8(ClientDataRequest request) {
        try {
            if (request.getCharacterEncoding() == null) {
                request.setCharacterEncoding("UTF-8");
            }
        } catch (IOException | IllegalStateException e) {
            // the portal read the parameters already, in its own charset
        }
    }

    /** The fragment in {@code charset}, each character it cannot hold written as a character reference. */
    static byte[] encode(String fragment, Charset charset) {
        CharsetEncoder encoder = charset.newEncoder();
        if (encoder.canEncode(fragment)) {
            return fragment.getBytes(charset);
        }
        StringBuilder out = new StringBuilder(fragment.length() + 64);
        fragment.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            if (encoder.canEncode(c)) {
                out.append(c);
            } else {
                out.append("&#").append(cp).append(';');
            }
        });
        return out.toString().getBytes(charset);
    }

    private static String safeWindow(PortletRequest request) {
        try {
            return request.getWindowID();
        } catch (RuntimeException e) {
            return "?";
        }
    }
}
