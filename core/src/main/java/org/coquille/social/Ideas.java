package org.coquille.social;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.coquille.core.Idea;
import org.coquille.core.IdeaStatus;
import org.coquille.core.IdeaStatusChange;
import org.coquille.core.PageId;
import org.coquille.core.RuleViolation.Kind;
import org.coquille.core.Contribution;
import org.coquille.core.RuleViolation;
import org.coquille.core.Rules;
import org.coquille.core.User;
import org.coquille.core.Widget;
import org.coquille.spi.IdeaStore;

/** The idea box: employees submit ideas and vote them up, editors answer them by moving them through statuses. */
public final class Ideas {

    /** The longest idea title, in characters. */
    public static final int MAX_TITLE = 120;
    /** The longest idea text, in characters. */
    public static final int MAX_TEXT = 2000;
    /** The longest public answer of an editor, in characters. */
    public static final int MAX_ANSWER = 2000;

    /** How the ideas of a box are listed. */
    public enum Order {
        /** Most votes first, then newest. */
        VOTES,
        /** Newest first. */
        NEWEST;

        /** The order a request names ({@code votes} or {@code newest}), votes by default. */
        public static Order parse(String value) {
            return "newest".equals(value) ? NEWEST : VOTES;
        }
    }

    /**
     * One idea as a viewer sees it.
     *
     * @param idea    the idea, with its vote count
     * @param voted   whether the viewer voted for it
     * @param history its status changes, oldest first
     */
    public record IdeaView(Idea idea, boolean voted, List<IdeaStatusChange> history) { }

    /** What a viewer sees of a page's idea box: its ideas, in {@code order}. */
    public record Box(List<IdeaView> ideas, Order order) {

        /** Whether the viewer submitted or voted for any of the ideas. */
        public boolean involves(User viewer) {
            return viewer != null && ideas.stream().anyMatch(v -> v.voted() || v.idea().author().equals(viewer.id()));
        }
    }

    /** The ideas shown per page of a box unless configured otherwise. */
    public static final int DEFAULT_PAGE_SIZE = 10;

    /** How the key of an idea's comment thread starts: {@code /#idea-} then the idea's id. */
    private static final String THREAD_PREFIX = "/#idea-";

    private final IdeaStore store;
    private final Pages pages;
    private final Clock clock;
    private volatile ContributionLog log = ContributionLog.NONE;
    private volatile int pageSize = DEFAULT_PAGE_SIZE;

    public Ideas(IdeaStore store, Pages pages, Clock clock) {
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

    /** How many ideas a box shows per page ({@value #DEFAULT_PAGE_SIZE} by default). */
    public void pageSize(int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("The ideas' page size must be above 0, was " + value);
        }
        this.pageSize = value;
    }

    public int pageSize() {
        return pageSize;
    }

    /**
     * The key under which the comments on idea {@code ideaId} are stored, as if they were a page's:
     * {@code /#idea-<id>}. No request resolves to it (a URL path never holds a {@code #}), so it is never taken
     * for a page of the intranet; {@link #threadIdea} reads it back.
     */
    public static PageId thread(long ideaId) {
        return PageId.of(THREAD_PREFIX + ideaId);
    }

