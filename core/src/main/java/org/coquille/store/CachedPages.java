package org.coquille.store;

import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;

import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
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
        return settings.get(page, p -> Optional.ofNullable(store.settings(p))).orElse(null);
    }

    @Override
    public void saveSettings(PageSettings pageSettings) {
        store.saveSettings(pageSettings);
        forget(pageSettings.page());
    }

    @Override
    public List<PageSettings> allSettings() {
        return store.allSettings();
    }

    void forget(PageId page) {
        settings.invalidate(page);
        caching.wrote();
    }

    void forgetAll() {
        settings.invalidateAll();
        caching.wrote();
    }
}
