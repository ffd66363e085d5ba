package org.coquille.spi;

import java.nio.file.Path;
import java.util.Map;

/**
 * Opens a store by name; found through {@link java.util.ServiceLoader}. The setting
 * {@code coquille.store} names the provider to use.
 */
public interface StoreProvider {

    /** The name the setting {@code coquille.store} uses for this provider, such as {@code "jdbc"}. */
    String name();

    /**
     * Opens the store.
     *
     * @param settings   every {@code coquille.*} setting, for the provider's own
     * @param workFolder the installation's work folder, for file-based stores
     */
    SocialStore open(Map<String, String> settings, Path workFolder);
}
