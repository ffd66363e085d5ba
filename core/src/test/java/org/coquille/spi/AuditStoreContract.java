package org.coquille.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coquille.spi.ContractFixtures.*;

import org.coquille.core.AuditEntry;
import org.coquille.core.Comment;
import org.coquille.core.CommentState;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link AuditStore} must have: the moderation audit trail. Part of {@link SocialStoreContract}; a store's
 * test may implement this one alone while it builds that part.
 */
public interface AuditStoreContract {

    /** The store under test, fresh and empty for each test. */
    SocialStore store();

    @Test
    default void auditTrailListsNewestFirstWithItsIds() {
        AuditEntry first = store().audit().addAuditEntry(new AuditEntry(0, T0, "edith", "comment.hide", "comment 3", "VISIBLE", "HIDDEN"));
        AuditEntry second = store().audit().addAuditEntry(new AuditEntry(0, T0.plusSeconds(1), "edith", "page.settings",
                PAGE.value(), null, "comments, vote"));
        assertThat(first.id()).isPositive();
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(store().audit().auditEntries(10)).containsExactly(second, first);
        assertThat(store().audit().auditEntries(1)).containsExactly(second);
    }

    @Test
    default void longAuditStatesAreCutNotRefused() {
        AuditEntry entry = store().audit().addAuditEntry(new AuditEntry(0, T0, "edith", "import", "settings", null,
                "é".repeat(5000)));
        assertThat(store().audit().auditEntries(1).get(0).after()).hasSize(AuditEntry.MAX_STATE_LENGTH).endsWith("…")
                .isEqualTo(entry.after());
    }

    @Test
    default void moderationChangesTheCommentAndRecordsItTogether() {
        Comment c = store().comments().addComment(PAGE, null, "alice", "En attente", T0, CommentState.PENDING);
        AuditEntry entry = new AuditEntry(0, T0.plusSeconds(5), "edith", "comment.approve", "comment " + c.id(),
                "PENDING", "VISIBLE");
        assertThat(store().audit().moderateComment(c.id(), CommentState.VISIBLE, entry)).isTrue();
        assertThat(store().comments().comment(c.id()).state()).isEqualTo(CommentState.VISIBLE);
        assertThat(store().comments().comments(PAGE)).extracting(Comment::state).containsExactly(CommentState.VISIBLE);
        assertThat(store().audit().auditEntries(5)).extracting(AuditEntry::action, AuditEntry::before, AuditEntry::after)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("comment.approve", "PENDING", "VISIBLE"));
    }

    @Test
    default void moderatingAMissingCommentRecordsNothing() {
        assertThat(store().audit().moderateComment(9999, CommentState.HIDDEN,
                new AuditEntry(0, T0, "edith", "comment.hide", "comment 9999", "VISIBLE", "HIDDEN"))).isFalse();
        assertThat(store().audit().auditEntries(5)).isEmpty();
    }
}
