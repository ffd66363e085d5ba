package org.coquille.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A page the filter has served, as the editors' console lists it.
 *
 * @param page      the page
 * @param title     the text of its {@code <title>} when it was first seen with one, or {@code null}
 * @param firstSeen when Coquille first saw it
 */
public record CataloguedPage(PageId page, String title, Instant firstSeen) {

    /** The longest title kept, in characters; longer ones are cut. */
    public static final int MAX_TITLE_LENGTH = 300;

    public CataloguedPage {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(firstSeen, "firstSeen");
        if (title != null) {
            title = title.strip();
            if (title.isEmpty()) {
                title = null;
            } else if (title.length() > MAX_TITLE_LENGTH) {
                int end = MAX_TITLE_LENGTH;
                if (Character.isHighSurrogate(title.charAt(end - 1))) {
                    end--;
                }
                title = title.substring(0, end);
            }
        }
    }
}
