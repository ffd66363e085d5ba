package org.coquille.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coquille.spi.ContractFixtures.*;

import org.coquille.core.Comment;
import org.coquille.core.CommentState;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link CommentStore} must have: comments and their states. Part of {@link SocialStoreContract}; a store's
 * test may implement this one alone while it builds that part.
 */
public interface CommentStoreContract {

    /** The store under test, fresh and empty for each test. */
    SocialStore store();

    @Test
    default void addedCommentReadsBackWithItsId() {
        Comment added = store().comments().addComment(PAGE, null, "alice", "Bonne idée ! 👍\nÀ suivre.", T0, CommentState.VISIBLE);
        assertThat(added.id()).isPositive();
        assertThat(store().comments().comment(added.id())).isEqualTo(added);
        assertThat(added).extracting(Comment::page, Comment::author, Comment::body, Comment::created, Comment::edited)
                .containsExactly(PAGE, "alice", "Bonne idée ! 👍\nÀ suivre.", T0, null);
    }

    @Test
    default void unknownCommentIsNull() {
        assertThat(store().comments().comment(987_654)).isNull();
        assertThat(store().comments().editComment(987_654, "x", T0)).isFalse();
        assertThat(store().comments().setCommentState(987_654, CommentState.HIDDEN)).isFalse();
    }

    @Test
    default void commentsOfAPageAreOldestFirstWithReplies() {
        Comment first = store().comments().addComment(PAGE, null, "alice", "first", T0, CommentState.VISIBLE);
        Comment other = store().comments().addComment(OTHER, null, "bob", "elsewhere", T0.plusSeconds(1), CommentState.VISIBLE);
        Comment reply = store().comments().addComment(PAGE, first.id(), "bob", "reply", T0.plusSeconds(2), CommentState.PENDING);
        Comment second = store().comments().addComment(PAGE, null, "carol", "second", T0.plusSeconds(3), CommentState.HIDDEN);
        assertThat(store().comments().comments(PAGE)).containsExactly(first, reply, second);
        assertThat(store().comments().comments(OTHER)).containsExactly(other);
        assertThat(reply.parentId()).isEqualTo(first.id());
    }

    @Test
    default void longCommentKeepsEveryCharacter() {
        String body = "Ça marche. ".repeat(360) + "😀";
        Comment added = store().comments().addComment(PAGE, null, "alice", body, T0, CommentState.VISIBLE);
        assertThat(store().comments().comment(added.id()).body()).isEqualTo(body);
    }

    @Test
    default void editReplacesTextAndRecordsTime() {
        Comment added = store().comments().addComment(PAGE, null, "alice", "typo", T0, CommentState.VISIBLE);
        assertThat(store().comments().editComment(added.id(), "fixed", T0.plusSeconds(60))).isTrue();
        assertThat(store().comments().comment(added.id())).isEqualTo(added.withBody("fixed", T0.plusSeconds(60)));
    }

    @Test
    default void stateChangesAreKept() {
        Comment added = store().comments().addComment(PAGE, null, "alice", "text", T0, CommentState.PENDING);
        assertThat(store().comments().setCommentState(added.id(), CommentState.VISIBLE)).isTrue();
        assertThat(store().comments().comment(added.id()).state()).isEqualTo(CommentState.VISIBLE);
    }

    @Test
    default void commentsInStateAreNewestFirstAcrossPages() {
        Comment a = store().comments().addComment(PAGE, null, "alice", "a", T0, CommentState.PENDING);
        store().comments().addComment(PAGE, null, "bob", "b", T0.plusSeconds(1), CommentState.VISIBLE);
        Comment c = store().comments().addComment(OTHER, null, "carol", "c", T0.plusSeconds(2), CommentState.PENDING);
        Comment d = store().comments().addComment(PAGE, null, "dan", "d", T0.plusSeconds(3), CommentState.PENDING);
        assertThat(store().comments().commentsInState(CommentState.PENDING, 10)).containsExactly(d, c, a);
        assertThat(store().comments().commentsInState(CommentState.PENDING, 2)).containsExactly(d, c);
    }
}
