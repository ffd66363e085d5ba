package org.coquille.inject;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Counts, by name, the start and end tags the byte scanner meets, to tell cheaply whether a page may leave an element
 * open: any element whose end tag is required (a {@code <table>}, {@code <a>}, {@code <form>}, {@code <font>},
 * {@code <div>}...) with more start tags than end tags, or more end tags than start tags. A balanced count needs no
 * parser; an unbalanced one is settled by {@link ClosingTags}, which parses the page.
 *
 * <p>Not counted: void elements, elements whose end tag may be left out ({@code <p>}, {@code <li>}, {@code <td>},
 * {@code <option>}...: their parent's end tag closes them), and {@code html}, {@code head}, {@code body}. A self-closing
 * tag ({@code <path/>}) counts only outside SVG and MathML, where HTML ignores its slash. Names are told apart by a hash
 * of their lower-cased bytes, in 256 buckets: two names in one bucket could hide each other's imbalance, which costs
 * the page what it had before, never a wrong splice. About 10 ns a tag: a hash, two array reads, an addition.
 */
final class TagBalance {

    private static final String[] NOT_COUNTED = {
        "html", "head", "body",
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen",
        "link", "menuitem", "meta", "param", "source", "track", "wbr",
        "caption", "colgroup", "dd", "dt", "li", "optgroup", "option", "p", "rb", "rp", "rt", "rtc", "tbody", "td",
        "tfoot", "th", "thead", "tr"};
    /** The hashes of the names not counted, each alone in its slot of a table picked at start-up (see {@link #slot}). */
    private static final int[] NOT_COUNTED_HASHES = new int[512];
    private static final int MULTIPLIER = multiplier();
    private static final int SVG = hash("svg");
    private static final int MATH = hash("math");

    private final int[] open = new int[256];
    private int unbalancedBuckets;
    private int foreign;

    /** A start tag named {@code page[nameStart, nameEnd)}; {@code selfClosing} when it ends with {@code />}. */
    void start(byte[] page, int nameStart, int nameEnd, boolean selfClosing) {
        int hash = hash(page, nameStart, nameEnd);
        if ((selfClosing && foreign > 0) || notCounted(hash)) {
            return;
        }
        if (hash == SVG || hash == MATH) {
            foreign++;
        }
        add(hash, 1);
    }

    /** An end tag named {@code page[nameStart, nameEnd)}. */
    void end(byte[] page, int nameStart, int nameEnd) {
        int hash = hash(page, nameStart, nameEnd);
        if (notCounted(hash)) {
            return;
        }
        if ((hash == SVG || hash == MATH) && foreign > 0) {
            foreign--;
        }
        add(hash, -1);
    }

    /** Whether every counted name has met as many end tags as start tags so far. */
    boolean balanced() {
        return unbalancedBuckets == 0;
    }

    private void add(int hash, int delta) {
        int bucket = (hash ^ hash >>> 16) & 255;
        int before = open[bucket];
        int after = before + delta;
        open[bucket] = after;
        if (before == 0) {
            unbalancedBuckets++;
        } else if (after == 0) {
            unbalancedBuckets--;
        }
    }

    /**
     * Whether the name is one of those not counted, by its hash alone: another name with the same 32-bit hash would
     * not be counted either, which costs that page what it had before, never a wrong splice.
     */
    private static boolean notCounted(int hash) {
        return hash != 0 && NOT_COUNTED_HASHES[slot(hash, MULTIPLIER)] == hash;
    }

    private static int slot(int hash, int multiplier) {
        return (hash * multiplier) >>> 23;
    }

    /** A multiplier that puts each name not counted in a slot of its own. */
    private static int multiplier() {
        for (int multiplier = 0x9E3779B1; ; multiplier += 0x3C6EF372) {
            Arrays.fill(NOT_COUNTED_HASHES, 0);
            boolean alone = true;
            for (String name : NOT_COUNTED) {
                int hash = hash(name);
                int slot = slot(hash, multiplier);
                alone &= NOT_COUNTED_HASHES[slot] == 0;
                NOT_COUNTED_HASHES[slot] = hash;
            }
            if (alone) {
                return multiplier;
            }
        }
    }

    /** A hash of the name's bytes, ASCII letters lower-cased by {@code | 0x20} (which leaves digits and '-' alone). */
    private static int hash(byte[] page, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + (page[i] | 0x20);
        }
        return hash;
    }

    private static int hash(String lowerCaseName) {
        byte[] name = lowerCaseName.getBytes(StandardCharsets.US_ASCII);
        return hash(name, 0, name.length);
    }
}
