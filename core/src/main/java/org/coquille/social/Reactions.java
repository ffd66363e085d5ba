package org.coquille.social;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.coquille.core.PageId;
import org.coquille.core.RuleViolation.Kind;
import org.coquille.core.Contribution;
import org.coquille.core.RuleViolation;
import org.coquille.core.Rules;
import org.coquille.core.User;
import org.coquille.core.Widget;
import org.coquille.spi.ReactionStore;

/** Emoji reactions on a page, from the configured set, one per user and emoji. */
public final class Reactions {

    /** What a viewer sees: each offered emoji with its count, in display order, and their own. */
    public record Summary(Map<String, Long> counts, Set<String> mine) { }

    private final ReactionStore store;
    private final Pages pages;
    private final Rules rules;
    private final Clock clock;
    private volatile ContributionLog log = ContributionLog.NONE;

    public Reactions(ReactionStore store, Pages pages, Rules rules, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Where accepted contributions are told, for the usage report (nowhere by default). */
    public void contributionLog(ContributionLog value) {
        this.log = Objects.requireNonNull(value, "log");
    }

    /** Turns {@code user}'s {@code emoji} reaction on or off; doing it twice changes nothing. */
    public void set(User user, PageId page, String emoji, boolean on) {
        pages.requireOn(page, Widget.REACTIONS);
        if (emoji == null || !rules.emoji().contains(emoji)) {
            throw new RuleViolation(Kind.INVALID, "rule.reaction.notAllowed", String.join(" ", rules.emoji()));
        }
        if (store.setReaction(page, user.id(), emoji, on, clock.instant()) && on) {
            log.contributed(user, page, Contribution.REACTION);
        }
    }

    /** The reactions on {@code page}, with {@code viewer}'s own (viewer may be {@code null}). */
    public Summary summary(User viewer, PageId page) {
        Map<String, Long> stored = store.reactionCounts(page);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String emoji : rules.emoji()) {
            counts.put(emoji, stored.getOrDefault(emoji, 0L));
        }
        Set<String> mine = viewer == null ? Set.of() : store.reactionsOf(page, viewer.id());
        return new Summary(counts, mine);
    }
}
