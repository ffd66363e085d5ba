package org.coquille.report;

/** What someone did on a page besides reading it; each has a one-letter code in the store. */
public enum Contribution {
    COMMENT("C"),
    VOTE("V"),
    REACTION("R"),
    ANSWER("A");

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

    /** Whether it counts as a light contribution (a reaction, a vote or a poll answer) in the funnel. */
    public boolean light() {
        return this != COMMENT;
    }
}
