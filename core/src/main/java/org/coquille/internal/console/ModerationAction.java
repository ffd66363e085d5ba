package org.coquille.internal.console;

import java.util.Locale;
import java.util.Set;

import org.coquille.core.CommentState;

/** What an editor may do to a comment, from which states, and the state it leaves the comment in. */
enum ModerationAction {
    APPROVE(CommentState.VISIBLE, Set.of(CommentState.PENDING)),
    HIDE(CommentState.HIDDEN, Set.of(CommentState.VISIBLE, CommentState.PENDING)),
    RESTORE(CommentState.VISIBLE, Set.of(CommentState.HIDDEN, CommentState.DELETED)),
    DELETE(CommentState.DELETED, Set.of(CommentState.VISIBLE, CommentState.PENDING, CommentState.HIDDEN));

    private final CommentState to;
    private final Set<CommentState> from;

    ModerationAction(CommentState to, Set<CommentState> from) {
        this.to = to;
        this.from = from;
    }

    CommentState to() {
        return to;
    }

    boolean appliesTo(CommentState state) {
        return from.contains(state);
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The action named {@code name}, or {@code null}. */
    static ModerationAction named(String name) {
        for (ModerationAction a : values()) {
            if (a.key().equals(name)) {
                return a;
            }
        }
        return null;
    }
}
