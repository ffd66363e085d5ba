package org.coquille.spi;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.coquille.core.PageId;

/**
 * What one node changed, so that the other nodes sharing the store forget what they cached of it: an area, and
 * within it a page, an item (a poll's or date poll's id) and a user, each {@code null} when the change is not about
 * one. A node forgets on a notice exactly what it forgets on its own write of the same kind.
 *
 * @param node     the id of the node that made the change (its notices come back to it, and are ignored there)
 * @param sequence the node's count of changes, from 1: a node has seen another's change once it has seen its number
 * @param area     the part of the store that changed
 * @param page     the page the change is on, or {@code null} for every page of the area
 * @param item     the poll or date poll the change is on, or {@code null}
 * @param user     whose own choice (vote, reaction, answer) changed, or {@code null}
 */
public record ChangeNotice(String node, long sequence, Area area, PageId page, Long item, String user) {

    /** The parts of a store whose reads nodes cache. */
    public enum Area {
        /** A page's own settings (widgets on or off, vote kind, ...). */
        PAGE_SETTINGS,
        /** The URL pattern rules. */
        PATTERN_RULES,
        /** Every page's settings and the pattern rules (an import). */
        ALL_SETTINGS,
        /** A page's comments (a new one, an edit, moderation). */
        COMMENTS,
        /** A page's vote tally, and the user's own vote. */
        VOTES,
        /** A page's reaction counts, and the user's own reactions. */
        REACTIONS,
        /** A page's polls, a poll's results, and the user's own answer (without a user: every answer to the poll). */
        POLLS,
        /** A page's ideas and their history, and the user's own idea votes. */
        IDEAS,
        /** A page's date polls, a date poll's results, and the user's own answer (as for polls). */
        DATE_POLLS,
        /** Anything (a person's data erased). */
        EVERYTHING
    }

    public ChangeNotice {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(area, "area");
        if (node.isEmpty() || node.contains(" ")) {
            throw new IllegalArgumentException("A node id is a non-empty word, was '" + node + "'");
        }
    }

    /**
     * This notice as one line of printable ASCII (at most a little over 3 KB), for a channel that carries text:
     * {@link #parse} reads it back.
     */
    public String text() {
        return String.join(" ", node, Long.toString(sequence), area.name(), encode(page == null ? null : page.value()),
                item == null ? "-" : item.toString(), encode(user));
    }

    /**
     * The notice {@link #text()} wrote.
     *
     * @throws IllegalArgumentException if {@code text} is not one
     */
    public static ChangeNotice parse(String text) {
        String[] parts = text.strip().split(" ");
        if (parts.length != 6) {
            throw new IllegalArgumentException("Not a change notice: " + text);
        }
        try {
            String page = decode(parts[3]);
            return new ChangeNotice(parts[0], Long.parseLong(parts[1]), Area.valueOf(parts[2]),
                    page == null ? null : PageId.of(page), parts[4].equals("-") ? null : Long.valueOf(parts[4]),
                    decode(parts[5]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a change notice: " + text, e);
        }
    }

    private static String encode(String value) {
        return value == null ? "-" : "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        if (value.equals("-")) {
            return null;
        }
        if (!value.startsWith("=")) {
            throw new IllegalArgumentException("Not an encoded value: " + value);
        }
        return URLDecoder.decode(value.substring(1), StandardCharsets.UTF_8);
    }
}
