package org.coquille.examples.portlet;

import java.io.IOException;
import java.util.List;

import javax.portlet.ActionRequest;
import javax.portlet.ActionResponse;
import javax.portlet.GenericPortlet;
import javax.portlet.PortletURL;
import javax.portlet.RenderRequest;
import javax.portlet.RenderResponse;

/**
 * A 2005-style news portlet, as found in old portals: tables, {@code <font>} tags, an action link to the
 * next item. It knows nothing of Coquille; the portlet filter adds the widgets under it.
 */
public class LegacyNewsPortlet extends GenericPortlet {

    static final List<String> NEWS = List.of(
            "Le restaurant d'entreprise ouvre le 3 mars : menus à 4,50 €.",
            "Nouvelle procédure de congés : saisie dans l'outil RH avant le 15 du mois.",
            "Le comité d'entreprise propose un voyage à Lisbonne en mai.");

    @Override
    protected void doView(RenderRequest request, RenderResponse response) throws IOException {
        response.setContentType("text/html");
        int item = item(request.getParameter("item"));
        PortletURL next = response.createActionURL();
        next.setParameter("next", String.valueOf(item));
        response.getWriter().write(markup(item, next.toString()));
    }

    /** The portlet's markup for news {@code item}, with the link to the next one. */
    public static String markup(int item, String nextUrl) {
        return "<table width=\"100%\" border=\"0\" cellpadding=\"2\" bgcolor=\"#eeeeee\"><tr><td>"
                + "<font face=\"Verdana\" size=\"2\"><b>Actualit&eacute;s</b> (" + (item + 1) + "/" + NEWS.size() + ")<br>"
                + escape(NEWS.get(item)) + "</font></td></tr>"
                + "<tr><td align=\"right\"><font size=\"1\"><a href=\"" + nextUrl + "\" id=\"next-news\">Suivante &gt;&gt;</a>"
                + "</font></td></tr></table>";
    }

    @Override
    public void processAction(ActionRequest request, ActionResponse response) {
        int item = item(request.getParameter("next"));
        response.setRenderParameter("item", String.valueOf((item + 1) % NEWS.size()));
    }

    private static int item(String value) {
        try {
            int item = value == null ? 0 : Integer.parseInt(value);
            return item >= 0 && item < NEWS.size() ? item : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
