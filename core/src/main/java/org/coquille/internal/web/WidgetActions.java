package org.coquille.internal.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.coquille.core.Comment;
import org.coquille.core.CommentState;
import org.coquille.core.Availability;
import org.coquille.social.Comments;
import org.coquille.social.DatePolls;
import org.coquille.core.Idea;
import org.coquille.core.IdeaStatus;
import org.coquille.social.Ideas;
import org.coquille.core.PageId;
import org.coquille.social.Polls;
import org.coquille.social.Reactions;
import org.coquille.core.RuleViolation;
import org.coquille.core.User;
import org.coquille.social.Votes;
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
     * @param result the new state, for the JSON answer; read only when asked, as a form post's redirect needs none
     */
    record Outcome(Widget widget, PageId page, String done, Long target, Supplier<?> result) { }

    private final Comments comments;
    private final Votes votes;
    private final Polls polls;
    private final Reactions reactions;
    private final Ideas ideas;
    private final DatePolls datePolls;

    WidgetActions(Comments comments, Votes votes, Polls polls, Reactions reactions, Ideas ideas, DatePolls datePolls) {
        this.ideas = ideas;
        this.datePolls = datePolls;
        this.comments = comments;
        this.votes = votes;
        this.polls = polls;
        this.reactions = reactions;
    }

    Outcome perform(User user, ActionRequest a) {
        return switch (a.action()) {
            case "comment" -> {
                Comment c = comments.post(user, require(a.page(), "page"), a.parent(), a.body());
                yield new Outcome(widgetOf(a.action(), c.page()), c.page(), c.state() == CommentState.PENDING ? "done.comment.pending"
                        : "done.comment", a.parent(), () -> c);
            }
            case "comment/edit" -> {
                Comment c = comments.edit(user, require(a.comment(), "comment"), a.body());
                yield new Outcome(widgetOf(a.action(), c.page()), c.page(), "done.comment.edit", c.id(), () -> c);
            }
            case "comment/delete" -> {
                long id = require(a.comment(), "comment");
                comments.delete(user, id);
                yield new Outcome(widgetOf(a.action(), a.page()), a.page(), "done.comment.delete", id, () -> Map.of("deleted", id));
            }
            case "vote" -> {
                PageId page = require(a.page(), "page");
                Integer value = a.vote();
                if (value == null) {
                    votes.withdraw(user, page);
                } else {
                    votes.vote(user, page, value);
                }
                yield new Outcome(Widget.VOTE, page, "done.vote", null, () -> votes.after(page, value));
            }
            case "poll" -> {
                long id = require(a.poll(), "poll");
                Polls.View v = polls.answer(user, id, a.options());
                yield new Outcome(Widget.POLL, v.poll().page(), "done.poll", id, () -> v);
            }
            case "reaction" -> {
                PageId page = require(a.page(), "page");
                reactions.set(user, page, a.emoji(), a.on());
                yield new Outcome(Widget.REACTIONS, page, "done.reaction", null, () -> reactions.summary(user, page));
            }
            case "idea" -> {
                Idea idea = ideas.submit(user, require(a.page(), "page"), a.title(), a.body());
                yield new Outcome(Widget.IDEAS, idea.page(), "done.idea", idea.id(), () -> idea);
            }
            case "idea/vote" -> {
                Idea idea = ideas.vote(user, require(a.idea(), "idea"), a.on());
                yield new Outcome(Widget.IDEAS, idea.page(), a.on() ? "done.idea.vote" : "done.idea.unvote", idea.id(), () -> idea);
            }
            case "idea/status" -> {
                Idea idea = ideas.setStatus(user, require(a.idea(), "idea"), status(a.status()), a.body());
                yield new Outcome(Widget.IDEAS, idea.page(), "done.idea.status", idea.id(), () -> idea);
            }
            case "datepoll" -> {
                long id = require(a.datePoll(), "datePoll");
                DatePolls.View v = datePolls.answer(user, id, availability(a.slots()));
                yield new Outcome(Widget.DATE_POLL, v.poll().page(), "done.datePoll", id, () -> v);
            }
            case "datepoll/close" -> {
                long id = require(a.datePoll(), "datePoll");
                DatePolls.View v = datePolls.close(user, id, a.slot());
                yield new Outcome(Widget.DATE_POLL, v.poll().page(), "done.datePoll.close", id, () -> v);
            }
            default -> throw new BadRequest("unknown action '" + a.action() + "'; actions are " + ActionRequest.ACTIONS);
        };
    }

    /**
     * The widget an action concerns, to show its error next to it: comments on an idea ({@code page} is the idea's
     * thread) show in the idea box.
     *
     * @param page the page or thread the action is about, or {@code null}
     */
    static Widget widgetOf(String action, PageId page) {
        if (action.startsWith("comment")) {
            return page != null && Ideas.threadIdea(page) != null ? Widget.IDEAS : Widget.COMMENTS;
        }
        if (action.startsWith("idea")) {
            return Widget.IDEAS;
        }
        if (action.startsWith("datepoll")) {
            return Widget.DATE_POLL;
        }
        return switch (action) {
            case "vote" -> Widget.VOTE;
            case "poll" -> Widget.POLL;
            default -> Widget.REACTIONS;
        };
    }

    private static IdeaStatus status(String value) {
        try {
            return value == null ? null : IdeaStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "rule.idea.badStatus");
        }
    }

    private static Map<Integer, Availability> availability(Map<Integer, String> slots) {
        Map<Integer, Availability> answers = new LinkedHashMap<>();
        slots.forEach((slot, value) -> {
            Availability a = Availability.parse(value);
            if (a == null) {
                throw new RuleViolation(RuleViolation.Kind.INVALID, "rule.datePoll.badAnswer", slot + 1);
            }
            answers.put(slot, a);
        });
        return answers;
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw new BadRequest("the field '" + field + "' is missing");
        }
        return value;
    }
}
