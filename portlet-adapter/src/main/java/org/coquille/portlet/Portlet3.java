package org.coquille.portlet;

import javax.portlet.ActionRequest;
import javax.portlet.ActionResponse;
import javax.portlet.PortletRequest;
import javax.portlet.ResourceResponse;

/**
 * The calls that need Portlet 3.0 (JSR 362). Only touched when the portal runs Portlet 3.0; under
 * Portlet 2.0 (JSR 286) the adapter does the same another way.
 */
final class Portlet3 {

    private static final boolean AVAILABLE = detect();

    private Portlet3() {
    }

    /** Whether the portal's Portlet API is 3.0 or later. */
    static boolean available() {
        return AVAILABLE;
    }

    private static boolean detect() {
        try {
            Class.forName("javax.portlet.RenderParameters", false, PortletRequest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** {@code ResourceResponse.setStatus} (3.0). */
    static void setStatus(ResourceResponse response, int status) {
        response.setStatus(status);
    }

    /** Gives the portlet back the render parameters it had when the action URL was made (3.0 carries them on the URL). */
    static void keepRenderState(ActionRequest request, ActionResponse response) {
        response.getRenderParameters().set(request.getRenderParameters());
    }
}
