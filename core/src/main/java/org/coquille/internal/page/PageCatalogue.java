package org.coquille.internal.page;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.coquille.core.CataloguedPage;
import org.coquille.core.PageId;
import org.coquille.spi.PageCatalogueStore;
import org.coquille.spi.StoreDownException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the pages the filter serves, for the editors' console, without slowing pages down: a page is
 * noted in memory on the request thread and written to the store in batches from another thread, like
 * views. To learn a page's title, the first response of a page not yet known on this node is held back
 * once ({@link #wantsFirstLook}); after that, a page with no widget streams through untouched again.
 */
public final class PageCatalogue {

    private static final Logger LOG = LoggerFactory.getLogger(PageCatalogue.class);
    private static final int MAX_PENDING = 10_000;

    private final PageCatalogueStore store;
    private final Clock clock;
    /** Pages this node has catalogued, title looked for: nothing more to do for them. */
    private final Cache<PageId, Boolean> known = Caffeine.newBuilder().executor(Runnable::run).maximumSize(100_000).build();
    /** Pages whose first response this node already asked to hold back, so it is asked once only. */
    private final Cache<PageId, Boolean> looked = Caffeine.newBuilder().executor(Runnable::run).maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();
    private final Map<PageId, CataloguedPage> pending = new ConcurrentHashMap<>();

    public PageCatalogue(PageCatalogueStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Whether the adapter should hold this page's response back once, to read its title. True once per page. */
    public boolean wantsFirstLook(PageId page) {
        return known.getIfPresent(page) == null && looked.asMap().putIfAbsent(page, Boolean.TRUE) == null;
    }

    /** Whether the page's title is still to be read. */
    public boolean needsTitle(PageId page) {
        return known.getIfPresent(page) == null;
    }

    /**
     * Notes that {@code page} was served.
     *
     * @param title  its title, or {@code null}
     * @param looked whether the page's bytes were looked at for a title (so there is no need to look again)
     */
    public void seen(PageId page, String title, boolean looked) {
        if (known.getIfPresent(page) != null) {
            return;
        }
        if (pending.size() < MAX_PENDING || pending.containsKey(page)) {
            pending.merge(page, new CataloguedPage(page, title, clock.instant()),
                    (old, now) -> old.title() != null ? old : new CataloguedPage(page, now.title(), old.firstSeen()));
        }
        if (looked) {
            known.put(page, Boolean.TRUE);
        }
    }

    /** Writes the pages noted since the last flush; a failure keeps them for the next one. */
    public synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<CataloguedPage> taken = new ArrayList<>();
        for (PageId page : List.copyOf(pending.keySet())) {
            CataloguedPage seen = pending.remove(page);
            if (seen != null) {
                taken.add(seen);
            }
        }
        try {
            store.catalogue(taken);
        } catch (RuntimeException e) {
            if (!(e instanceof StoreDownException)) { // known down: the store logged it once
                LOG.warn("Could not add {} pages to the catalogue; they will be tried again: {}", taken.size(), e.toString());
            }
            taken.forEach(p -> pending.merge(p.page(), p, (now, old) -> now.title() != null ? now : old));
        }
    }
}
