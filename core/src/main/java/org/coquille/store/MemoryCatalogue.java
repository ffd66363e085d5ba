package org.coquille.store;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.coquille.core.CataloguedPage;
import org.coquille.core.PageId;
import org.coquille.spi.PageCatalogueStore;

/** The in-memory store's catalogue of pages served, with their view totals from the activity ledger. */
final class MemoryCatalogue implements PageCatalogueStore {

    private final Object lock;
    private final MemoryActivity activity;
    private final Map<PageId, CataloguedPage> pages = new TreeMap<>();

    MemoryCatalogue(Object lock, MemoryActivity activity) {
        this.lock = lock;
        this.activity = activity;
    }

    @Override
    public void catalogue(Collection<CataloguedPage> sightings) {
        synchronized (lock) {
            for (CataloguedPage seen : sightings) {
                CataloguedPage known = pages.get(seen.page());
                if (known == null) {
                    pages.put(seen.page(), seen);
                } else if (known.title() == null && seen.title() != null) {
                    pages.put(seen.page(), new CataloguedPage(known.page(), seen.title(), known.firstSeen()));
                }
            }
        }
    }

    @Override
    public List<CataloguedPage> cataloguedPages() {
        synchronized (lock) {
            return List.copyOf(pages.values());
        }
    }

    @Override
    public Map<PageId, Long> viewTotals(LocalDate from, LocalDate to) {
        return activity.viewTotals(from, to);
    }
}
