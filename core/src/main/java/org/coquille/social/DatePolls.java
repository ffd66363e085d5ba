package org.coquille.social;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.coquille.core.Availability;
import org.coquille.core.DatePoll;
import org.coquille.core.DatePollResults;
import org.coquille.core.DateSlot;
import org.coquille.core.PageId;
import org.coquille.core.RuleViolation.Kind;
import org.coquille.core.Contribution;
import org.coquille.core.RuleViolation;
import org.coquille.core.Rules;
import org.coquille.core.User;
import org.coquille.core.Widget;
import org.coquille.spi.DatePollStore;

/** Date polls: editors offer slots, participants say yes, if need be or no to each, an editor picks the date. */
public final class DatePolls {

    /** The longest title, in characters. */
    public static final int MAX_TITLE = 300;
    /** The fewest slots a date poll offers. */
    public static final int MIN_SLOTS = 2;
    /** The most slots a date poll offers. */
    public static final int MAX_SLOTS = 30;

    /**
     * What a viewer sees of one date poll: the poll, their own answers, the results and the best slots.
     *
     * @param poll    the poll
     * @param mine    the viewer's answers by slot index
     * @param results how everyone answered
     * @param best    the best slots so far (see {@link DatePollResults#best()})
     */
    public record View(DatePoll poll, Map<Integer, Availability> mine, DatePollResults results, List<Integer> best) {

        public View(DatePoll poll, Map<Integer, Availability> mine, DatePollResults results) {
            this(poll, mine, results, results.best());
        }
    }

    private final DatePollStore store;
    private final Pages pages;
    private final Clock clock;
    private volatile ContributionLog log = ContributionLog.NONE;

