package org.coquille.portlet;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.portlet.ActionRequest;
import javax.portlet.ActionResponse;
import javax.portlet.BaseURL;
import javax.portlet.MimeResponse;
import javax.portlet.PortletMode;
import javax.portlet.PortletPreferences;
import javax.portlet.PortletRequest;
import javax.portlet.PortletURL;
import javax.portlet.RenderRequest;
import javax.portlet.RenderResponse;
import javax.portlet.ResourceRequest;
import javax.portlet.ResourceResponse;
import javax.portlet.ResourceURL;
import javax.portlet.WindowState;

/** Portlet requests and responses as a portal would hand them, for the paths no Portlet 2.0 container can run. */
// the Portlet 2.0 calls the adapter makes, deprecated in 3.0
@SuppressWarnings("deprecation")
final class PortletMocks {

    private static final AtomicInteger URLS = new AtomicInteger();

    private PortletMocks() {
    }

    /** A VIEW-mode render request of window {@code window} by {@code user} (null: anonymous). */
    static RenderRequest render(String window, String user, Locale locale) {
        RenderRequest request = mock(RenderRequest.class);
        common(request, window, user, locale);
        when(request.getPortletMode()).thenReturn(PortletMode.VIEW);
        when(request.getWindowState()).thenReturn(WindowState.NORMAL);
        return request;
    }

    static ActionRequest action(String window, String user, Map<String, String[]> parameters) {
        ActionRequest request = mock(ActionRequest.class);
        common(request, window, user, Locale.ENGLISH);
        parameters(request, parameters);
        when(request.getMethod()).thenReturn("POST");
        return request;
    }

    static ResourceRequest resource(String window, String user, String resourceId, String method) {
        ResourceRequest request = mock(ResourceRequest.class);
        common(request, window, user, Locale.ENGLISH);
        when(request.getResourceID()).thenReturn(resourceId);
        when(request.getMethod()).thenReturn(method);
        return request;
    }

    static void parameters(PortletRequest request, Map<String, String[]> parameters) {
        when(request.getParameterMap()).thenReturn(parameters);
        for (Map.Entry<String, String[]> e : parameters.entrySet()) {
            when(request.getParameter(e.getKey())).thenReturn(e.getValue()[0]);
            when(request.getParameterValues(e.getKey())).thenReturn(e.getValue());
        }
    }

    private static void common(PortletRequest request, String window, String user, Locale locale) {
        when(request.getWindowID()).thenReturn(window);
        when(request.getContextPath()).thenReturn("/news");
        when(request.getRemoteUser()).thenReturn(user);
        when(request.getLocale()).thenReturn(locale);
        PortletPreferences preferences = mock(PortletPreferences.class);
        when(preferences.getValue(any(), any())).thenAnswer(i -> i.getArgument(1));
        when(request.getPreferences()).thenReturn(preferences);
    }

    /** A render response with namespace {@code ns} writing to {@code out}; its URLs say which kind they are. */
    static RenderResponse renderResponse(String ns, StringWriter out) throws Exception {
        RenderResponse response = mock(RenderResponse.class);
        urls(response, ns);
        when(response.getContentType()).thenReturn("text/html");
        when(response.getWriter()).thenReturn(new PrintWriter(out, true));
        return response;
    }

    static ActionResponse actionResponse(String ns) {
        ActionResponse response = mock(ActionResponse.class);
        when(response.getNamespace()).thenReturn(ns);
        return response;
    }

    static ResourceResponse resourceResponse(String ns) throws Exception {
        ResourceResponse response = mock(ResourceResponse.class);
        urls(response, ns);
        return response;
    }

    private static void urls(MimeResponse response, String ns) throws Exception {
        when(response.getNamespace()).thenReturn(ns);
        when(response.createActionURL()).thenAnswer(i -> url(PortletURL.class, "/portal/home?p=" + ns + "&phase=action"));
        when(response.createRenderURL()).thenAnswer(i -> url(PortletURL.class, "/portal/home?p=" + ns));
        when(response.createResourceURL()).thenAnswer(i -> url(ResourceURL.class, "/portal/home?p=" + ns + "&phase=resource"));
    }

    /** A portal URL whose text is {@code base} plus the parameters set on it. */
    private static <T extends BaseURL> T url(Class<T> type, String base) throws Exception {
        T url = mock(type);
        Map<String, String> parameters = new HashMap<>();
        parameters.put("n", String.valueOf(URLS.incrementAndGet()));
        doAnswer(i -> parameters.put(i.getArgument(0), i.getArgument(1))).when(url).setParameter(any(String.class), any(String.class));
        if (url instanceof ResourceURL resource) {
            doAnswer(i -> parameters.put("resource", i.getArgument(0))).when(resource).setResourceID(any());
        }
        doAnswer(i -> {
            StringBuilder text = new StringBuilder(base);
            parameters.forEach((k, v) -> text.append('&').append(k).append('=').append(v));
            ((Writer) i.getArgument(0)).write(text.toString());
            return null;
        }).when(url).write(any(Writer.class), anyBoolean());
        return url;
    }
}
