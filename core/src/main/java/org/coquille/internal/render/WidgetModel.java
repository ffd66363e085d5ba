package org.coquille.internal.render;

import org.coquille.http.WidgetLinks;
import java.util.List;
import java.util.function.Predicate;

import org.coquille.core.Comment;
import org.coquille.social.DatePolls;
import org.coquille.core.Messages;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.social.Polls;
import org.coquille.social.Reactions;
import org.coquille.core.User;
import org.coquille.social.Votes;
import org.coquille.core.Widget;

/**
 * Everything the widgets of one page show to one viewer.
 *
 * @param page          the page
 * @param settings      its settings (which widgets are on)
 * @param viewer        the viewer, or {@code null} when anonymous
 * @param canWrite      whether the viewer may take part (logged in, or anonymous use is on)
 * @param messages      texts in the viewer's language
 * @param links         where the forms post and the assets are
 * @param ns            prefixed to every element id and form field name, so that several instances on one page do not
 *                      collide ({@code ""} for one; a portlet's namespace)
 * @param returnTo      the page's URL (path and query, context path included) to come back to after a form post
 * @param csrf          the viewer's CSRF token
 * @param comments      the comments the viewer may see, oldest first
 * @param canChange     which of them the viewer may edit or delete
 * @param commentsPage  the page of top-level comments shown, from 1
 * @param newestFirst   the order of top-level comments
 * @param vote          the page's votes, or {@code null} when the widget is off
 * @param polls         the page's polls
 * @param reactions     the page's reactions, or {@code null} when the widget is off
 * @param ideas         what the viewer sees of the page's idea box, or {@code null} when the widget is off
 * @param datePolls     the page's date polls
 * @param notice        a message to show after the viewer's last action, or {@code null}
 */
public record WidgetModel(PageId page, PageSettings settings, User viewer, boolean canWrite, Messages messages,
                          WidgetLinks links, String ns, String returnTo, String csrf, List<Comment> comments,
                          Predicate<Comment> canChange, int commentsPage, boolean newestFirst,
                          Votes.Summary vote, List<Polls.View> polls, Reactions.Summary reactions, IdeaBoxView ideas,
                          List<DatePolls.View> datePolls, Notice notice) {

    /**
     * The outcome of the viewer's last action, shown next to the widget it concerns.
     *
     * @param widget the widget
     * @param text   the message, in the viewer's language
     * @param error  whether it is an error
     * @param draft  the text the viewer had typed, given back after an error, or {@code null}
     * @param target the comment (or poll) the action was about, or {@code null}
     * @param action the action ({@code comment}, {@code idea/vote}, ...), or {@code null} if unknown
     */
    public record Notice(Widget widget, String text, boolean error, String draft, Long target, String action) {

        /** Whether it concerns a comment (or a reply) rather than the widget's own forms. */
        boolean aboutComment() {
            return action != null && action.startsWith("comment");
        }
    }

    /**
     * Whether this viewer sees the widgets exactly as any reader who has not taken part does, but for the CSRF
     * token: not an editor, no notice, none of the comments or ideas theirs, no vote, reaction, poll answer, idea vote
     * or date-poll answer of theirs.
     * Such viewers can share one rendering.
     */
    public boolean impersonal() {
        if (notice != null || viewer != null && viewer.editor()) {
            return false;
        }
        if (viewer != null && comments.stream().anyMatch(c -> c.author().equals(viewer.id()))) {
            return false;
        }
        if (vote != null && vote.mine() != null || reactions != null && !reactions.mine().isEmpty()) {
            return false;
        }
        if (ideas != null && ideas.involves(viewer)) {
            return false;
        }
        return polls.stream().allMatch(p -> p.mine().isEmpty()) && datePolls.stream().allMatch(p -> p.mine().isEmpty());
    }

    /** An element id, namespaced. */
    String id(String name) {
        return ns + name;
    }

    /** A form field name, namespaced (a portal delivers a portlet the fields that carry its namespace). */
    String field(String name) {
        return ns + name;
    }

    Notice noticeFor(Widget widget) {
        return notice != null && notice.widget() == widget ? notice : null;
    }
}
