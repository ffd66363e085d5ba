package org.coquille.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.coquille.spi.SocialStore;
import org.coquille.spi.StoreProvider;

/** A third-party store provider for {@link StoresTest}, listed only in the class loader that test builds. */
public final class FakeStoreProvider implements StoreProvider {

    static final AtomicInteger OPENED = new AtomicInteger();

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public SocialStore open(Map<String, String> settings, Path workFolder) {
        OPENED.incrementAndGet();
        return new MemoryStore();
    }
}
