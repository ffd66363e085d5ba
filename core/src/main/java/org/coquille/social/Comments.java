package org.coquille.social;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.coquille.core.Comment;
import org.coquille.core.CommentState;
import org.coquille.core.Idea;
import org.coquille.core.Moderation;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.RuleViolation.Kind;
import org.coquille.core.Contribution;
import org.coquille.core.RuleViolation;
import org.coquille.core.Rules;
import org.coquille.core.User;
import org.coquille.core.Widget;
import org.coquille.spi.CommentStore;
import org.coquille.spi.IdeaStore;

/** Posting, editing, deleting, moderating and listing comments, with their rules. */
public final class Comments {

    private final CommentStore store;
    private final IdeaStore ideas;
    private final Pages pages;
    private final Rules rules;
    private final Clock clock;
    private volatile ContributionLog log = ContributionLog.NONE;

    public Comments(CommentStore store, IdeaStore ideas, Pages pages, Rules rules, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.ideas = Objects.requireNonNull(ideas, "ideas");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.rules = Objects.requireNonNull(rules, "rules");
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

    /**
     * Posts a comment, or a reply when {@code parentId} is not null. On a pre-moderated page it is
     * pending until an editor approves it. {@code page} may be an idea's comment thread
     * ({@link Ideas#thread}): the idea box must then be on the idea's page, whose moderation and lock apply, and
     * the comment counts for that page in the usage report.
     */
    public Comment post(User user, PageId page, Long parentId, String body) {
        PageId host = hostOf(page);
        PageSettings settings = host.equals(page) ? pages.requireOn(page, Widget.COMMENTS)
                : pages.requireOn(host, Widget.IDEAS);
        if (settings.commentsLocked()) {
            throw new RuleViolation(Kind.CONFLICT, "rule.comment.locked");
        }
        String text = checkBody(body);
        if (parentId != null) {
            Comment parent = store.comment(parentId);
            if (parent == null || !parent.page().equals(page) || parent.state() == CommentState.DELETED) {
                throw new RuleViolation(Kind.NOT_FOUND, "rule.comment.notFound");
            }
            if (parent.isReply()) {
                throw new RuleViolation(Kind.INVALID, "rule.comment.replyToReply");
            }
        }
        CommentState state = settings.moderation() == Moderation.PRE && !user.editor()
                ? CommentState.PENDING : CommentState.VISIBLE;
        Comment posted = store.addComment(page, parentId, user.id(), text, clock.instant(), state);
        log.contributed(user, host, Contribution.COMMENT);
        Comment parent = parentId == null ? null : store.comment(parentId);
        Long ideaId = Ideas.threadIdea(page);
        tell(() -> events.commented(posted, parent, ideaId == null ? null : ideas.idea(ideaId)));
        return posted;
    }

    /** Replaces the text of a comment: its author within the edit window, or an editor. */
    public Comment edit(User user, long commentId, String body) {
        Comment comment = changeable(user, commentId);
        String text = checkBody(body);
        Instant now = clock.instant();
        store.editComment(commentId, text, now);
        return comment.withBody(text, now);
    }

    /** Deletes a comment: its author within the edit window, or an editor. */
    public void delete(User user, long commentId) {
        changeable(user, commentId);
        store.setCommentState(commentId, CommentState.DELETED);
    }

    /** An editor approves, hides, restores or deletes a comment. */
    public Comment moderate(User editor, long commentId, CommentState state) {
        Pages.requireEditor(editor);
        Comment comment = store.comment(commentId);
        if (comment == null) {
            throw new RuleViolation(Kind.NOT_FOUND, "rule.comment.notFound");
        }
        store.setCommentState(commentId, state);
        return comment.withState(state);
    }

    /**
     * The comments of {@code page} that {@code viewer} may see, oldest first: visible ones, their own
     * pending ones, and for editors the pending and hidden ones too. Deleted comments are never listed.
     *
     * @param viewer the viewer, or {@code null} for an anonymous visitor
     */
    public List<Comment> visibleTo(User viewer, PageId page) {
        return store.comments(page).stream().filter(c -> canSee(viewer, c)).toList();
    }

    /** Whether {@code user} may still edit or delete {@code comment}. */
    public boolean canChange(User user, Comment comment) {
        if (user == null || comment.state() == CommentState.DELETED) {
            return false;
        }
        return user.editor() || user.id().equals(comment.author())
                && clock.instant().isBefore(comment.created().plus(rules.editWindow()));
    }

    /** The intranet page a comment thread belongs to: the idea's page for an idea's thread (which must exist). */
    private PageId hostOf(PageId page) {
        Long ideaId = Ideas.threadIdea(page);
        if (ideaId == null) {
            return page;
        }
        Idea idea = ideas.idea(ideaId);
        if (idea == null) {
            throw new RuleViolation(Kind.NOT_FOUND, "rule.idea.notFound");
        }
        return idea.page();
    }

    private static boolean canSee(User viewer, Comment comment) {
        return switch (comment.state()) {
            case VISIBLE -> true;
            case PENDING -> viewer != null && (viewer.editor() || viewer.id().equals(comment.author()));
            case HIDDEN -> viewer != null && viewer.editor();
            case DELETED -> false;
        };
    }

    private Comment changeable(User user, long commentId) {
        Comment comment = store.comment(commentId);
        if (comment == null) {
            throw new RuleViolation(Kind.NOT_FOUND, "rule.comment.notFound");
        }
        if (comment.state() == CommentState.DELETED) {
            throw new RuleViolation(Kind.CONFLICT, "rule.comment.deleted");
        }
        if (!user.editor()) {
            if (!user.id().equals(comment.author())) {
                throw new RuleViolation(Kind.FORBIDDEN, "rule.comment.notYours");
            }
            if (!clock.instant().isBefore(comment.created().plus(rules.editWindow()))) {
                throw new RuleViolation(Kind.FORBIDDEN, "rule.comment.windowOver", rules.editWindow().toMinutes());
            }
        }
        return comment;
    }

    private String checkBody(String body) {
        String text = body == null ? "" : Rules.withoutControls(body).strip();
        if (text.isEmpty()) {
            throw new RuleViolation(Kind.INVALID, "rule.comment.empty");
        }
        int length = Rules.length(text);
        if (length > rules.maxCommentLength()) {
            throw new RuleViolation(Kind.INVALID, "rule.comment.tooLong", length, rules.maxCommentLength());
        }
        return text;
    }
}
