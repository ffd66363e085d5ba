package org.coquille.portlet;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import javax.portlet.MimeResponse;
import javax.portlet.PortletMode;
import javax.portlet.PortletModeException;
import javax.portlet.PortletRequest;
import javax.portlet.PortletURL;

/**
 * Says which Coquille page a portlet window's widgets belong to. The default is a template over the
 * portal page and the portlet window; a portal with better names implements this and is named in the
 * init-param {@code coquille.portlet.pageIds}. An editor can also pin one window's page id in its
 * portlet preference {@code coquille.page}, which wins over both.
 * <pre>{@code
 * PortletPageIds ids = PortletPageIds.template("{page}?window={window}");
 * }</pre>
 */
@FunctionalInterface
public interface PortletPageIds {

    /** The portlet filter's default: the portal page, and the window on it (each filtered portlet has its own widgets). */
    String FILTER_DEFAULT = "{page}?window={window}";
    /** The standalone portlet's default: the portal page itself (the portlet adds widgets to that page). */
    String PORTLET_DEFAULT = "{page}";

    /**
     * The page id (path, then optionally {@code ?} and query parameters) of the window that {@code request}
     * renders, or {@code null} for no widgets.
     *
     * @param response the render or resource response, to make portal URLs with
     */
    String pageOf(PortletRequest request, MimeResponse response);

    /**
     * Page ids from a template, with:
     * <ul>
     * <li>{@code {page}}: the portal page, as the path of a render URL the portal makes for the window
     *     (its query, which holds window state, dropped; so do path parameters ({@code ;x=y}));</li>
     * <li>{@code {window}}: the portlet window's id ({@code PortletRequest.getWindowID()}, JSR 286), unique per
     *     portlet placed on a portal page;</li>
     * <li>{@code {context}}: the portlet application's context path.</li>
     * </ul>
     */
    static PortletPageIds template(String template) {
        Objects.requireNonNull(template, "template");
        if (!template.startsWith("/") && !template.startsWith("{page}") && !template.startsWith("{context}")) {
            throw new IllegalArgumentException("A page id template starts with '/', '{page}' or '{context}', was '"
                    + template + "'");
        }
        return (request, response) -> {
            String id = template;
            if (id.contains("{page}")) {
                id = id.replace("{page}", portalPage(response));
            }
            if (id.contains("{window}")) {
                id = id.replace("{window}", URLEncoder.encode(request.getWindowID(), StandardCharsets.UTF_8));
            }
            return id.replace("{context}", request.getContextPath());
        };
    }

    /** The path of the portal page the window is on, from a render URL the portal makes (in VIEW mode). */
    static String portalPage(MimeResponse response) {
        PortletURL render = response.createRenderURL();
        try {
            render.setPortletMode(PortletMode.VIEW);
        } catch (PortletModeException e) {
            // the mode the window is in, then; path parameters are dropped below
        }
        String url = PortletLinks.write(render);
        String path;
        try {
            path = new URI(url).getRawPath();
        } catch (URISyntaxException e) {
            // some portals put unencoded characters in their URLs: take everything before the query
            int start = url.indexOf("://");
            String rest = start < 0 ? url : url.substring(url.indexOf('/', start + 3) < 0 ? url.length()
                    : url.indexOf('/', start + 3));
            int query = rest.indexOf('?');
            path = query < 0 ? rest : rest.substring(0, query);
        }
        // path parameters (;x=y) hold window state in some portals: not part of the page
        path = path == null ? "" : path.replaceAll(";[^/]*", "");
        return path.isEmpty() ? "/" : path;
    }
}
