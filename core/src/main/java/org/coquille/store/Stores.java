package org.coquille.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.coquille.spi.SocialStore;
import org.coquille.spi.StoreProvider;
import org.coquille.store.jdbc.JdbcStoreProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the store the settings ask for: the provider named by {@code coquille.store} ({@code memory},
 * {@code jdbc} or a third party's, found by {@link ServiceLoader}); without that setting, the JDBC store
 * when {@code coquille.store.url} or {@code coquille.store.jndi} is set, else the first third-party
 * provider found, else the embedded H2 database in the work folder.
 */
public final class Stores {

    /** The setting naming the store provider. */
    public static final String STORE = "coquille.store";

    private static final Logger LOG = LoggerFactory.getLogger(Stores.class);

    /** Gives up on a broken {@code META-INF/services} listing after this many failures in a row. */
    private static final int MAX_FAILURES = 20;

    private Stores() {
    }

    /** Opens the store that {@code settings} choose, logging one line that says where the data lives. */
    public static SocialStore open(Map<String, String> settings, Path workFolder) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return open(settings, workFolder, loader != null ? loader : Stores.class.getClassLoader());
    }

    static SocialStore open(Map<String, String> settings, Path workFolder, ClassLoader loader) {
        Providers providers = Providers.find(loader);
        String name = settings.get(STORE);
        StoreProvider provider;
        if (name != null && !name.isBlank()) {
            provider = providers.named(name.strip());
        } else if (JdbcStoreProvider.isConfigured(settings) || providers.thirdParty.isEmpty()) {
            provider = providers.byName.get(JdbcStoreProvider.NAME);
        } else {
            provider = providers.thirdParty.get(0);
        }
        SocialStore store = provider.open(settings, workFolder);
        if (provider instanceof JdbcStoreProvider && !JdbcStoreProvider.isConfigured(settings)) {
            LOG.info("Coquille store: {}, the embedded default; set {} or {} to use another database",
                    store.describe(), JdbcStoreProvider.URL, JdbcStoreProvider.JNDI);
        } else {
            LOG.info("Coquille store: {} (provider '{}')", store.describe(), provider.name());
        }
        return store;
    }

    /** The providers found: the built-in ones first, then the third parties' in {@link ServiceLoader} order. */
    private static final class Providers {

        final Map<String, StoreProvider> byName = new LinkedHashMap<>();
        final List<StoreProvider> thirdParty = new ArrayList<>();
        final List<String> broken = new ArrayList<>();

        static Providers find(ClassLoader loader) {
            Providers found = new Providers();
            found.byName.put(MemoryStoreProvider.NAME, new MemoryStoreProvider());
            found.byName.put(JdbcStoreProvider.NAME, new JdbcStoreProvider());
            Iterator<StoreProvider> it = ServiceLoader.load(StoreProvider.class, loader).iterator();
            for (int failures = 0; failures < MAX_FAILURES; ) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    found.add(it.next());
                    failures = 0;
                } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                    failures++;
                    String why = e.getCause() == null ? e.getMessage() : e.getMessage() + " (" + e.getCause() + ")";
                    found.broken.add(why);
                    LOG.warn("A Coquille store provider could not be loaded and is ignored: {}", why);
                }
            }
            return found;
        }

        private void add(StoreProvider provider) {
            if (provider instanceof MemoryStoreProvider || provider instanceof JdbcStoreProvider) {
                return;
            }
            String name = provider.name();
            if (byName.containsKey(name)) {
                LOG.warn("The Coquille store provider {} is ignored: the name '{}' is taken by {}",
                        provider.getClass().getName(), name, byName.get(name).getClass().getName());
                return;
            }
            byName.put(name, provider);
            thirdParty.add(provider);
        }

        StoreProvider named(String name) {
            StoreProvider provider = byName.get(name);
            if (provider == null) {
                throw new IllegalArgumentException("No store provider is named '" + name + "' (" + STORE
                        + "). Found: " + String.join(", ", byName.keySet())
                        + (broken.isEmpty() ? "" : "; " + broken.size() + " could not be loaded: " + String.join("; ", broken)));
            }
            return provider;
        }
    }
}