    public DatePolls(DatePollStore store, Pages pages, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private volatile SocialEvents events = SocialEvents.NONE;

    /** Where accepted changes are told, for notifications (nowhere by default). */
    public void events(SocialEvents value) {
        this.events = Objects.requireNonNull(value, "events");
    }

    private void tell(Runnable telling) {
        try {
            telling.run();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(SocialEvents.class).warn("Coquille could not queue a notification", e);
        }
    }

    /** Where accepted contributions are told, for the usage report (nowhere by default). */
    public void contributionLog(ContributionLog value) {
        this.log = Objects.requireNonNull(value, "log");
    }

    /** An editor creates a date poll on a page. */
    public DatePoll create(User editor, PageId page, String title, List<DateSlot> slots) {
        Pages.requireEditor(editor);
        Objects.requireNonNull(page, "page");
        return store.createDatePoll(new DatePoll(0, page, check(title, slots), slots, null));
    }

    /**
     * An editor changes the title and slots of an open date poll, under the rules of {@link #create}. Once anyone
     * has answered, the slots their answers refer to stay as they are: the poll can only be closed or deleted.
     */
    public DatePoll update(User editor, long pollId, String title, List<DateSlot> slots) {
        Pages.requireEditor(editor);
        DatePoll stored = require(pollId);
        if (stored.closed()) {
            throw new RuleViolation(Kind.CONFLICT, "rule.datePoll.closed");
        }
        DatePoll changed = new DatePoll(pollId, stored.page(), check(title, slots), slots, null);
        if (store.datePollResults(pollId).participants() > 0 || !store.updateDatePoll(changed)) {
            throw new RuleViolation(Kind.CONFLICT, "rule.datePoll.answered");
        }
        return require(pollId);
    }

    /** An editor deletes a date poll with its answers. */
    public void delete(User editor, long pollId) {
        Pages.requireEditor(editor);
        require(pollId);
        store.deleteDatePoll(pollId);
    }

    /** The title without control characters or outer spaces, once it and the slots follow the rules. */
    private static String check(String title, List<DateSlot> slots) {
        String clean = Rules.withoutControls(title == null ? "" : title).strip();
        if (clean.isEmpty()) {
            throw new RuleViolation(Kind.INVALID, "rule.datePoll.titleEmpty");
        }
        if (Rules.length(clean) > MAX_TITLE) {
            throw new RuleViolation(Kind.INVALID, "rule.datePoll.titleTooLong", Rules.length(clean), MAX_TITLE);
        }
        if (slots == null || slots.size() < MIN_SLOTS || slots.size() > MAX_SLOTS) {
            throw new RuleViolation(Kind.INVALID, "rule.datePoll.slotCount", slots == null ? 0 : slots.size(),
                    MIN_SLOTS, MAX_SLOTS);
        }
        Set<DateSlot> seen = new HashSet<>();
        for (int i = 0; i < slots.size(); i++) {
            DateSlot slot = slots.get(i);
            if (!slot.end().isAfter(slot.start())) {
                throw new RuleViolation(Kind.INVALID, "rule.datePoll.slotOrder", i + 1);
            }
            if (!seen.add(slot)) {
                throw new RuleViolation(Kind.INVALID, "rule.datePoll.slotDuplicate", i + 1);
            }
        }
        return clean;
    }

    /** {@code user} answers some or all slots, replacing their earlier answers for those slots. */
    public View answer(User user, long pollId, Map<Integer, Availability> answers) {
        DatePoll poll = require(pollId);
        pages.requireOn(poll.page(), Widget.DATE_POLL);
        if (poll.closed()) {
            throw new RuleViolation(Kind.CONFLICT, "rule.datePoll.closed");
        }
        if (answers == null || answers.isEmpty()) {
            throw new RuleViolation(Kind.INVALID, "rule.datePoll.noAnswer");
        }
        for (Map.Entry<Integer, Availability> e : answers.entrySet()) {
            if (e.getKey() == null || e.getKey() < 0 || e.getKey() >= poll.slots().size()) {
                throw new RuleViolation(Kind.INVALID, "rule.datePoll.badSlot", e.getKey() == null ? 0 : e.getKey() + 1);
            }
            if (e.getValue() == null) {
                throw new RuleViolation(Kind.INVALID, "rule.datePoll.badAnswer", e.getKey() + 1);
            }
        }
        store.answerDatePoll(pollId, user.id(), Map.copyOf(answers), clock.instant());
        log.contributed(user, poll.page(), Contribution.DATE_ANSWER);
        tell(() -> events.datePollAnswered(user, poll));
        return view(user, require(pollId));
    }

    /** An editor closes the poll on the slot chosen, which the widget then shows. */
    public View close(User editor, long pollId, Integer slot) {
        Pages.requireEditor(editor);
        DatePoll poll = require(pollId);
        if (poll.closed()) {
            throw new RuleViolation(Kind.CONFLICT, "rule.datePoll.closed");
        }
        if (slot == null || slot < 0 || slot >= poll.slots().size()) {
            throw new RuleViolation(Kind.INVALID, "rule.datePoll.badSlot", slot == null ? 0 : slot + 1);
        }
        if (!store.closeDatePoll(pollId, slot, clock.instant())) {
            throw new RuleViolation(Kind.CONFLICT, "rule.datePoll.closed");
        }
        DatePoll closed = require(pollId);
        tell(() -> events.datePollClosed(closed));
        return view(editor, closed);
    }

    /** The date polls of {@code page} as {@code viewer} sees them (viewer may be {@code null}). */
    public List<View> viewsOf(User viewer, PageId page) {
        return store.datePolls(page).stream().map(p -> view(viewer, p)).toList();
    }

    /** One date poll as {@code viewer} sees it. */
    public View view(User viewer, long pollId) {
        return view(viewer, require(pollId));
    }

    /** The closed poll {@code pollId} whose widget is on, for its calendar event. */
    public DatePoll chosen(long pollId) {
        DatePoll poll = require(pollId);
        pages.requireOn(poll.page(), Widget.DATE_POLL);
        if (!poll.closed()) {
            throw new RuleViolation(Kind.NOT_FOUND, "rule.datePoll.notClosed");
        }
        return poll;
    }

    private View view(User viewer, DatePoll poll) {
        Map<Integer, Availability> mine = viewer == null ? Map.of() : store.datePollAnswer(poll.id(), viewer.id());
        return new View(poll, mine, store.datePollResults(poll.id()));
    }

    private DatePoll require(long pollId) {
        DatePoll poll = store.datePoll(pollId);
        if (poll == null) {
            throw new RuleViolation(Kind.NOT_FOUND, "rule.datePoll.notFound");
        }
        return poll;
    }
}
