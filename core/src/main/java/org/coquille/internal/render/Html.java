package org.coquille.internal.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.nio.charset.StandardCharsets;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;

/**
 * Builds widget markup. Every text and attribute value goes through jsoup's escaping, so nothing a
 * user wrote can become live markup; only the literal tag names written in this package are markup.
 */
final class Html {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"'`]{1,2000}", Pattern.CASE_INSENSITIVE);

    private final StringBuilder out = new StringBuilder(16_384);
    private int[] slots = new int[16];
    private int slotCount;

    /** Opens {@code tag} with attributes given as name, value pairs; a null value drops the attribute. */
    Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            String value = attributes[i + 1];
            if (value == null) {
                continue;
            }
            out.append(' ').append(attributes[i]);
            if (!value.isEmpty() || !isBoolean(attributes[i])) {
                out.append("=\"").append(escape(value)).append('"');
            }
        }
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element with escaped text content. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** Markup this package has already built (never user text). */
    Html append(String builtMarkup) {
        out.append(builtMarkup);
        return this;
    }

    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /**
     * A user's text: escaped, line breaks kept, and {@code http(s)} addresses made into links that
     * open safely ({@code rel="nofollow noopener noreferrer"}).
     */
    Html userText(String text) {
        Matcher m = LINK.matcher(text);
        int last = 0;
        while (m.find()) {
            lines(text.substring(last, m.start()));
            String url = trimPunctuation(m.group());
            open("a", "href", url, "rel", "nofollow noopener noreferrer", "class", "coq-link").text(url).close("a");
            last = m.start() + url.length();
        }
        lines(text.substring(last));
        return this;
    }

    private void lines(String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append("<br>");
            }
            text(lines[i]);
        }
    }

    private static String trimPunctuation(String url) {
        int end = url.length();
        while (end > 0 && ".,;:!?)]".indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }

    private static boolean isBoolean(String name) {
        return switch (name) {
            case "checked", "disabled", "required", "hidden", "open", "selected", "defer" -> true;
            default -> false;
        };
    }

    /** jsoup's escaping with an ASCII output: characters outside ASCII become numeric references. */
    private static final Document.OutputSettings ASCII = new Document.OutputSettings()
            .charset(StandardCharsets.US_ASCII).escapeMode(Entities.EscapeMode.xhtml);

    /**
     * {@code text} escaped for HTML text and double-quoted attributes. The fragment is then pure ASCII, so
     * it is the same bytes in every page charset. Most strings (class names, ids, numbers) need nothing.
     */
    static String escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') {
                return Entities.escape(text, ASCII);
            }
        }
        return text;
    }

    /** Marks where the viewer's CSRF token goes (see {@link FragmentTemplate}). */
    Html slot() {
        if (slotCount == slots.length) {
            slots = java.util.Arrays.copyOf(slots, slotCount * 2);
        }
        slots[slotCount++] = out.length();
        return this;
    }

    /** What was built, with its slots. */
    FragmentTemplate template() {
        // the markup is ASCII (escape() sees to it) but the builder may have widened to UTF-16 on the way: store it
        // compact, so that filling and encoding it for every page view handle one byte per character
        String text = out.toString();
        if (text.chars().allMatch(c -> c < 0x80)) {
            text = new String(text.getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
        }
        return new FragmentTemplate(text, java.util.Arrays.copyOf(slots, slotCount));
    }
}
