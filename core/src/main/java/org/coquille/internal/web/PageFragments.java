package org.coquille.internal.web;

import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.http.HttpRequest;

/** Renders the widgets fragment that goes into a page, for the request's viewer. */
public final class PageFragments {

    private final Web web;

    PageFragments(Web web) {
        this.web = web;
    }

    /** The key of the request's viewer for analytics, before pseudonymisation. */
    public String viewerKey(HttpRequest request) {
        return web.viewers.of(request).key();
    }

    /**
     * The widgets of a page as one viewer sees them.
     *
     * @param viewerKey the viewer's key, for counting the view (resolved once for both)
     * @param fragment  the rendered fragment
     */
    public record Rendered(String viewerKey, String fragment) { }

    /** The fragment for {@code page} with {@code settings}, as the request's viewer sees it. */
    public Rendered render(HttpRequest request, PageId page, PageSettings settings) {
        Viewer viewer = web.viewers.of(request);
        String fragment = web.renderer.render(
                web.models.build(request, WidgetModels.returnTo(request), page, settings, viewer, null));
        return new Rendered(viewer.key(), fragment);
    }
}
