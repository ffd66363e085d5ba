package org.coquille.store;

import java.nio.file.Path;
import java.util.Map;

import org.coquille.spi.SocialStore;
import org.coquille.spi.StoreProvider;

/** A store provider that cannot even be created, for {@link StoresTest}. */
public final class BrokenStoreProvider implements StoreProvider {

    public BrokenStoreProvider() {
        throw new IllegalStateException("missing its configuration");
    }

    @Override
    public String name() {
        return "broken";
    }

    @Override
    public SocialStore open(Map<String, String> settings, Path workFolder) {
        throw new UnsupportedOperationException();
    }
}
