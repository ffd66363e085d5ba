package org.coquille.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The bounds Coquille enforces on what users send. Every use case checks them before the store is
 * touched, so a rejected request leaves stored data as it was.
 *
 * @param maxCommentLength  the longest comment, in characters (code points)
 * @param maxQuestionLength the longest poll question
 * @param maxOptionLength   the longest poll option
 * @param minOptions        the fewest options a poll may have
 * @param maxOptions        the most options a poll may have
 * @param emoji             the reactions offered, in display order
 * @param editWindow        how long after posting an author may edit or delete a comment (editors: always)
 */
public record Rules(int maxCommentLength, int maxQuestionLength, int maxOptionLength, int minOptions,
                   int maxOptions, List<String> emoji, Duration editWindow) {

    /** The reactions offered unless configured otherwise. */
    public static final List<String> DEFAULT_EMOJI = List.of("👍", "❤️", "😄", "🎉", "😮", "🤔");

    public Rules {
        positive(maxCommentLength, "maxCommentLength");
        positive(maxQuestionLength, "maxQuestionLength");
        positive(maxOptionLength, "maxOptionLength");
        positive(minOptions, "minOptions");
        if (maxOptions < minOptions) {
            throw new IllegalArgumentException("maxOptions (" + maxOptions + ") is below minOptions (" + minOptions + ")");
        }
        emoji = List.copyOf(emoji);
        if (emoji.isEmpty()) {
            throw new IllegalArgumentException("At least one emoji must be offered");
        }
        Objects.requireNonNull(editWindow, "editWindow");
    }

    /** 4,000-character comments, 300-character questions, 2 to 20 options of 200 characters, 15 minutes to edit. */
    public static Rules defaults() {
        return new Rules(4000, 300, 200, 2, 20, DEFAULT_EMOJI, Duration.ofMinutes(15));
    }

    public Rules withEmoji(List<String> newEmoji) {
        return new Rules(maxCommentLength, maxQuestionLength, maxOptionLength, minOptions, maxOptions, newEmoji, editWindow);
    }

    public Rules withEditWindow(Duration window) {
        return new Rules(maxCommentLength, maxQuestionLength, maxOptionLength, minOptions, maxOptions, emoji, window);
    }

    public Rules withMaxCommentLength(int length) {
        return new Rules(length, maxQuestionLength, maxOptionLength, minOptions, maxOptions, emoji, editWindow);
    }

    private static void positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    /**
     * {@code text} without control characters other than tab and line breaks: nobody types them, some
     * databases cannot store them (PostgreSQL refuses NUL), and they render as nothing.
     */
    public static String withoutControls(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
            if (control && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!control && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** The length of {@code text} as people count it: code points, not UTF-16 units. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
