package org.coquille.social;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.coquille.core.PageId;
import org.coquille.core.Poll;
import org.coquille.core.PollChoice;
import org.coquille.core.PollResults;
import org.coquille.core.RuleViolation.Kind;
import org.coquille.core.Contribution;
import org.coquille.core.RuleViolation;
import org.coquille.core.Rules;
import org.coquille.core.User;
import org.coquille.core.Widget;
import org.coquille.spi.PollStore;

/** Creating, editing and answering polls, and deciding who sees their results. */
public final class Polls {

    /** What a viewer sees of one poll: the poll, their own answer, and the results if they may see them. */
    public record View(Poll poll, Set<Integer> mine, PollResults results, boolean open) {

        public boolean resultsShown() {
            return results != null;
        }
    }

    private final PollStore store;
    private final Pages pages;
    private final Rules rules;
    private final Clock clock;
    private volatile ContributionLog log = ContributionLog.NONE;

    public Polls(PollStore store, Pages pages, Rules rules, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Where accepted contributions are told, for the usage report (nowhere by default). */
    public void contributionLog(ContributionLog value) {
        this.log = Objects.requireNonNull(value, "log");
    }

    /** An editor creates a poll on a page. */
    public Poll create(User editor, Poll poll) {
        Pages.requireEditor(editor);
        return store.createPoll(check(poll).withId(0));
    }

    /**
     * An editor changes a poll. Once anyone has answered, only its closing date and result
     * visibility may change, so that stored answers keep their meaning.
     */
    public Poll update(User editor, Poll poll) {
        Pages.requireEditor(editor);
        Poll stored = require(poll.id());
        Poll checked = check(poll);
        if (store.pollResults(stored.id()).participants() > 0
                && !(stored.question().equals(checked.question()) && stored.options().equals(checked.options())
                     && stored.choice() == checked.choice() && stored.page().equals(checked.page())
                     && Objects.equals(stored.opensAt(), checked.opensAt()))) {
            throw new RuleViolation(Kind.CONFLICT, "rule.poll.answered");
        }
        store.updatePoll(checked);
        return checked;
    }

    /** An editor deletes a poll and its answers. */
    public void delete(User editor, long pollId) {
        Pages.requireEditor(editor);
        require(pollId);
        store.deletePoll(pollId);
    }

    /** Records {@code user}'s answer, replacing their earlier one. */
    public View answer(User user, long pollId, Set<Integer> options) {
        Poll poll = require(pollId);
        pages.requireOn(poll.page(), Widget.POLL);
        if (!poll.isOpenAt(clock.instant())) {
            throw new RuleViolation(Kind.CONFLICT, "rule.poll.notOpen");
        }
        if (options == null || options.isEmpty()) {
            throw new RuleViolation(Kind.INVALID, "rule.poll.noOption");
        }
        if (poll.choice() == PollChoice.SINGLE && options.size() > 1) {
            throw new RuleViolation(Kind.INVALID, "rule.poll.oneOption", options.size());
        }
        for (int option : options) {
            if (option < 0 || option >= poll.options().size()) {
                throw new RuleViolation(Kind.INVALID, "rule.poll.badOption", option + 1);
            }
        }
        store.answerPoll(pollId, user.id(), Set.copyOf(options), clock.instant());
        log.contributed(user, poll.page(), Contribution.ANSWER);
        return view(user, poll);
    }

    /** The polls of {@code page} as {@code viewer} sees them (viewer may be {@code null}). */
    public List<View> viewsOf(User viewer, PageId page) {
        return store.polls(page).stream().map(p -> view(viewer, p)).toList();
    }

    /** One poll as {@code viewer} sees it. */
    public View view(User viewer, long pollId) {
        return view(viewer, require(pollId));
    }

    private View view(User viewer, Poll poll) {
        Instant now = clock.instant();
        Set<Integer> mine = viewer == null ? Set.of() : store.pollAnswer(poll.id(), viewer.id());
        boolean shown = (viewer != null && viewer.editor()) || switch (poll.results()) {
            case ALWAYS -> true;
            case AFTER_ANSWERING -> !mine.isEmpty() || poll.isClosedAt(now);
            case AFTER_CLOSING -> poll.isClosedAt(now);
        };
        return new View(poll, mine, shown ? store.pollResults(poll.id()) : null, poll.isOpenAt(now));
    }

    private Poll require(long pollId) {
        Poll poll = store.poll(pollId);
        if (poll == null) {
            throw new RuleViolation(Kind.NOT_FOUND, "rule.poll.notFound");
        }
        return poll;
    }

    private Poll check(Poll poll) {
        String question = Rules.withoutControls(poll.question()).strip();
        if (question.isEmpty()) {
            throw new RuleViolation(Kind.INVALID, "rule.poll.questionEmpty");
        }
        if (Rules.length(question) > rules.maxQuestionLength()) {
            throw new RuleViolation(Kind.INVALID, "rule.poll.questionTooLong", Rules.length(question), rules.maxQuestionLength());
        }
        List<String> options = poll.options().stream().map(o -> Rules.withoutControls(o).strip()).toList();
        if (options.size() < rules.minOptions() || options.size() > rules.maxOptions()) {
            throw new RuleViolation(Kind.INVALID, "rule.poll.optionCount", options.size(), rules.minOptions(), rules.maxOptions());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (option.isEmpty()) {
                throw new RuleViolation(Kind.INVALID, "rule.poll.optionEmpty", i + 1);
            }
            if (Rules.length(option) > rules.maxOptionLength()) {
                throw new RuleViolation(Kind.INVALID, "rule.poll.optionTooLong", i + 1, Rules.length(option), rules.maxOptionLength());
            }
            if (!seen.add(option)) {
                throw new RuleViolation(Kind.INVALID, "rule.poll.optionDuplicate", option);
            }
        }
        if (poll.opensAt() != null && poll.closesAt() != null && !poll.closesAt().isAfter(poll.opensAt())) {
            throw new RuleViolation(Kind.INVALID, "rule.poll.dates");
        }
        return new Poll(poll.id(), poll.page(), question, options, poll.choice(), poll.opensAt(), poll.closesAt(), poll.results());
    }
}
