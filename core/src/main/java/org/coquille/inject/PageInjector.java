package org.coquille.inject;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.coquille.core.Placement;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;
import org.jsoup.select.Selector;

/** Splices a rendered fragment into a page's original bytes, leaving every other byte identical. */
public final class PageInjector {

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?([a-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private record PlanKey(String pageHash, Placement placement) { }

    /** Where a selector placement puts the fragment in one page: a byte offset, or -1 when nothing matched. */
    private record Plan(int byteOffset) { }

    private final Cache<PlanKey, Plan> plans;
    int parses;

    /** @param selectorPlanCacheSize how many pages' selector plans are kept */
    public PageInjector(int selectorPlanCacheSize) {
        this.plans = Caffeine.newBuilder().maximumSize(selectorPlanCacheSize).build();
    }

    /**
     * The page with {@code fragmentHtml} inserted where {@code placement} says, or {@code null} when the
     * page must be left alone (a frameset page, a selector that matches nothing or is invalid, a charset
     * this JVM does not know). Never throws for bad markup.
     *
     * @param headerCharset the charset of the {@code Content-Type} header, or {@code null}
     */
    public Injection inject(byte[] page, String headerCharset, Placement placement, String fragmentHtml) {
        Charset charset = detectCharset(page, headerCharset);
        if (charset == null || !isAsciiCompatible(charset)) {
            return null;
        }
        int offset;
        if (placement.isDefault()) {
            BodyEndScanner.Result scan = BodyEndScanner.scan(page);
            if (scan.frameset()) {
                return null;
            }
            offset = scan.offset();
        } else {
            offset = selectorOffset(page, charset, placement);
            if (offset < 0) {
                return null;
            }
        }
        byte[] fragment = encode(fragmentHtml, charset);
        byte[] out = new byte[page.length + fragment.length];
        System.arraycopy(page, 0, out, 0, offset);
        System.arraycopy(fragment, 0, out, offset, fragment.length);
        System.arraycopy(page, offset, out, offset + fragment.length, page.length - offset);
        return new Injection(out, offset, fragment.length, charset);
    }

    /**
     * The page's charset: the {@code Content-Type} header's, else a byte-order mark's, else a {@code <meta>}
     * in the first 1024 bytes, else ISO-8859-1. {@code null} when the named charset is unknown to this JVM.
     */
    public static Charset detectCharset(byte[] page, String headerCharset) {
        if (headerCharset != null && !headerCharset.isBlank()) {
            return forName(headerCharset.strip());
        }
        if (page.length >= 3 && (page[0] & 0xff) == 0xEF && (page[1] & 0xff) == 0xBB && (page[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (page.length >= 2 && ((page[0] & 0xff) == 0xFE && (page[1] & 0xff) == 0xFF
                || (page[0] & 0xff) == 0xFF && (page[1] & 0xff) == 0xFE)) {
            return StandardCharsets.UTF_16;
        }
        String head = new String(page, 0, Math.min(page.length, 1024), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (m.find()) {
            Charset named = forName(m.group(1));
            return named != null ? named : StandardCharsets.ISO_8859_1;
        }
        return StandardCharsets.ISO_8859_1;
    }

    /** The page's {@code <title>} text, entities resolved and whitespace trimmed, or {@code null}; a scan of the head, no DOM. */
    public static String title(byte[] page, Charset charset) {
        String head = new String(page, 0, Math.min(page.length, 16 * 1024), charset);
        Matcher m = TITLE.matcher(head);
        if (!m.find()) {
            return null;
        }
        String text = Parser.unescapeEntities(m.group(1), false).replaceAll("\\s+", " ").strip();
        return text.isEmpty() ? null : text;
    }

    private int selectorOffset(byte[] page, Charset charset, Placement placement) {
        PlanKey key = new PlanKey(hash(page), placement);
        return plans.get(key, k -> plan(page, charset, placement)).byteOffset();
    }

    private Plan plan(byte[] page, Charset charset, Placement placement) {
        parses++;
        String text = new String(page, charset);
        Document doc = Parser.htmlParser().setTrackPosition(true).parseInput(text, "");
        Element element;
        try {
            element = doc.selectFirst(placement.selector());
        } catch (Selector.SelectorParseException e) {
            return new Plan(-1);
        }
        if (element == null) {
            return new Plan(-1);
        }
        int charOffset = switch (placement.anchor()) {
            case BEFORE -> tracked(element.sourceRange()) ? element.sourceRange().startPos() : -1;
            case AFTER -> afterEnd(element);
            case INSIDE -> tracked(element.endSourceRange()) ? element.endSourceRange().startPos() : afterEnd(element);
            case BODY_END -> -1;
        };
        if (charOffset < 0 || charOffset > text.length()) {
            return new Plan(-1);
        }
        int byteOffset = text.substring(0, charOffset).getBytes(charset).length;
        // the prefix must re-encode to the original bytes, else the offset cannot be trusted
        return Arrays.equals(page, 0, byteOffset, text.substring(0, charOffset).getBytes(charset), 0, byteOffset)
                ? new Plan(byteOffset) : new Plan(-1);
    }

    private static int afterEnd(Element element) {
        if (tracked(element.endSourceRange())) {
            return element.endSourceRange().endPos();
        }
        Element last = element;
        while (last.lastElementChild() != null) {
            last = last.lastElementChild();
        }
        Range range = tracked(last.endSourceRange()) ? last.endSourceRange() : last.sourceRange();
        return tracked(range) ? range.endPos() : -1;
    }

    private static boolean tracked(Range range) {
        return range != null && range.isTracked() && !range.isImplicit();
    }

    /** The fragment in the page's charset; characters it cannot encode become numeric character references. */
    static byte[] encode(String fragment, Charset charset) {
        if (isAscii(fragment)) {
            return fragment.getBytes(StandardCharsets.US_ASCII); // the same bytes in every ASCII-compatible charset
        }
        CharsetEncoder encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer in = CharBuffer.wrap(fragment);
        ByteBuffer out = ByteBuffer.allocate((int) (fragment.length() * encoder.maxBytesPerChar()) + 16);
        while (true) {
            CoderResult result = encoder.encode(in, out, true);
            if (result.isUnderflow()) {
                encoder.flush(out);
                break;
            }
            if (result.isOverflow()) {
                out = grow(out);
                continue;
            }
            int codePoint = Character.codePointAt(in, 0);
            in.position(in.position() + Character.charCount(codePoint));
            byte[] reference = ("&#" + codePoint + ";").getBytes(StandardCharsets.US_ASCII);
            if (out.remaining() < reference.length) {
                out = grow(out);
            }
            out.put(reference);
        }
        return Arrays.copyOf(out.array(), out.position());
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static ByteBuffer grow(ByteBuffer out) {
        ByteBuffer bigger = ByteBuffer.allocate(out.capacity() * 2 + 64);
        out.flip();
        return bigger.put(out);
    }

    private static boolean isAsciiCompatible(Charset charset) {
        try {
            byte[] probe = "<>/ab=\"'".getBytes(charset);
            return Arrays.equals(probe, "<>/ab=\"'".getBytes(StandardCharsets.US_ASCII));
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    private static Charset forName(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static String hash(byte[] page) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(page));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
