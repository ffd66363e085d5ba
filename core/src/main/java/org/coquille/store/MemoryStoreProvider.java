package org.coquille.store;

import java.nio.file.Path;
import java.util.Map;

import org.coquille.spi.SocialStore;
import org.coquille.spi.StoreProvider;

/** Opens a {@link MemoryStore} for the setting {@code coquille.store=memory}: for tests and demos, nothing kept. */
public final class MemoryStoreProvider implements StoreProvider {

    /** The provider's name. */
    public static final String NAME = "memory";

    @Override
    public String name() {
        return NAME;
    }

    /** Only when named: a store that keeps nothing is never chosen by default. */
    @Override
    public Claim claim(Map<String, String> settings) {
        return Claim.NONE;
    }

    @Override
    public SocialStore open(Map<String, String> settings, Path workFolder) {
        return new MemoryStore();
    }
}
