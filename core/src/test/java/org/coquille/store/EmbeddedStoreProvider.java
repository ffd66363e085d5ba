package org.coquille.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.coquille.spi.SocialStore;
import org.coquille.spi.StoreProvider;

/** A provider that is an embedded default (as the JDBC store is with coquille-store-h2), for {@link StoresTest}. */
public final class EmbeddedStoreProvider implements StoreProvider {

    static final AtomicInteger OPENED = new AtomicInteger();

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public Claim claim(Map<String, String> settings) {
        return Claim.EMBEDDED_DEFAULT;
    }

    @Override
    public SocialStore open(Map<String, String> settings, Path workFolder) {
        OPENED.incrementAndGet();
        return new MemoryStore();
    }
}
