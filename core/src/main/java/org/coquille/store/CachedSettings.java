package org.coquille.store;

import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;

import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.PatternRule;
import org.coquille.spi.ChangeNotice;
import org.coquille.spi.SettingsStore;

/** The pattern rules, read on every page view, cached as one entry; deletes and imports forget pages' settings too. */
final class CachedSettings implements SettingsStore {

    private final SettingsStore store;
    private final Caching caching;
    private final Cache<String, List<PatternRule>> patterns;

    CachedSettings(SettingsStore store, Caching caching) {
        this.store = store;
        this.caching = caching;
        this.patterns = caching.cache(1);
    }

    @Override
    public List<PatternRule> patternRules() {
        return caching.read(patterns, "all", k -> store.patternRules());
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
        caching.changed(ChangeNotice.Area.PAGE_SETTINGS, page, null, null);
        return deleted;
    }

    @Override
    public void importSettings(List<PageSettings> settings, List<PatternRule> rules) {
        try {
            store.importSettings(settings, rules);
        } finally {
            caching.changed(ChangeNotice.Area.ALL_SETTINGS, null, null, null); // an import replaces every page's settings
        }
    }

    private void forgetPatterns() {
        caching.changed(ChangeNotice.Area.PATTERN_RULES, null, null, null);
    }

    /** Forgets the pattern rules if {@code notice} changed them. */
    void forget(ChangeNotice notice) {
        switch (notice.area()) {
            case PATTERN_RULES, ALL_SETTINGS, EVERYTHING -> patterns.invalidateAll();
            default -> { }
        }
    }
}
