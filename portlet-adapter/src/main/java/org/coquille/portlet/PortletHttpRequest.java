package org.coquille.portlet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.portlet.ClientDataRequest;
import javax.portlet.PortletRequest;
import javax.portlet.PortletSession;
import javax.servlet.http.Cookie;

import org.coquille.http.HttpRequest;
import org.coquille.http.WidgetLinks;

/**
 * Core's view of a portlet request. The path is the one core should see: a page id when rendering, or a
 * route under Coquille's prefix for actions and resources. Form fields are read under the portlet's
 * namespace first (the widgets name them so), then plain. Never creates a session.
 */
// the Portlet 2.0 (JSR 286) calls, deprecated in 3.0, are on purpose: the adapter runs in 2.0 portals too
@SuppressWarnings("deprecation")
final class PortletHttpRequest implements HttpRequest {

    private final PortletRequest request;
    private final String method;
    private final String path;
    private final String query;
    private final WidgetLinks links;
    private final String namespace;
    private final boolean fragment;

    /**
     * @param path      what core sees as the request's path
     * @param query     what core sees as its query string, or {@code null}
     * @param links     the portlet URLs the widgets rendered for this request use, or {@code null}
     * @param namespace the portlet's namespace
     * @param fragment  whether the script asked for the re-rendered widgets (a resource request)
     */
    PortletHttpRequest(PortletRequest request, String path, String query, WidgetLinks links, String namespace,
                       boolean fragment) {
        this.request = request;
        this.method = request instanceof ClientDataRequest data && data.getMethod() != null
                ? data.getMethod().toUpperCase(Locale.ROOT) : "GET";
        this.path = path;
        this.query = query;
        this.links = links;
        this.namespace = namespace == null ? "" : namespace;
        this.fragment = fragment;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String contextPath() {
        return request.getContextPath();
    }

    @Override
    public String queryString() {
        return query;
    }

    @Override
    public String parameter(String name) {
        String value = namespace.isEmpty() ? null : request.getParameter(namespace + name);
        return value != null ? value : request.getParameter(name);
    }

    @Override
    public List<String> parameters(String name) {
        String[] values = namespace.isEmpty() ? null : request.getParameterValues(namespace + name);
        if (values == null) {
            values = request.getParameterValues(name);
        }
        return values == null ? List.of() : Arrays.asList(values);
    }

    @Override
    public String header(String name) {
        if (fragment && name.equalsIgnoreCase("X-Coquille-Fragment")) {
            return "1";
        }
        if (name.equalsIgnoreCase("Content-Type") && request instanceof ClientDataRequest data) {
            return data.getContentType();
        }
        return request.getProperty(name);
    }

    @Override
    public String cookie(String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals(name)) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    @Override
    public String scheme() {
        return request.getScheme();
    }

    /** The Portlet API does not give the client's address; the portal may pass it on as a property. */
    @Override
    public String remoteAddress() {
        return null;
    }

    @Override
    public Locale locale() {
        Locale locale = request.getLocale();
        return locale != null ? locale : Locale.ENGLISH;
    }

    @Override
    public String remoteUser() {
        return request.getRemoteUser();
    }

    @Override
    public boolean isUserInRole(String role) {
        return request.isUserInRole(role);
    }

    @Override
    public Object sessionAttribute(String name) {
        PortletSession session = request.getPortletSession(false);
        return session == null ? null : session.getAttribute(name, PortletSession.APPLICATION_SCOPE);
    }

    @Override
    public byte[] body(int limit) throws IOException {
        if (!(request instanceof ClientDataRequest data)) {
            return new byte[0];
        }
        if (data.getContentLength() > limit) {
            throw new BodyTooLargeException(limit);
        }
        try (InputStream in = data.getPortletInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (out.size() + n > limit) {
                    throw new BodyTooLargeException(limit);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IllegalStateException e) {
            throw new IOException("The portal read the body already (a form post)", e);
        }
    }

    @Override
    public WidgetLinks links() {
        return links;
    }

    @Override
    public String namespace() {
        return namespace;
    }
}
