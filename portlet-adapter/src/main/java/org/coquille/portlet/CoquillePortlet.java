package org.coquille.portlet;

import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import javax.portlet.ActionRequest;
import javax.portlet.ActionResponse;
import javax.portlet.GenericPortlet;
import javax.portlet.PortletException;
import javax.portlet.PortletMode;
import javax.portlet.PortletModeException;
import javax.portlet.PortletURL;
import javax.portlet.RenderRequest;
import javax.portlet.RenderResponse;
import javax.portlet.ResourceRequest;
import javax.portlet.ResourceResponse;

import org.coquille.Coquille;
import org.coquille.core.User;
import org.jsoup.nodes.Element;

/**
 * A portlet an editor drops onto any portal page to add Coquille's widgets to that page. VIEW mode shows the
 * widgets of the page ({@value PortletPageIds#PORTLET_DEFAULT} by default, see {@link PortletPageIds});
 * EDIT mode is where an editor turns them on, picks the kind of vote and attaches a poll.
 * <pre>{@code
 * <portlet>
 *   <portlet-name>coquille</portlet-name>
 *   <portlet-class>org.coquille.portlet.CoquillePortlet</portlet-class>
 *   <init-param><name>coquille.workFolder</name><value>/srv/portal/coquille</value></init-param>
 *   <supports><mime-type>text/html</mime-type><portlet-mode>view</portlet-mode><portlet-mode>edit</portlet-mode></supports>
 *   <portlet-info><title>Comments and votes</title></portlet-info>
 * </portlet>
 * }</pre>
 * Init-params are those of {@link CoquillePortletFilter}; the editor is the user in the role
 * {@code coquille.editorRole} ({@code coquille-editor} by default), as the portal says.
 */
// the Portlet 2.0 (JSR 286) calls, deprecated in 3.0, are on purpose: the adapter runs in 2.0 portals too
@SuppressWarnings("deprecation")
public class CoquillePortlet extends GenericPortlet {

    private PortletWidgets widgets;
    private PageEditor editor;
    private boolean ownsCoquille;

    /** For {@code portlet.xml}: settings come from the init-params. */
    public CoquillePortlet() {
    }

    /** For programmatic set-up and tests: the caller builds and closes Coquille. */
    public CoquillePortlet(Coquille coquille, PortletPageIds pageIds) {
        this.widgets = new PortletWidgets(coquille, pageIds, PortletVersion.is3());
        this.editor = new PageEditor(widgets);
    }

    @Override
    public void init() throws PortletException {
        if (widgets != null) {
            return;
        }
        Map<String, String> init = new HashMap<>();
        for (String name : Collections.list(getInitParameterNames())) {
            init.put(name, getInitParameter(name));
        }
        try {
            PortletPageIds pageIds = PortletSettings.pageIds(init, PortletPageIds.PORTLET_DEFAULT);
            widgets = new PortletWidgets(SharedCoquille.acquire(getPortletContext(), PortletSettings.forCore(init)),
                    pageIds, PortletVersion.is3());
            editor = new PageEditor(widgets);
            ownsCoquille = true;
        } catch (RuntimeException e) {
            throw new PortletException("Coquille could not start: " + e.getMessage(), e);
        }
    }

    @Override
    protected void doView(RenderRequest request, RenderResponse response) throws PortletException, IOException {
        response.setContentType("text/html");
        String fragment = widgets.fragment(request, response);
        if (fragment != null) {
            widgets.append(response, fragment);
            return;
        }
        User user = widgets.coquille().user(new PortletHttpRequest(request, "/", null, null, response.getNamespace(), false));
        if (user != null && user.editor()) {
            PortletTexts t = PortletTexts.forLocale(request.getLocale());
            Element hint = new Element("p").addClass("coq-notice").text(t.get("portlet.view.noWidgets") + " ");
            try {
                PortletURL edit = response.createRenderURL();
                edit.setPortletMode(PortletMode.EDIT);
                hint.appendElement("a").attr("href", PortletLinks.write(edit)).text(t.get("portlet.view.edit"));
            } catch (PortletModeException e) {
                // the portal offers no EDIT mode here: the text alone
            }
            response.getWriter().write(hint.outerHtml());
        }
    }

    @Override
    protected void doEdit(RenderRequest request, RenderResponse response) throws PortletException, IOException {
        response.setContentType("text/html");
        response.getWriter().write(editor.render(request, response));
    }

    @Override
    public void processAction(ActionRequest request, ActionResponse response) throws PortletException, IOException {
        if (PortletWidgets.isWidgetAction(request)) {
            widgets.act(request, response);
        } else if (request.getParameter(EditForm.MARK) != null) {
            editor.save(request, response);
        }
    }

    @Override
    public void serveResource(ResourceRequest request, ResourceResponse response) throws PortletException, IOException {
        if (PortletWidgets.isWidgetResource(request)) {
            widgets.serve(request, response);
        } else {
            super.serveResource(request, response);
        }
    }

    @Override
    public void destroy() {
        if (ownsCoquille) {
            SharedCoquille.release(getPortletContext(), widgets.coquille());
        }
        super.destroy();
    }
}
