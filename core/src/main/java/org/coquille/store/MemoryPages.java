package org.coquille.store;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.spi.PageStore;

/** The in-memory store's page settings. */
final class MemoryPages implements PageStore {

    private final Object lock;
    private final Map<PageId, PageSettings> settings = new TreeMap<>();

    MemoryPages(Object lock) {
        this.lock = lock;
    }

    @Override
    public PageSettings settings(PageId page) {
        synchronized (lock) {
            return settings.get(page);
        }
    }

    @Override
    public void saveSettings(PageSettings pageSettings) {
        synchronized (lock) {
            settings.put(pageSettings.page(), pageSettings);
        }
    }

    @Override
    public List<PageSettings> allSettings() {
        synchronized (lock) {
            return List.copyOf(settings.values());
        }
    }

    boolean remove(PageId page) {
        synchronized (lock) {
            return settings.remove(page) != null;
        }
    }
}
