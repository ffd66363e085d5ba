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
import org.coquille.spi.StoreProvider.Claim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the store the settings ask for. {@code coquille.store} names a provider ({@code memory}, built in, or one
 * found by {@link ServiceLoader}, such as {@code jdbc} from {@code coquille-store-jdbc}). Without that setting, the
 * providers' {@link StoreProvider#claim(Map) claims} decide: the one the settings configure (a JDBC URL or JNDI name),
 * else a third party's, else the embedded default (H2 in the work folder, from {@code coquille-store-h2}). When no
 * provider can open, one error names the artifacts to add and a {@link MissingStore} is returned: pages are served
 * without widgets and nothing is accepted, never kept in memory and lost.
 */
public final class Stores {

    /** The setting naming the store provider. */
    public static final String STORE = "coquille.store";

    /** What to add when no store is found; says so in every message about it. */
    static final String ARTIFACTS = "add org.coquille:coquille-store-jdbc with your database's JDBC driver and set "
            + "coquille.store.url or coquille.store.jndi, or add org.coquille:coquille-store-jdbc and "
            + "org.coquille:coquille-store-h2 for the embedded H2 database (see the README's quick start)";

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
        StoreProvider provider = name != null && !name.isBlank()
                ? providers.byName.get(name.strip())
                : providers.claiming(settings);
        if (provider == null) {
            String why = (name != null && !name.isBlank()
                    ? "no store provider is named '" + name.strip() + "' (" + STORE + ")"
                    : "no store provider is on the class path")
                    + "; found: " + String.join(", ", providers.byName.keySet())
                    + (providers.broken.isEmpty() ? "" : "; " + providers.broken.size() + " could not be loaded: "
                            + String.join("; ", providers.broken));
            LOG.error("Coquille has no store, so pages are served without widgets and nothing is recorded: {}. To fix it, {}.",
                    why, ARTIFACTS);
            return new MissingStore(why + ". To fix it, " + ARTIFACTS).proxy();
        }
        SocialStore store = provider.open(settings, workFolder);
        if (provider.claim(settings) == Claim.EMBEDDED_DEFAULT) {
            LOG.info("Coquille store: {}, the embedded default (provider '{}'); see the README to use another database",
                    store.describe(), provider.name());
        } else {
            LOG.info("Coquille store: {} (provider '{}')", store.describe(), provider.name());
        }
        return store;
    }

    /** The providers found: the built-in one first, then the others in {@link ServiceLoader} order. */
    private static final class Providers {

        final Map<String, StoreProvider> byName = new LinkedHashMap<>();
        final List<String> broken = new ArrayList<>();

        static Providers find(ClassLoader loader) {
            Providers found = new Providers();
            found.byName.put(MemoryStoreProvider.NAME, new MemoryStoreProvider());
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
            if (provider instanceof MemoryStoreProvider) {
                return;
            }
            String name = provider.name();
            StoreProvider taken = byName.get(name);
            if (taken != null) {
                if (taken.getClass() != provider.getClass()) { // the same jar twice on a class path is no conflict
                    LOG.warn("The Coquille store provider {} is ignored: the name '{}' is taken by {}",
                            provider.getClass().getName(), name, taken.getClass().getName());
                }
                return;
            }
            byName.put(name, provider);
        }

        /** The provider with the strongest claim on {@code settings}, the first found among equals; or null. */
        StoreProvider claiming(Map<String, String> settings) {
            StoreProvider best = null;
            Claim bestClaim = Claim.NONE;
            for (StoreProvider provider : byName.values()) {
                Claim claim = provider.claim(settings);
                if (claim.compareTo(bestClaim) < 0) {
                    best = provider;
                    bestClaim = claim;
                }
            }
            return best;
        }
    }
}
