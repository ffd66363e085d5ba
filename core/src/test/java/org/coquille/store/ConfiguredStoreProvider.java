package org.coquille.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.coquille.spi.SocialStore;
import org.coquille.spi.StoreProvider;

/** A provider that settings configure (as a JDBC URL does the JDBC store's), for {@link StoresTest}. */
public final class ConfiguredStoreProvider implements StoreProvider {

    static final String URL = "coquille.store.configured.url";
    static final AtomicInteger OPENED = new AtomicInteger();

    @Override
    public String name() {
        return "configured";
    }

    @Override
    public Claim claim(Map<String, String> settings) {
        return settings.containsKey(URL) ? Claim.CONFIGURED : Claim.NONE;
    }

    @Override
    public SocialStore open(Map<String, String> settings, Path workFolder) {
        OPENED.incrementAndGet();
        return new MemoryStore();
    }
}
