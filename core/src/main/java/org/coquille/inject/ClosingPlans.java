package org.coquille.inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClosingTags} for a page the byte scanner was unsure of, remembered by the page's content hash so that an
 * unchanged page is parsed once, whatever the memory of seen pages holds.
 */
final class ClosingPlans {

    private static final Logger LOG = LoggerFactory.getLogger(ClosingPlans.class);
    private static final byte[] NOTHING_OPEN = new byte[0];

    private final Cache<Key, Optional<byte[]>> plans;
    private final Function<String, Document> parser;

    /**
     * @param maximumSize how many pages' plans to remember; 0 remembers none (and builds no cache)
     * @param parser      parses decoded page text; no position tracking needed
     */
    ClosingPlans(int maximumSize, Function<String, Document> parser) {
        this.plans = maximumSize <= 0 ? null : Caffeine.newBuilder().executor(Runnable::run).maximumSize(maximumSize).build();
        this.parser = parser;
    }

    /**
     * The end tags, in ASCII, that body-end content put at {@code offset} must begin with (empty when nothing is open),
     * or null when it must not go there.
     */
    byte[] closingTags(byte[] page, Charset charset, int offset) {
        if (plans == null) {
            return plan(page, charset, offset).orElse(null);
        }
        Key key = new Key(ContentHash.of(page), charset, offset);
        return plans.get(key, k -> plan(page, charset, offset)).orElse(null);
    }

    private Optional<byte[]> plan(byte[] page, Charset charset, int offset) {
        try {
            byte[] asBrowsersRead = SelfClosingSlashes.dropped(page, offset);
            String closing = ClosingTags.before(ByteOffsets.decode(asBrowsersRead, charset), parser);
            if (closing == null) {
                return Optional.empty();
            }
            return Optional.of(closing.isEmpty() ? NOTHING_OPEN : closing.getBytes(StandardCharsets.US_ASCII));
        } catch (RuntimeException e) { // jsoup is lenient with markup; this is a bug somewhere, not a bad page
            LOG.debug("Could not tell what a page of {} bytes leaves open", page.length, e);
            return Optional.empty();
        }
    }

    private record Key(ContentHash page, Charset charset, int offset) {
    }
}
