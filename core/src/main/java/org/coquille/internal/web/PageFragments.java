package org.coquille.internal.web;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.http.HttpRequest;

/**
 * Renders the widgets fragment that goes into a page, for the request's viewer.
 *
 * <p>A viewer who sees a page again, with nothing written in between, gets the fragment rendered the first time:
 * rendered fragments are remembered per page, viewer, language and URL, and each remembers the store's write count
 * when it was made, so any write on this node (a comment, a vote, a setting) makes every remembered fragment stale at
 * once. Writes made by other nodes show within the cache's time to live, as for the store's own cache; so do changes
 * that come with time alone (an edit window closing, a poll opening).
 */
public final class PageFragments {

    private record Key(PageId page, PageSettings settings, Viewer viewer, Locale locale, String returnTo,
                       String commentsPage) { }

    private record Remembered(long writes, String fragment) { }

    private final Web web;
    private final LongSupplier writes;
    private final Cache<Key, Remembered> remembered;

    PageFragments(Web web, LongSupplier writes, Duration ttl, Ticker ticker, long maxChars) {
        this.web = web;
        this.writes = writes;
        this.remembered = maxChars <= 0 ? null : Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .ticker(ticker)
                .maximumWeight(maxChars)
                .weigher((Key k, Remembered r) -> r.fragment().length() + k.returnTo().length() + 200)
                .build();
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
        String returnTo = WidgetModels.returnTo(request);
        if (remembered == null || request.parameter(WidgetModels.FLASH_PARAM) != null) {
            return new Rendered(viewer.key(), renderNow(request, returnTo, page, settings, viewer));
        }
        Key key = new Key(page, settings, viewer, request.locale(), returnTo, request.parameter("coq_cp"));
        long writesBefore = writes.getAsLong();
        Remembered known = remembered.getIfPresent(key);
        if (known != null && known.writes() == writesBefore) {
            return new Rendered(viewer.key(), known.fragment());
        }
        String fragment = renderNow(request, returnTo, page, settings, viewer);
        // remembered with the count read before rendering: a write during the rendering makes it stale at once
        remembered.put(key, new Remembered(writesBefore, fragment));
        return new Rendered(viewer.key(), fragment);
    }

    private String renderNow(HttpRequest request, String returnTo, PageId page, PageSettings settings, Viewer viewer) {
        return web.renderer.render(web.models.build(request, returnTo, page, settings, viewer, null));
    }
}
