package org.coquille.internal.render;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Rendered widgets with the places where the viewer's CSRF token goes left open, so that one rendering can serve
 * every viewer who sees the page the same way (readers who have not taken part yet, most of them).
 */
public final class FragmentTemplate {

    private final String text;
    private final byte[] ascii;
    private final int[] slots;

    FragmentTemplate(String text, int[] slots) {
        this.text = text;
        this.slots = slots;
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        int all = 0;
        for (byte b : bytes) {
            all |= b;
        }
        this.ascii = all >= 0 ? bytes : null;
    }

    /**
     * The fragment with {@code token} in every slot, as ASCII bytes (the same in every ASCII-compatible charset), or
     * {@code null} when the template or the token is not ASCII. Copies two arrays, encodes nothing.
     */
    public byte[] fillAscii(String token) {
        byte[] value = Html.escape(Objects.requireNonNull(token, "token")).getBytes(StandardCharsets.ISO_8859_1);
        int all = ascii == null ? -1 : 0;
        for (byte b : value) {
            all |= b;
        }
        if (all < 0) {
            return null;
        }
        byte[] out = new byte[ascii.length + slots.length * value.length];
        int from = 0;
        int at = 0;
        for (int slot : slots) {
            System.arraycopy(ascii, from, out, at, slot - from);
            at += slot - from;
            System.arraycopy(value, 0, out, at, value.length);
            at += value.length;
            from = slot;
        }
        System.arraycopy(ascii, from, out, at, ascii.length - from);
        return out;
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
