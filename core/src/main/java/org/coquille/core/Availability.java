package org.coquille.core;

import java.util.Locale;

/** A participant's answer for one slot of a date poll, and what it weighs when the best slots are found. */
public enum Availability {
    YES(2), IF_NEED_BE(1), NO(0);

    private final int weight;

    Availability(int weight) {
        this.weight = weight;
    }

    /** What one such answer adds to a slot's score: yes 2, if need be 1, no 0. */
    public int weight() {
        return weight;
    }

    /** The value forms and the JSON API use: {@code yes}, {@code maybe} or {@code no}; {@code null} if none. */
    public static Availability parse(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "yes" -> YES;
            case "maybe", "if_need_be" -> IF_NEED_BE;
            case "no" -> NO;
            default -> null;
        };
    }

    /** The value forms use. */
    public String formValue() {
        return this == IF_NEED_BE ? "maybe" : name().toLowerCase(Locale.ROOT);
    }
}
