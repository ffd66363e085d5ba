package org.coquille.spi;

import java.nio.file.Path;
import java.util.Map;

/**
 * Opens a store by name; found through {@link java.util.ServiceLoader}. The setting
 * {@code coquille.store} names the provider to use; without it, {@link #claim(Map)} decides.
 */
public interface StoreProvider {

    /**
     * How a provider stands towards settings that name no provider ({@code coquille.store} unset). Coquille opens the
     * first provider that is {@link #CONFIGURED}, else the first {@link #PRESENT}, else the first
     * {@link #EMBEDDED_DEFAULT}.
     */
    enum Claim {
        /** The settings are this provider's (a JDBC URL or JNDI name for the JDBC store): it is used. */
        CONFIGURED,
        /** It needs no setting, being on the class path says "use me" (a third party's store). */
        PRESENT,
        /** A default that needs no setting (H2 in the work folder): used when no other provider claims the settings. */
        EMBEDDED_DEFAULT,
        /** It opens only when {@code coquille.store} names it (the in-memory store). */
        NONE
    }

    /** The name the setting {@code coquille.store} uses for this provider, such as {@code "jdbc"}. */
    String name();

    /**
     * How this provider stands towards {@code settings} when they name no provider: {@link Claim#PRESENT} unless
     * overridden.
     */
    default Claim claim(Map<String, String> settings) {
        return Claim.PRESENT;
    }

    /**
     * Opens the store.
     *
     * @param settings   every {@code coquille.*} setting, for the provider's own
     * @param workFolder the installation's work folder, for file-based stores
     */
    SocialStore open(Map<String, String> settings, Path workFolder);
}
