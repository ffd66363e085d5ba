package org.coquille.store;

import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;

import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.spi.ChangeNotice;
import org.coquille.spi.PageStore;

/** Page settings, read on every page view, cached. */
final class CachedPages implements PageStore {

    private final PageStore store;
    private final Caching caching;
    private final Cache<PageId, Optional<PageSettings>> settings;

    CachedPages(PageStore store, Caching caching) {
        this.store = store;
        this.caching = caching;
        this.settings = caching.cache(20_000);
    }

    @Override
    public PageSettings settings(PageId page) {
        return caching.read(settings, page, p -> Optional.ofNullable(store.settings(p))).orElse(null);
    }

    @Override
    public void saveSettings(PageSettings pageSettings) {
        store.saveSettings(pageSettings);
        caching.changed(ChangeNotice.Area.PAGE_SETTINGS, pageSettings.page(), null, null);
    }

    @Override
    public List<PageSettings> allSettings() {
        return store.allSettings();
    }

    /** Forgets what {@code notice} changed: one page's settings, or all of them. */
    void forget(ChangeNotice notice) {
        switch (notice.area()) {
            case PAGE_SETTINGS -> {
                if (notice.page() == null) {
                    settings.invalidateAll();
                } else {
                    settings.invalidate(notice.page());
                }
            }
            case ALL_SETTINGS, EVERYTHING -> settings.invalidateAll();
            default -> { }
        }
    }
}
