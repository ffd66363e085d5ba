package org.coquille.inject;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Splices a rendered fragment into a page's original bytes, leaving every other byte identical.
 *
 * <p>The default placement is found by one forward scan of the raw bytes that tokenizes as a browser does (comments,
 * scripts and their escaped parts, raw-text elements, quoted attribute values), with no decoding and no DOM; a page that
 * ends inside such a construct without a real {@code </body>} is left alone; a page whose bytes were seen before is not
 * scanned again (its copy is kept, within a byte budget, and compared whole). When the scan sees that the page may
 * leave an element open there (an unclosed table, link, form, font...), jsoup parses the page once (remembered by its
 * SHA-256) to find the end tags that the fragment then begins with, so that a browser puts it in {@code <body>}; a
 * page where none do (a frameset page) is left alone. A CSS selector placement parses the page
 * with jsoup once and remembers the resulting offset by the page's SHA-256. Pages in a charset that is not
 * ASCII-compatible (UTF-16, UTF-32, EBCDIC, ISO-2022) are left alone. Thread-safe.
 *
 * <pre>{@code
 * PageInjector injector = new PageInjector(1_000);
 * Injection injection = injector.inject(page, "ISO-8859-1", Placement.DEFAULT, "<div class=\"coq-widgets\">...</div>");
 * byte[] out = injection == null ? page : injection.bytes();
 * }</pre>
 */
public final class PageInjector {

    /** How many bytes of page copies the default placement remembers unless told otherwise: 16 MiB. */
    public static final long DEFAULT_SEEN_PAGES_BYTES = 16L << 20;

    private final SelectorPlans selectorPlans;
    private final BodyEnds bodyEnds;

    /**
     * @param selectorPlanCacheSize how many (page content, selector placement) offsets to remember, and as many pages'
     *                              end tags to put before body-end content
     */
    public PageInjector(int selectorPlanCacheSize) {
        this(selectorPlanCacheSize, DEFAULT_SEEN_PAGES_BYTES);
    }

    /**
     * @param selectorPlanCacheSize how many (page content, selector placement) offsets to remember
     * @param seenPagesBytes        how many bytes of pages to keep so that an unchanged page is not scanned again for
     *                              the default placement (0: scan every page)
     */
    public PageInjector(int selectorPlanCacheSize, long seenPagesBytes) {
        this(selectorPlanCacheSize, seenPagesBytes, html -> Jsoup.parse(html, Parser.htmlParser().setTrackPosition(true)));
    }

    /** @param parser parses page text with source position tracking on; tests count its calls */
    PageInjector(int selectorPlanCacheSize, long seenPagesBytes, Function<String, Document> parser) {
        if (selectorPlanCacheSize < 0) {
            throw new IllegalArgumentException("selectorPlanCacheSize must be >= 0, was " + selectorPlanCacheSize);
        }
        if (seenPagesBytes < 0) {
            throw new IllegalArgumentException("seenPagesBytes must be >= 0, was " + seenPagesBytes);
        }
        this.selectorPlans = new SelectorPlans(selectorPlanCacheSize, seenPagesBytes,
                Objects.requireNonNull(parser, "parser"));
        this.bodyEnds = new BodyEnds(seenPagesBytes, new ClosingPlans(selectorPlanCacheSize, Jsoup::parse));
    }

    /**
     * Inserts {@code fragmentHtml}, encoded in the page's charset, where {@code placement} says. At the body end, the
     * inserted bytes begin with the end tags of what the page leaves open there, if anything, so that a fragment whose
     * root is a block element ({@code <section>}, {@code <div>}) becomes a child of {@code <body>}.
     *
     * @param page          the page's bytes, as the application wrote them
     * @param headerCharset charset from the Content-Type header, or null
     * @param placement     where the fragment goes
     * @param fragmentHtml  the fragment; characters the page's charset lacks become numeric character references
     * @return the injected page, or null when the page must be left alone (frameset page, selector matched nothing or
     *     is invalid, unknown or not ASCII-compatible charset, page ending inside a comment or script without a
     *     {@code </body>}...). Never throws for bad markup: returns null.
     */
    public Injection inject(byte[] page, String headerCharset, Placement placement, String fragmentHtml) {
        return inject(page, Objects.requireNonNull(page, "page").length, null, headerCharset, placement, fragmentHtml);
    }

