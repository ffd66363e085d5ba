package org.coquille.store.jdbc.packaging;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

import org.coquille.core.PageId;
import org.coquille.spi.SocialStore;
import org.coquille.store.Stores;

/**
 * Opens the store as an installation does ({@link Stores} with its settings), writes a vote and reads it back.
 * {@code ShadedStoreIT} runs it in a class loader that holds the published jars only; this class must therefore name
 * none of the bundled libraries.
 */
public final class ShadedStoreDriver implements Function<Map<String, String>, String> {

    @Override
    public String apply(Map<String, String> settings) {
        PageId page = PageId.of("/news/canteen.jsp");
        try (SocialStore store = Stores.open(settings, Path.of(settings.get("coquille.workFolder")))) {
            store.votes().putVote(page, "alice", 1, Instant.parse("2026-03-04T09:00:00Z"));
            return store.getClass().getName() + "|" + store.describe() + "|" + store.votes().vote(page, "alice");
        }
    }
}
