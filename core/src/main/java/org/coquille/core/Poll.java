package org.coquille.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A poll attached to a page. Options are referred to by their index in {@link #options()}, which
 * never changes once someone has answered.
 *
 * @param id       the store's id, positive (0 for a poll not yet stored)
 * @param page     the page it is shown on
 * @param question the question
 * @param options  the options, in display order
 * @param choice   single or multiple choice
 * @param opensAt  when answers start being accepted, or {@code null} for at once
 * @param closesAt when answers stop being accepted, or {@code null} for never
 * @param results  when participants see the results
 */
public record Poll(long id, PageId page, String question, List<String> options, PollChoice choice,
                   Instant opensAt, Instant closesAt, ResultsVisibility results) {

    public Poll {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(question, "question");
        options = List.copyOf(options);
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(results, "results");
    }

    /** Whether answers are accepted at {@code now}. */
    public boolean isOpenAt(Instant now) {
        return (opensAt == null || !now.isBefore(opensAt)) && (closesAt == null || now.isBefore(closesAt));
    }

    /** Whether the poll has closed by {@code now}. */
    public boolean isClosedAt(Instant now) {
        return closesAt != null && !now.isBefore(closesAt);
    }

    public Poll withId(long newId) {
        return new Poll(newId, page, question, options, choice, opensAt, closesAt, results);
    }
}