    /** The id of the idea whose comment thread {@code page} is, or {@code null} if it is an ordinary page. */
    public static Long threadIdea(PageId page) {
        String value = page.value();
        if (!value.startsWith(THREAD_PREFIX) || value.length() == THREAD_PREFIX.length()
                || value.length() > THREAD_PREFIX.length() + 18) {
            return null;
        }
        for (int i = THREAD_PREFIX.length(); i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return null;
            }
        }
        return Long.valueOf(value.substring(THREAD_PREFIX.length()));
    }

    /**
     * The page of the intranet that {@code page} belongs to: the page of the idea for an idea's comment thread,
     * {@code page} itself otherwise (or when the idea does not exist).
     */
    public PageId hostOf(PageId page) {
        Long ideaId = threadIdea(page);
        Idea idea = ideaId == null ? null : store.idea(ideaId);
        return idea == null ? page : idea.page();
    }

    /** {@code user} submits an idea on {@code page}. */
    public Idea submit(User user, PageId page, String title, String text) {
        pages.requireOn(page, Widget.IDEAS);
        String cleanTitle = Rules.withoutControls(title == null ? "" : title).strip();
        String cleanText = Rules.withoutControls(text == null ? "" : text).strip();
        if (cleanTitle.isEmpty()) {
            throw new RuleViolation(Kind.INVALID, "rule.idea.titleEmpty");
        }
        if (Rules.length(cleanTitle) > MAX_TITLE) {
            throw new RuleViolation(Kind.INVALID, "rule.idea.titleTooLong", Rules.length(cleanTitle), MAX_TITLE);
        }
        if (cleanText.isEmpty()) {
            throw new RuleViolation(Kind.INVALID, "rule.idea.textEmpty");
        }
        if (Rules.length(cleanText) > MAX_TEXT) {
            throw new RuleViolation(Kind.INVALID, "rule.idea.textTooLong", Rules.length(cleanText), MAX_TEXT);
        }
        Idea idea = store.addIdea(page, user.id(), cleanTitle, cleanText, clock.instant());
        log.contributed(user, page, Contribution.IDEA);
        return idea;
    }

    /**
     * {@code user} votes for an idea ({@code on}) or withdraws their vote; a second vote changes nothing. Ideas
     * that are done or declined take no more votes.
     */
    public Idea vote(User user, long ideaId, boolean on) {
        Idea idea = require(ideaId);
        pages.requireOn(idea.page(), Widget.IDEAS);
        if (on) {
            if (idea.status() == IdeaStatus.DONE || idea.status() == IdeaStatus.DECLINED) {
                throw new RuleViolation(Kind.CONFLICT, "rule.idea.closed", idea.status().ordinal());
            }
            if (store.putIdeaVote(ideaId, user.id(), clock.instant())) {
                log.contributed(user, idea.page(), Contribution.IDEA_VOTE);
            }
        } else {
            store.removeIdeaVote(ideaId, user.id());
        }
        return require(ideaId);
    }

    /**
     * An editor moves an idea to {@code status} with a public answer (required to decline). Only the moves of
     * {@link IdeaStatus#next()} are allowed; each is kept in the idea's history.
     */
    public Idea setStatus(User editor, long ideaId, IdeaStatus status, String answer) {
        Pages.requireEditor(editor);
        Idea idea = require(ideaId);
        if (status == null) {
            throw new RuleViolation(Kind.INVALID, "rule.idea.badStatus");
        }
        if (!idea.status().canBecome(status)) {
            throw new RuleViolation(Kind.CONFLICT, "rule.idea.transition", idea.status().ordinal(), status.ordinal());
        }
        String cleanAnswer = Rules.withoutControls(answer == null ? "" : answer).strip();
        if (Rules.length(cleanAnswer) > MAX_ANSWER) {
            throw new RuleViolation(Kind.INVALID, "rule.idea.answerTooLong", Rules.length(cleanAnswer), MAX_ANSWER);
        }
        if (cleanAnswer.isEmpty() && status == IdeaStatus.DECLINED) {
            throw new RuleViolation(Kind.INVALID, "rule.idea.declineNeedsAnswer");
        }
        if (!store.changeIdeaStatus(ideaId, idea.status(), status, cleanAnswer.isEmpty() ? null : cleanAnswer,
                editor.id(), clock.instant())) {
            throw new RuleViolation(Kind.CONFLICT, "rule.idea.changedMeanwhile");
        }
        Idea changed = require(ideaId);
        tell(() -> events.ideaStatusChanged(changed, editor, cleanAnswer.isEmpty() ? null : cleanAnswer));
        return changed;
    }

    /** The idea box of {@code page} as {@code viewer} sees it (viewer may be {@code null}). */
    public Box box(User viewer, PageId page, Order order) {
        Set<Long> mine = viewer == null ? Set.of() : store.ideaVotesOf(page, viewer.id());
        Map<Long, List<IdeaStatusChange>> history = store.ideaHistory(page).stream()
                .collect(Collectors.groupingBy(IdeaStatusChange::idea));
        Comparator<Idea> newest = Comparator.comparing(Idea::created).thenComparing(Idea::id).reversed();
        Comparator<Idea> sort = order == Order.NEWEST ? newest
                : Comparator.comparingLong(Idea::votes).reversed().thenComparing(newest);
        List<IdeaView> views = store.ideas(page).stream().sorted(sort)
                .map(i -> new IdeaView(i, mine.contains(i.id()), history.getOrDefault(i.id(), List.of())))
                .toList();
        return new Box(views, order);
    }

    private Idea require(long ideaId) {
        Idea idea = store.idea(ideaId);
        if (idea == null) {
            throw new RuleViolation(Kind.NOT_FOUND, "rule.idea.notFound");
        }
        return idea;
    }
}
