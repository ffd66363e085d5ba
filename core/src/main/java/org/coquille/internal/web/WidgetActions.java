package org.coquille.internal.web;

import java.util.Map;

import org.coquille.core.Comment;
import org.coquille.core.CommentState;
import org.coquille.core.Comments;
import org.coquille.core.PageId;
import org.coquille.core.Polls;
import org.coquille.core.Reactions;
import org.coquille.core.User;
import org.coquille.core.Votes;
import org.coquille.core.Widget;

/** Runs one widget action through the use cases; the form and JSON routes share it. */
final class WidgetActions {

    /**
     * What an action did.
     *
     * @param widget the widget it concerns
     * @param page   the page the widget is on
     * @param done   the message key saying it worked
     * @param target the comment or poll it concerns, or {@code null}
     * @param result the new state, for the JSON answer
     */
    record Outcome(Widget widget, PageId page, String done, Long target, Object result) { }

    private final Comments comments;
    private final Votes votes;
    private final Polls polls;
    private final Reactions reactions;

    WidgetActions(Comments comments, Votes votes, Polls polls, Reactions reactions) {
        this.comments = comments;
        this.votes = votes;
        this.polls = polls;
        this.reactions = reactions;
    }

    Outcome perform(User user, ActionRequest a) {
        return switch (a.action()) {
            case "comment" -> {
                Comment c = comments.post(user, require(a.page(), "page"), a.parent(), a.body());
                yield new Outcome(Widget.COMMENTS, c.page(), c.state() == CommentState.PENDING ? "done.comment.pending"
                        : "done.comment", a.parent(), c);
            }
            case "comment/edit" -> {
                Comment c = comments.edit(user, require(a.comment(), "comment"), a.body());
                yield new Outcome(Widget.COMMENTS, c.page(), "done.comment.edit", c.id(), c);
            }
            case "comment/delete" -> {
                long id = require(a.comment(), "comment");
                comments.delete(user, id);
                yield new Outcome(Widget.COMMENTS, a.page(), "done.comment.delete", id, Map.of("deleted", id));
            }
            case "vote" -> {
                PageId page = require(a.page(), "page");
                Votes.Summary s = a.vote() == null ? votes.withdraw(user, page) : votes.vote(user, page, a.vote());
                yield new Outcome(Widget.VOTE, page, "done.vote", null, s);
            }
            case "poll" -> {
                long id = require(a.poll(), "poll");
                Polls.View v = polls.answer(user, id, a.options());
                yield new Outcome(Widget.POLL, v.poll().page(), "done.poll", id, v);
            }
            case "reaction" -> {
                PageId page = require(a.page(), "page");
                Reactions.Summary s = reactions.set(user, page, a.emoji(), a.on());
                yield new Outcome(Widget.REACTIONS, page, "done.reaction", null, s);
            }
            default -> throw new BadRequest("unknown action '" + a.action() + "'; actions are " + ActionRequest.ACTIONS);
        };
    }

    /** The widget an action concerns, to show its error next to it. */
    static Widget widgetOf(String action) {
        if (action.startsWith("comment")) {
            return Widget.COMMENTS;
        }
        return switch (action) {
            case "vote" -> Widget.VOTE;
            case "poll" -> Widget.POLL;
            default -> Widget.REACTIONS;
        };
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw new BadRequest("the field '" + field + "' is missing");
        }
        return value;
    }
}
