package org.coquille.portlet;

import javax.portlet.ActionRequest;
import javax.portlet.ActionResponse;
import javax.portlet.MimeResponse;
import javax.portlet.PortletURL;
import javax.portlet.ResourceResponse;

/**
 * The calls that need Portlet 3.0 (JSR 362). This class is loaded only when {@link PortletVersion#is3()}:
 * verifying it needs Portlet 3.0 types. Under Portlet 2.0 (JSR 286) the adapter does the same another way.
 */
final class Portlet3 {

    private Portlet3() {
    }

    /** {@code ResourceResponse.setStatus} (3.0). */
    static void setStatus(ResourceResponse response, int status) {
        response.setStatus(status);
    }

    /** A render URL carrying the window's current render parameters ({@code MimeResponse.Copy}, 3.0). */
    static PortletURL renderUrlKeepingState(MimeResponse response) {
        return response.createRenderURL(MimeResponse.Copy.ALL);
    }

    /** Gives the portlet back the render parameters it had when the action URL was made (3.0 carries them on the URL). */
    static void keepRenderState(ActionRequest request, ActionResponse response) {
        response.getRenderParameters().set(request.getRenderParameters());
    }
}