    /**
     * As {@link #inject(byte[], String, Placement, String)}, for the page in the first {@code length} bytes of
     * {@code page} (a pooled array, longer than the page): nothing after them is read, and the page is not copied.
     *
     * @param pageKey what the caller knows the page by (its address), or {@code null}: where the page's place is
     *                remembered, so that an unchanged page costs one comparison with the copy kept of it
     */
    public Injection inject(byte[] page, int length, Object pageKey, String headerCharset, Placement placement,
                            String fragmentHtml) {
        Objects.requireNonNull(fragmentHtml, "fragmentHtml");
        return splice(page, length, pageKey, headerCharset, placement, fragmentHtml, null);
    }

    /**
     * As {@link #inject}, for a fragment already in ASCII (every non-ASCII character written as a reference), whose
     * bytes are the same in every charset a page can be decorated in: nothing is encoded, nothing is checked (a check
     * of every byte cost as much as the rest of the splice, measured). Bytes at or above 0x80 are the caller's
     * mistake and would reach the page as they are; {@link #inject} is the method for text.
     *
     * @param asciiFragment the fragment's bytes, each below 0x80
     */
    public Injection injectAscii(byte[] page, String headerCharset, Placement placement, byte[] asciiFragment) {
        return injectAscii(page, Objects.requireNonNull(page, "page").length, null, headerCharset, placement,
                asciiFragment);
    }

    /**
     * As {@link #injectAscii(byte[], String, Placement, byte[])}, for the page in the first {@code length} bytes, known
     * to the caller as {@code pageKey} (or {@code null}), as {@link #inject(byte[], int, Object, String, Placement,
     * String)}.
     */
    public Injection injectAscii(byte[] page, int length, Object pageKey, String headerCharset, Placement placement,
                                 byte[] asciiFragment) {
        Objects.requireNonNull(asciiFragment, "asciiFragment");
        return splice(page, length, pageKey, headerCharset, placement, null, asciiFragment);
    }

    private Injection splice(byte[] page, int length, Object pageKey, String headerCharset, Placement placement,
                             String html, byte[] ascii) {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(placement, "placement");
        Objects.checkFromIndexSize(0, length, page.length);
        Charset charset = detectCharset(page, length, headerCharset);
        if (charset == null || !AsciiCompatible.test(charset)) {
            return null;
        }
        BodyEnds.Place place = placement.isDefault() ? bodyEnds.find(page, length, charset, pageKey)
                : new BodyEnds.Place(selectorPlans.byteOffset(page, length, charset, placement, pageKey), new byte[0]);
        int offset = place.offset();
        if (offset < 0 || offset > length) {
            return null;
        }
        byte[] fragment = ascii != null ? ascii : FragmentEncoder.encode(html, charset);
        return new Injection(page, length, offset, withClosingTags(place.closingTags(), fragment), charset);
    }

    private static byte[] withClosingTags(byte[] closingTags, byte[] fragment) {
        if (closingTags.length == 0) {
            return fragment;
        }
        byte[] joined = Arrays.copyOf(closingTags, closingTags.length + fragment.length);
        System.arraycopy(fragment, 0, joined, closingTags.length, fragment.length);
        return joined;
    }

    /**
     * Charset detection alone: a byte order mark, else the header, else a {@code <meta charset>} or
     * {@code <meta http-equiv="Content-Type" content="...; charset=...">} starting in the first 1024 bytes, else
     * ISO-8859-1. The byte order mark wins over the header because browsers let it.
     *
     * @param headerCharset charset from the Content-Type header, or null
     * @return the charset, or null when the header or the page names a charset this JVM does not know
     */
    public static Charset detectCharset(byte[] page, String headerCharset) {
        return CharsetSniffer.detect(Objects.requireNonNull(page, "page"), headerCharset);
    }

    /** As {@link #detectCharset(byte[], String)}, for the page in the first {@code length} bytes of {@code page}. */
    public static Charset detectCharset(byte[] page, int length, String headerCharset) {
        Objects.checkFromIndexSize(0, length, Objects.requireNonNull(page, "page").length);
        return CharsetSniffer.detect(page, length, headerCharset);
    }

    /**
     * The page's {@code <title>} text (decoded, entities resolved, whitespace trimmed and collapsed), or null; cheap: a
     * scan of the head, no DOM.
     */
    public static String title(byte[] page, Charset charset) {
        return PageTitle.of(Objects.requireNonNull(page, "page"), Objects.requireNonNull(charset, "charset"));
    }

    /** As {@link #title(byte[], Charset)}, for the page in the first {@code length} bytes of {@code page}. */
    public static String title(byte[] page, int length, Charset charset) {
        Objects.checkFromIndexSize(0, length, Objects.requireNonNull(page, "page").length);
        return title(SeenPages.exactly(page, length), charset);
    }
}
