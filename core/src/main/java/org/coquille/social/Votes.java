package org.coquille.social;

import java.time.Clock;
import java.util.Objects;

import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.RuleViolation.Kind;
import org.coquille.core.Contribution;
import org.coquille.core.RuleViolation;
import org.coquille.core.User;
import org.coquille.core.VoteKind;
import org.coquille.core.VoteTally;
import org.coquille.core.Widget;
import org.coquille.spi.VoteStore;

/** Voting on a page: thumbs or stars, one vote per user, changeable. */
public final class Votes {

    /** What a viewer sees of a page's votes. */
    public record Summary(VoteKind kind, VoteTally tally, Integer mine) { }

    private final VoteStore store;
    private final Pages pages;
    private final Clock clock;
    private volatile ContributionLog log = ContributionLog.NONE;

    public Votes(VoteStore store, Pages pages, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Where accepted contributions are told, for the usage report (nowhere by default). */
    public void contributionLog(ContributionLog value) {
        this.log = Objects.requireNonNull(value, "log");
    }

    /** Records {@code user}'s vote on {@code page}, replacing their earlier one; {@link #after} tells the outcome. */
    public void vote(User user, PageId page, int value) {
        PageSettings settings = pages.requireOn(page, Widget.VOTE);
        VoteKind kind = settings.voteKind();
        if (!kind.accepts(value)) {
            String allowed = kind == VoteKind.THUMBS ? "-1 or 1" : kind.min() + " to " + kind.max();
            throw new RuleViolation(Kind.INVALID, "rule.vote.outOfRange", allowed, value);
        }
        store.putVote(page, user.id(), value, clock.instant());
        log.contributed(user, page, Contribution.VOTE);
    }

    /** Withdraws {@code user}'s vote on {@code page}, if any. */
    public void withdraw(User user, PageId page) {
        pages.requireOn(page, Widget.VOTE);
        store.removeVote(page, user.id());
    }

    /**
     * The votes on {@code page} for the person who just voted {@code mine} there ({@code null}: withdrew): their own
     * vote is the one just recorded, not read again. Recording and telling are apart so that a form post, answered
     * with a redirect, reads nothing.
     */
    public Summary after(PageId page, Integer mine) {
        return new Summary(pages.settings(page).voteKind(), store.tally(page), mine);
    }

    /** The votes on {@code page}, with {@code viewer}'s own (viewer may be {@code null}). */
    public Summary summary(User viewer, PageId page) {
        VoteKind kind = pages.settings(page).voteKind();
        Integer mine = viewer == null ? null : store.vote(page, viewer.id());
        return new Summary(kind, store.tally(page), mine);
    }
}
