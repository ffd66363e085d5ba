package org.coquille.store;

import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;

import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.PatternRule;
import org.coquille.spi.SettingsStore;

/** The pattern rules, read on every page view, cached as one entry; deletes and imports forget pages' settings. */
final class CachedSettings implements SettingsStore {

    private final SettingsStore store;
    private final Caching caching;
    private final CachedPages pages;
    private final Cache<String, List<PatternRule>> patterns;

    CachedSettings(SettingsStore store, Caching caching, CachedPages pages) {
        this.store = store;
        this.caching = caching;
        this.pages = pages;
        this.patterns = caching.cache(1);
    }

    @Override
    public List<PatternRule> patternRules() {
        return patterns.get("all", k -> store.patternRules());
    }

    @Override
    public void savePatternRule(PatternRule rule) {
        store.savePatternRule(rule);
        forgetPatterns();
    }

    @Override
    public boolean deletePatternRule(String pattern) {
        boolean deleted = store.deletePatternRule(pattern);
        forgetPatterns();
        return deleted;
    }

    @Override
    public boolean deleteSettings(PageId page) {
        boolean deleted = store.deleteSettings(page);
        pages.forget(page);
        return deleted;
    }

    @Override
    public void importSettings(List<PageSettings> settings, List<PatternRule> rules) {
        try {
            store.importSettings(settings, rules);
        } finally {
            pages.forgetAll(); // an import replaces every page's settings
            forgetPatterns();
        }
    }

    private void forgetPatterns() {
        patterns.invalidateAll();
        caching.wrote();
    }
}
