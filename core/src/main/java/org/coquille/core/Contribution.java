package org.coquille.core;

/** What someone did on a page besides reading it; each has a one-letter code in the store. */
public enum Contribution {
    COMMENT("C"),
    VOTE("V"),
    REACTION("R"),
    ANSWER("A"),
    /** An idea submitted in an idea box: written, so a heavy contribution like a comment. */
    IDEA("I"),
    /** A vote for an idea (an up vote). */
    IDEA_VOTE("U"),
    /** A participant's answers to a date poll, saved at once. */
    DATE_ANSWER("D");

    private final String code;

    Contribution(String code) {
        this.code = code;
    }

    /** The one-letter code stores keep. */
    public String code() {
        return code;
    }

    /** The contribution with {@code code}; an {@link IllegalArgumentException} for an unknown one. */
    public static Contribution ofCode(String code) {
        for (Contribution c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("Unknown contribution code: " + code);
    }

    /**
     * Whether it counts as a light contribution in the funnel (a reaction, a vote, a poll answer, an idea vote
     * or a date-poll answer); writing a comment or an idea is the heavy one.
     */
    public boolean light() {
        return this != COMMENT && this != IDEA;
    }
}
