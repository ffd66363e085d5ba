package org.coquille.internal.render;

import java.util.Objects;

/**
 * Rendered widgets with the places where the viewer's CSRF token goes left open, so that one rendering can serve
 * every viewer who sees the page the same way (readers who have not taken part yet, most of them).
 */
public final class FragmentTemplate {

    private final String text;
    private final int[] slots;

    FragmentTemplate(String text, int[] slots) {
        this.text = text;
        this.slots = slots;
    }

    /** The fragment with {@code token} in every slot (escaped, though tokens are base64url and need nothing). */
    public String fill(String token) {
        String value = Html.escape(Objects.requireNonNull(token, "token"));
        StringBuilder out = new StringBuilder(text.length() + slots.length * value.length());
        int from = 0;
        for (int slot : slots) {
            out.append(text, from, slot).append(value);
            from = slot;
        }
        return out.append(text, from, text.length()).toString();
    }

    /** How many characters the template holds, for weighing it in a cache. */
    public int length() {
        return text.length();
    }
}
