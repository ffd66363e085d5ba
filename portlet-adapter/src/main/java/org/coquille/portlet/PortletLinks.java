package org.coquille.portlet;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.portlet.BaseURL;
import javax.portlet.MimeResponse;
import javax.portlet.PortletURL;
import javax.portlet.ResourceURL;

import org.coquille.http.WidgetLinks;

/**
 * The widgets' URLs, made with the portlet API: a form posts to an action URL (no script), the script
 * posts to a resource URL and gets the re-rendered widgets back, and the assets are resource URLs too.
 */
// the Portlet 2.0 (JSR 286) calls, deprecated in 3.0, are on purpose: the adapter runs in 2.0 portals too
@SuppressWarnings("deprecation")
final class PortletLinks implements WidgetLinks {

    /** The action URL parameter that marks a widget action, and names it. */
    static final String ACTION_PARAM = "coq_action";
    /** Under Portlet 2.0, the portlet's render parameters ride on the action URL under this prefix, to be set back after it. */
    static final String KEEP_PREFIX = "coq_keep.";
    /** The resource ids Coquille answers start with this; the rest is the route under Coquille's prefix. */
    static final String RESOURCE_PREFIX = "coquille/";

    private final MimeResponse response;
    private final Map<String, String[]> keep;
    private final String version;
    private final boolean portlet3;

    /**
     * @param keep     the render parameters to carry across a widget action (Portlet 2.0), possibly none
     * @param version  the asset version
     * @param portlet3 whether the portal runs Portlet 3.0
     */
    PortletLinks(MimeResponse response, Map<String, String[]> keep, String version, boolean portlet3) {
        this.response = response;
        this.keep = keep;
        this.version = version;
        this.portlet3 = portlet3;
    }

    @Override
    public String action(String action) {
        PortletURL url = response.createActionURL();
        url.setParameter(ACTION_PARAM, action);
        for (Map.Entry<String, String[]> e : keep.entrySet()) {
            if (!e.getKey().startsWith("coq_")) {
                url.setParameter(KEEP_PREFIX + e.getKey(), e.getValue());
            }
        }
        return write(url);
    }

    @Override
    public String fragment(String action) {
        ResourceURL url = response.createResourceURL();
        url.setResourceID(RESOURCE_PREFIX + "form/" + action);
        return write(url);
    }

    /** A render URL of the window with its current state, showing page {@code number} of the comments. */
    @Override
    public String commentsPage(int number) {
        PortletURL url = portlet3 ? Portlet3.renderUrlKeepingState(response) : response.createRenderURL();
        for (Map.Entry<String, String[]> e : keep.entrySet()) {
            if (!e.getKey().startsWith("coq_")) {
                url.setParameter(e.getKey(), e.getValue());
            }
        }
        url.setParameter("coq_cp", String.valueOf(number));
        return write(url);
    }

    @Override
    public String asset(String name) {
        ResourceURL url = response.createResourceURL();
        url.setResourceID(RESOURCE_PREFIX + "static/" + name);
        url.setParameter("v", version);
        try {
            url.setCacheability(ResourceURL.FULL); // the same for every page and user: the browser may keep it
        } catch (IllegalStateException | UnsupportedOperationException e) {
            // a portal that will not make FULL URLs here: the page-level default works as well
        }
        return write(url);
    }

    /** The URL as text, not XML-escaped: the renderer escapes attributes itself. */
    static String write(BaseURL url) {
        StringWriter out = new StringWriter();
        try {
            url.write(out, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
