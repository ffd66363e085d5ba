package org.coquille.internal.web;

import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import org.coquille.social.Ideas;
import org.coquille.core.Messages;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.User;
import org.coquille.core.Widget;
import org.coquille.http.HttpRequest;
import org.coquille.internal.render.FragmentTemplate;
import org.coquille.internal.render.WidgetModel;

/**
 * Renders the widgets fragment that goes into a page, for the request's viewer.
 *
 * <p>Most views are by readers who have not taken part on the page yet; they all see the same widgets but for their
 * CSRF token. Their rendering is done once per page, language and URL and remembered with its token slots open
 * ({@link FragmentTemplate}); each remembers the store's write count when it was made, so any write on this node (a
 * comment, a vote, a setting) makes every remembered rendering stale at once, and so does another node's write once
 * its notice arrives (or at worst the cache's time to live, as for the store's own cache); so do changes that come with time alone (a poll opening).
 * Viewers with something of their own on the page (a vote, a comment) and editors get a rendering of their own,
 * remembered the same way under their user id, so that coming back to a page costs them no rendering either; a
 * rendering with a notice (the outcome of the viewer's last action) is shown once and never remembered. What changes
 * with time alone in a viewer's own rendering (the end of the window in which they may edit a comment) shows within
 * the cache's time to live; an action the window no longer allows is refused with a message, as ever.
 *
 * <p>A reader whose last view of a page found nothing of their own on it (no vote, reaction, comment, answer; not an
 * editor) is remembered as such until the next write on this node or the cache's time to live, so that their next
 * view finds the shared rendering from the request alone, without building the widget model (which reads their
 * vote, reactions and answers). Pages with an idea box, whose view depends on what the box holds, build it always.
 */
public final class PageFragments {

    /** What a rendering depends on; {@code viewer} is {@code null} for the one readers share. */
    private record Key(PageId page, PageSettings settings, Locale locale, String contextPath, String returnTo,
                       int commentsPage, boolean canWrite, IdeasShown ideas, User viewer) { }

    /** Which ideas the box shows: the order, the page of ideas, the idea opened with its comments. */
    private record IdeasShown(Ideas.Order order, int number, Long open) { }

    private record Remembered(long writes, FragmentTemplate template) { }

    /** A viewer of a page, remembered with the store's write count when they had nothing of their own on it. */
    private record Reader(PageId page, String viewerKey) { }

    private final Web web;
    private final LongSupplier writes;
    private final BooleanSupplier fresh;
    private final Cache<Key, Remembered> remembered;
    /** Readers of a page who had nothing of their own on it, with the store's write count when that was seen. */
    private final Cache<Reader, Long> readers;

    PageFragments(Web web, LongSupplier writes, BooleanSupplier fresh, Duration ttl, Ticker ticker, long maxChars) {
        this.web = web;
        this.writes = writes;
        this.fresh = fresh;
        this.remembered = maxChars <= 0 ? null : Caffeine.newBuilder().executor(Runnable::run)
                .expireAfterWrite(ttl)
                .ticker(ticker)
                .maximumWeight(maxChars)
                .weigher((Key k, Remembered r) -> r.template().length() + k.returnTo().length()
                        + (k.viewer() == null ? 0 : k.viewer().id().length()) + 200)
                .build();
        this.readers = maxChars <= 0 ? null : Caffeine.newBuilder().executor(Runnable::run)
                .expireAfterWrite(ttl)
                .ticker(ticker)
                .maximumSize(100_000)
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
     * @param template  the rendered widgets, the token left open
     * @param token     the viewer's CSRF token
     */
    public record Rendered(String viewerKey, FragmentTemplate template, String token) {

        /** The fragment as text. */
        public String fragment() {
            return template.fill(token);
        }

        /** The fragment as ASCII bytes, the same in every ASCII-compatible charset, or {@code null} if not ASCII. */
        public byte[] asciiFragment() {
            return template.fillAscii(token);
        }
    }

    /** The fragment for {@code page} with {@code settings}, as the request's viewer sees it. */
    public Rendered render(HttpRequest request, PageId page, PageSettings settings) {
        Viewer viewer = web.viewers.of(request);
        String returnTo = WidgetModels.returnTo(request);
        long writesBefore = writes.getAsLong(); // read before the data: a write meanwhile makes the rendering stale
        // adapters that make their own links (a portlet's URLs, namespaced fields) get a rendering of their own
        boolean shareable = request.links() == null && request.namespace().isEmpty();
        Reader reader = new Reader(page, viewer.key());
        if (remembered != null && shareable && !fresh.getAsBoolean()
                && readsShared(request, settings, viewer, reader, writesBefore)) {
            Remembered known = remembered.getIfPresent(new Key(page, settings,
                    Messages.forLocale(request.locale()).locale(), request.contextPath(), returnTo,
                    WidgetModels.parsePage(request.parameter(WidgetModels.COMMENTS_PAGE)), viewer.canWrite(), null, null));
            if (known != null && known.writes() == writesBefore) {
                return new Rendered(viewer.key(), known.template(), web.guard.token(viewer.key()));
            }
        }
        WidgetModel model = web.models.build(request, returnTo, request::parameter, page, settings, viewer, null);
        boolean impersonal = model.impersonal();
        // a viewer read past the cache (their own write, not yet heard of here) gets a rendering of that data alone
        if (remembered == null || !shareable || fresh.getAsBoolean() || model.notice() != null || !impersonal && model.viewer() == null) {
            return new Rendered(viewer.key(), web.renderer.template(model), model.csrf());
        }
        if (impersonal && model.ideas() == null) {
            readers.put(reader, writesBefore);
        }
        Key key = new Key(page, settings, model.messages().locale(), request.contextPath(), returnTo,
                model.commentsPage(), model.canWrite(),
                model.ideas() == null ? null
                        : new IdeasShown(model.ideas().shown().order(), model.ideas().number(), model.ideas().open()),
                impersonal ? null : model.viewer());
        Remembered known = remembered.getIfPresent(key);
        if (known == null || known.writes() != writesBefore) {
            known = new Remembered(writesBefore, web.renderer.template(model));
            remembered.put(key, known);
        }
        return new Rendered(viewer.key(), known.template(), model.csrf());
    }

    /**
     * Whether the request's viewer is known to see the page as every reader does: they had nothing of their own on it
     * when the store's write count was what it is now, they are no editor, no notice waits for them, and the page has
     * no idea box.
     */
    private boolean readsShared(HttpRequest request, PageSettings settings, Viewer viewer, Reader reader,
                                long writesNow) {
        Long seenAt = readers.getIfPresent(reader);
        return seenAt != null && seenAt == writesNow && !settings.isOn(Widget.IDEAS)
                && (viewer.user() == null || !viewer.user().editor())
                && request.parameter(WidgetModels.FLASH_PARAM) == null;
    }
}
