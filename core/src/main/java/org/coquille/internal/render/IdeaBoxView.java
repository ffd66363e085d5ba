package org.coquille.internal.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.coquille.core.Comment;
import org.coquille.social.Ideas;
import org.coquille.core.User;

/**
 * What the idea box shows one viewer: one page of its ideas in the order asked, the comments the viewer may see on
 * each of them, and the idea whose comments are open.
 *
 * @param shown    the ideas of the page shown, in order
 * @param total    how many ideas the box holds
 * @param number   the page shown, from 1
 * @param pages    how many pages there are, at least 1
 * @param open     the id of the idea whose comments are open, or {@code null}
 * @param comments the comments the viewer may see on each shown idea, oldest first
 */
public record IdeaBoxView(Ideas.Box shown, int total, int number, int pages, Long open,
                          Map<Long, List<Comment>> comments) {

    public IdeaBoxView {
        comments = Map.copyOf(comments);
    }

    /**
     * Page {@code requested} of {@code box} at {@code size} ideas a page (out of range: the nearest page that
     * exists), or the page holding idea {@code open} when it is one of the box's.
     *
     * @param open       the idea asked open, or {@code null}
     * @param commentsOf the comments the viewer may see on an idea
     */
    public static IdeaBoxView of(Ideas.Box box, int size, int requested, Long open,
                                 Function<Long, List<Comment>> commentsOf) {
        List<Ideas.IdeaView> all = box.ideas();
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int number = Math.min(Math.max(1, requested), pages);
        Long opened = null;
        for (int i = 0; open != null && i < all.size(); i++) {
            if (all.get(i).idea().id() == open) {
                number = i / size + 1;
                opened = open;
            }
        }
        List<Ideas.IdeaView> shown = all.subList((number - 1) * size, Math.min(all.size(), number * size));
        Map<Long, List<Comment>> comments = new LinkedHashMap<>();
        for (Ideas.IdeaView view : shown) {
            comments.put(view.idea().id(), commentsOf.apply(view.idea().id()));
        }
        return new IdeaBoxView(new Ideas.Box(List.copyOf(shown), box.order()), all.size(), number, pages, opened, comments);
    }

    /** Whether the viewer submitted, voted for or commented on any of the shown ideas. */
    boolean involves(User viewer) {
        return viewer != null && (shown.involves(viewer) || comments.values().stream()
                .anyMatch(list -> list.stream().anyMatch(c -> c.author().equals(viewer.id()))));
    }

    /** The comments the viewer may see on idea {@code ideaId}. */
    List<Comment> commentsOn(long ideaId) {
        return comments.getOrDefault(ideaId, List.of());
    }
}
