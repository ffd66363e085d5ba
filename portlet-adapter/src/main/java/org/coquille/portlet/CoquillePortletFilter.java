package org.coquille.portlet;

import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import javax.portlet.ActionRequest;
import javax.portlet.ActionResponse;
import javax.portlet.PortletContext;
import javax.portlet.PortletException;
import javax.portlet.RenderRequest;
import javax.portlet.RenderResponse;
import javax.portlet.ResourceRequest;
import javax.portlet.ResourceResponse;
import javax.portlet.filter.ActionFilter;
import javax.portlet.filter.FilterChain;
import javax.portlet.filter.FilterConfig;
import javax.portlet.filter.RenderFilter;
import javax.portlet.filter.ResourceFilter;

import org.coquille.Coquille;
import org.coquille.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds Coquille's widgets under the markup of existing portlets, without changing them: declare it in the
 * portlet application's {@code portlet.xml} and map it to the portlets that should get widgets.
 * <pre>{@code
 * <filter>
 *   <filter-name>coquille</filter-name>
 *   <filter-class>org.coquille.portlet.CoquillePortletFilter</filter-class>
 *   <lifecycle>RENDER_PHASE</lifecycle>
 *   <lifecycle>ACTION_PHASE</lifecycle>
 *   <lifecycle>RESOURCE_PHASE</lifecycle>
 *   <init-param><name>coquille.workFolder</name><value>/srv/portal/coquille</value></init-param>
 * </filter>
 * <filter-mapping><filter-name>coquille</filter-name><portlet-name>news</portlet-name></filter-mapping>
 * }</pre>
 *
 * <p>In VIEW mode, after the portlet has written its markup (untouched, never held back), the filter appends
 * the widgets of the window's page when the page has widgets on. The page id is
 * {@value PortletPageIds#FILTER_DEFAULT} (see {@link PortletPageIds#template}): the init-param
 * {@code coquille.portlet.pageId} changes the template, {@code coquille.portlet.pageIds} names a
 * {@link PortletPageIds} class, and a window's preference {@code coquille.page} pins its id. Editors turn the
 * widgets on for those ids in Coquille's console, or with URL patterns in {@code coquille-pages.properties}.
 *
 * <p>A widget's form posts to an action URL (parameter {@code coq_action}) and is answered by the filter
 * without reaching the portlet; the portlet's render parameters are kept. Resource ids starting
 * {@code coquille/} (the script's posts, the JSON API {@code coquille/api/...}, the assets) are answered by
 * the filter too. Every other request passes through untouched. Any failure inside Coquille leaves the
 * portlet's markup exactly as it was.
 *
 * <p>Settings are the servlet filter's (see {@code org.coquille.servlet.CoquilleFilter} and {@link Settings}):
 * init-params, {@code coquille.properties}, system properties. Identity comes from the portal
 * ({@code getRemoteUser}, {@code isUserInRole}) by default. The filter and the standalone
 * {@link CoquillePortlet} of one application, with the same settings, share one Coquille.
 */
public class CoquillePortletFilter implements RenderFilter, ActionFilter, ResourceFilter {

    private static final Logger LOG = LoggerFactory.getLogger(CoquillePortletFilter.class);

    private PortletWidgets widgets;
    private PortletContext context;

    /** For {@code portlet.xml}: settings come from {@link #init(FilterConfig)}. */
    public CoquillePortletFilter() {
    }

    /** For programmatic set-up and tests: the caller builds and closes Coquille. */
    public CoquillePortletFilter(Coquille coquille, PortletPageIds pageIds) {
        this.widgets = new PortletWidgets(coquille, pageIds, PortletVersion.is3());
    }

    @Override
    public void init(FilterConfig config) throws PortletException {
        if (widgets != null) {
            return;
        }
        Map<String, String> init = new HashMap<>();
        for (String name : Collections.list(config.getInitParameterNames())) {
            init.put(name, config.getInitParameter(name));
        }
        try {
            PortletPageIds pageIds = PortletSettings.pageIds(init, PortletPageIds.FILTER_DEFAULT);
            context = config.getPortletContext();
            widgets = new PortletWidgets(SharedCoquille.acquire(context, PortletSettings.forCore(init)), pageIds,
                    PortletVersion.is3());
        } catch (RuntimeException | LinkageError e) {
            // never the portal's start: a bad setting or a library clash leaves the portlets as they were
            widgets = null;
            LOG.error("Coquille could not start, so portlets are served as they are, without widgets, until the"
                    + " application restarts: {}", e.toString(), e);
        }
    }

    @Override
    public void doFilter(RenderRequest request, RenderResponse response, FilterChain chain)
            throws IOException, PortletException {
        chain.doFilter(request, response);
        if (widgets == null) {
            return;
        }
        String type = response.getContentType();
        if (type != null && !type.regionMatches(true, 0, "text/html", 0, 9)) {
            return;
        }
        String fragment = widgets.fragment(request, response);
        if (fragment != null) {
            widgets.append(response, fragment);
        }
    }

    @Override
    public void doFilter(ActionRequest request, ActionResponse response, FilterChain chain)
            throws IOException, PortletException {
        if (widgets != null && PortletWidgets.isWidgetAction(request)) {
            widgets.act(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    @Override
    public void doFilter(ResourceRequest request, ResourceResponse response, FilterChain chain)
            throws IOException, PortletException {
        if (widgets != null && PortletWidgets.isWidgetResource(request)) {
            widgets.serve(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    @Override
    public void destroy() {
        if (context != null && widgets != null) {
            SharedCoquille.release(context, widgets.coquille());
        }
    }
}
