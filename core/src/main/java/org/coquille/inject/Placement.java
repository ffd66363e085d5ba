package org.coquille.inject;

import java.util.Objects;

/**
 * Where the widgets go in a page: before the real closing {@code </body>} (the default), or before,
 * after or at the end of the first element a CSS selector matches.
 *
 * @param anchor   where, relative to the body or the selected element
 * @param selector the CSS selector, {@code null} exactly when the anchor is {@link Anchor#BODY_END}
 */
public record Placement(Anchor anchor, String selector) {

    /** Before the page's closing {@code </body>}. */
    public static final Placement DEFAULT = new Placement(Anchor.BODY_END, null);

    /** Where the fragment goes. */
    public enum Anchor {
        /** Before the real closing {@code </body>}, or at the end of a page that has none. */
        BODY_END,
        /** Just before the selected element's start tag. */
        BEFORE,
        /** Just after the selected element's end tag. */
        AFTER,
        /** Inside the selected element, after its last child. */
        INSIDE
    }

    public Placement {
        Objects.requireNonNull(anchor, "anchor");
        if (anchor == Anchor.BODY_END) {
            if (selector != null) {
                throw new IllegalArgumentException("The default placement takes no selector");
            }
        } else if (selector == null || selector.isBlank()) {
            throw new IllegalArgumentException("Placement " + anchor + " needs a CSS selector");
        }
    }

    public static Placement before(String selector) {
        return new Placement(Anchor.BEFORE, selector);
    }

    public static Placement after(String selector) {
        return new Placement(Anchor.AFTER, selector);
    }

    public static Placement inside(String selector) {
        return new Placement(Anchor.INSIDE, selector);
    }

    public boolean isDefault() {
        return anchor == Anchor.BODY_END;
    }
}
