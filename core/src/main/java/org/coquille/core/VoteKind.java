package org.coquille.core;

/** How a page is voted on: thumbs up or down ({@code +1}/{@code -1}), or one to five stars. */
public enum VoteKind {
    THUMBS(-1, 1),
    STARS(1, 5);

    private final int min;
    private final int max;

    VoteKind(int min, int max) {
        this.min = min;
        this.max = max;
    }

    /** Whether {@code value} is a vote of this kind: {@code -1} or {@code 1} for thumbs, 1 to 5 for stars. */
    public boolean accepts(int value) {
        return this == THUMBS ? value == -1 || value == 1 : value >= min && value <= max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }
}
