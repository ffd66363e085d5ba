package org.coquille.store;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.PatternRule;
import org.coquille.spi.SettingsStore;

/** The in-memory store's pattern rules, and the changes that span pages' settings. */
final class MemorySettings implements SettingsStore {

    private final Object lock;
    private final MemoryPages pages;
    private final Map<String, PatternRule> patterns = new TreeMap<>();

    MemorySettings(Object lock, MemoryPages pages) {
        this.lock = lock;
        this.pages = pages;
    }

    @Override
    public List<PatternRule> patternRules() {
        synchronized (lock) {
            return List.copyOf(patterns.values());
        }
    }

    @Override
    public void savePatternRule(PatternRule rule) {
        synchronized (lock) {
            patterns.put(rule.pattern(), rule);
        }
    }

    @Override
    public boolean deletePatternRule(String pattern) {
        synchronized (lock) {
            return patterns.remove(pattern) != null;
        }
    }

    @Override
    public boolean deleteSettings(PageId page) {
        return pages.remove(page);
    }

    @Override
    public void importSettings(List<PageSettings> settings, List<PatternRule> rules) {
        synchronized (lock) {
            settings.forEach(pages::saveSettings);
            rules.forEach(r -> patterns.put(r.pattern(), r));
        }
    }
}
