package org.coquille.core;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * What an editor opened widgets on a page (or a URL pattern) for, so that the usage report can tell
 * what the experiment produced: a purpose, an optional description, an optional target number of
 * contributors and an optional end date ("30 contributors by the end of March" is target 30, end date
 * 31 March).
 *
 * @param purpose what the widgets are for
 * @param text    a short description, required for {@link Purpose#OTHER}, else optional ({@code null} when none)
 * @param target  how many different contributors the editor hopes for, from 1 to {@link #MAX_TARGET}, or {@code null}
 * @param endDate the last day of the experiment, or {@code null}
 * @param since   the day the objective was set: contributors are counted from then
 */
public record Objective(Purpose purpose, String text, Integer target, LocalDate endDate, LocalDate since) {

    /** What the widgets on a page are for. */
    public enum Purpose {
        /** Collect ideas and rank them. */
        IDEAS,
        /** Gather feedback on a plan or a document. */
        FEEDBACK,
        /** Sense opinion. */
        OPINION,
        /** Organise an event. */
        EVENT,
        /** Something else, described in the text. */
        OTHER;

        /** The name forms, files and exports use: {@code ideas}, {@code feedback}... */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The purpose named {@code code}, or {@code null} if there is none. */
        public static Purpose ofCode(String code) {
            for (Purpose p : values()) {
                if (p.code().equals(code == null ? null : code.strip().toLowerCase(Locale.ROOT))) {
                    return p;
                }
            }
            return null;
        }
    }

    /** The largest target, in contributors. */
    public static final int MAX_TARGET = 100_000;
    /** The longest description, in characters. */
    public static final int MAX_TEXT_LENGTH = 200;

    /** Checks the objective; a broken rule is a {@link RuleViolation} whose message says what is allowed. */
    public Objective {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(since, "since");
        text = text == null || text.isBlank() ? null : text.strip();
        if (text == null && purpose == Purpose.OTHER) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "objective.error.textMissing");
        }
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "objective.error.textTooLong", text.length(),
                    MAX_TEXT_LENGTH);
        }
        if (target != null && (target < 1 || target > MAX_TARGET)) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "objective.error.target", String.valueOf(target));
        }
    }

    /**
     * The objective that text fields give (as a form or a settings file holds them), or {@code null} when
     * no purpose is chosen and nothing else is given.
     *
     * @param purpose a {@link Purpose#code()}, or blank for none
     * @param text    the description, possibly blank
     * @param target  a whole number of contributors, possibly blank
     * @param endDate an ISO date such as {@code 2026-03-31}, possibly blank
     * @param since   the day it is set
     * @throws RuleViolation naming the bad field and what is allowed
     */
    public static Objective parse(String purpose, String text, String target, String endDate, LocalDate since) {
        boolean noPurpose = purpose == null || purpose.isBlank();
        Integer parsedTarget = target(target);
        LocalDate parsedEnd = endDate(endDate);
        if (noPurpose) {
            if (parsedTarget != null || parsedEnd != null || text != null && !text.isBlank()) {
                throw new RuleViolation(RuleViolation.Kind.INVALID, "objective.error.purposeMissing");
            }
            return null;
        }
        Purpose p = Purpose.ofCode(purpose);
        if (p == null) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "objective.error.purpose", purpose.strip());
        }
        return new Objective(p, text, parsedTarget, parsedEnd, since);
    }

    private static Integer target(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String digits = value.strip();
        try {
            int n = Integer.parseInt(digits);
            if (n >= 1 && n <= MAX_TARGET) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RuleViolation(RuleViolation.Kind.INVALID, "objective.error.target", digits);
    }

    private static LocalDate endDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "objective.error.endDate", value.strip());
        }
    }

    /**
     * This objective, counted from {@code before}'s start when it has the same purpose: changing the target
     * or the end date of an objective does not restart its count; choosing another purpose does.
     */
    public Objective continuing(Objective before) {
        return before != null && before.purpose == purpose && !before.since.equals(since)
                ? new Objective(purpose, text, target, endDate, before.since) : this;
    }

    /** The objective as the audit trail writes it: {@code ideas, target=30, end=2026-03-31, since=2026-01-05}. */
    public String describe() {
        StringBuilder out = new StringBuilder(purpose.code());
        if (text != null) {
            out.append(" \"").append(text).append('"');
        }
        if (target != null) {
            out.append(", target=").append(target);
        }
        if (endDate != null) {
            out.append(", end=").append(endDate);
        }
        return out.append(", since=").append(since).toString();
    }
}
