package org.coquille.portlet;

import javax.portlet.PortletRequest;

/** Which Portlet API the portal runs: the adapter uses {@link Portlet3} only under 3.0 or later. */
final class PortletVersion {

    private static final boolean IS_3 = detect();

    private PortletVersion() {
    }

    /** Whether the portal's Portlet API is 3.0 or later. */
    static boolean is3() {
        return IS_3;
    }

    private static boolean detect() {
        try {
            Class.forName("javax.portlet.RenderParameters", false, PortletRequest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
