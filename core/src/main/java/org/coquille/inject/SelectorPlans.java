package org.coquille.inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.Charset;
import java.util.function.Function;
import org.jsoup.nodes.Document;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works out the byte offset for a selector placement by parsing the page with jsoup, and remembers it by the page's
 * content hash so that an unchanged page is parsed once. A page its caller knows by a key (its address) is also
 * remembered under that key with a copy of its bytes ({@link SeenPages}), so that an unchanged page costs one
 * comparison per view instead of the hash of its bytes.
 *
 * <p>"No match" (including an invalid selector) is remembered too.
 */
final class SelectorPlans {

    private static final Logger LOG = LoggerFactory.getLogger(SelectorPlans.class);
    private static final int NO_MATCH = -1;

    private final Cache<Key, Integer> plans;
    private final SeenPages<Integer> seen;
    private final Function<String, Document> parser;

    /**
     * @param maximumSize how many (page content, placement) offsets to remember
     * @param seenBytes   how many bytes of copies of pages known by a key to keep (0: none)
     * @param parser      parses decoded page text with source position tracking on
     */
    SelectorPlans(int maximumSize, long seenBytes, Function<String, Document> parser) {
        this.plans = Caffeine.newBuilder().executor(Runnable::run).maximumSize(maximumSize).build();
        this.seen = new SeenPages<>(seenBytes);
        this.parser = parser;
    }

    /** The byte offset where the fragment goes, or -1 when the selector matches nothing or cannot be parsed. */
    int byteOffset(byte[] page, Charset charset, Placement placement) {
        return byteOffset(page, page.length, charset, placement, null);
    }

    /**
     * As {@link #byteOffset(byte[], Charset, Placement)}, for the page in the first {@code length} bytes, known to its
     * caller as {@code pageKey} (or {@code null}: then by its content hash alone).
     */
    int byteOffset(byte[] page, int length, Charset charset, Placement placement, Object pageKey) {
        if (pageKey == null) {
            return planned(page, length, charset, placement);
        }
        return seen.get(new SeenKey(pageKey, placement), page, length, charset,
                (copy, cs) -> planned(copy, copy.length, cs, placement));
    }

    private int planned(byte[] page, int length, Charset charset, Placement placement) {
        Key key = new Key(ContentHash.of(page, length), charset, placement);
        return plans.get(key, k -> plan(SeenPages.exactly(page, length), charset, placement));
    }

    private int plan(byte[] page, Charset charset, Placement placement) {
        Evaluator selector;
        try {
            selector = QueryParser.parse(placement.selector());
        } catch (Selector.SelectorParseException | IllegalArgumentException e) {
            LOG.debug("Invalid CSS selector {}: {}", placement.selector(), e.getMessage());
            return NO_MATCH;
        }
        try {
            Document document = parser.apply(ByteOffsets.decode(page, charset));
            int charOffset = SelectorLocator.charOffset(document, selector, placement.anchor());
            return charOffset < 0 ? NO_MATCH : ByteOffsets.of(page, charset, charOffset);
        } catch (RuntimeException e) { // jsoup is lenient with markup; this is a bug somewhere, not a bad page
            LOG.debug("Could not place {} in a page of {} bytes", placement, page.length, e);
            return NO_MATCH;
        }
    }

    private record Key(ContentHash page, Charset charset, Placement placement) {
    }

    private record SeenKey(Object pageKey, Placement placement) {
    }
}
