package org.coquille.core;

import java.util.Objects;

/**
 * Identifies one page of the host intranet: its path plus the query parameters that matter to it,
 * for example {@code /news/article.jsp?id=42}.
 *
 * @param value the normalised path and query, starting with {@code /}, at most {@value #MAX_LENGTH} characters
 */
public record PageId(String value) implements Comparable<PageId> {

    /** The longest page id accepted, in characters; stores index it. */
    public static final int MAX_LENGTH = 500;

    public PageId {
        Objects.requireNonNull(value, "page id");
        if (value.isEmpty() || value.charAt(0) != '/') {
            throw new IllegalArgumentException("A page id starts with '/', was: '" + value + "'");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A page id has at most " + MAX_LENGTH + " characters, was " + value.length());
        }
    }

    public static PageId of(String value) {
        return new PageId(value);
    }

    @Override
    public int compareTo(PageId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
