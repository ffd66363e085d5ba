package org.coquille.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.coquille.core.CommentState;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.PatternRule;
import org.coquille.core.Widget;
import org.coquille.spi.SocialStore;
import org.coquille.spi.SocialStoreContract;
import org.junit.jupiter.api.Test;

/** The cache passes the store contract, and serves fresh data after its own writes and after its TTL. */
class CachedStoreTest extends SocialStoreContract {

    private final AtomicLong nanos = new AtomicLong();
    private MemoryStore behind;

    @Override
    protected SocialStore openEmptyStore() {
        behind = new MemoryStore();
        return new CachedStore(behind, Duration.ofSeconds(30), nanos::get);
    }

    private static final PageId P = PageId.of("/cached.jsp");

    @Test
    void writesThroughTheCacheShowAtOnce() {
        assertThat(store.votes().tally(P).total()).isZero();
        store.votes().putVote(P, "alice", 1, Instant.EPOCH);
        assertThat(store.votes().tally(P).total()).isEqualTo(1);
        assertThat(store.votes().vote(P, "alice")).isEqualTo(1);
        store.pages().saveSettings(PageSettings.off(P).withWidgets(Set.of(Widget.VOTE)));
        assertThat(store.pages().settings(P).isOn(Widget.VOTE)).isTrue();
    }

    @Test
    void writesFromAnotherNodeShowAfterTheTtl() {
        assertThat(store.comments().comments(P)).isEmpty();
        behind.comments().addComment(P, null, "bob", "from node 2", Instant.EPOCH, CommentState.VISIBLE);
        assertThat(store.comments().comments(P)).as("still cached").isEmpty();
        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThat(store.comments().comments(P)).hasSize(1);
    }

    @Test
    void patternSavedThroughTheCacheShowsAtOnceAndFromAnotherNodeAfterTheTtl() {
        assertThat(store.settings().patternRules()).isEmpty();
        store.settings().savePatternRule(PatternRule.of("/actualites/*", Set.of(Widget.COMMENTS)));
        assertThat(store.settings().patternRules()).extracting(PatternRule::pattern).containsExactly("/actualites/*");
        behind.settings().savePatternRule(PatternRule.of("*.jsp", Set.of(Widget.VOTE)));
        assertThat(store.settings().patternRules()).as("still cached").hasSize(1);
        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThat(store.settings().patternRules()).hasSize(2);
        store.settings().deletePatternRule("*.jsp");
        assertThat(store.settings().patternRules()).hasSize(1);
    }

    @Test
    void pageSettingsRemovedThroughTheCacheAreGoneAtOnce() {
        store.pages().saveSettings(PageSettings.off(P).withWidgets(Set.of(Widget.VOTE)));
        assertThat(store.pages().settings(P)).isNotNull();
        store.settings().deleteSettings(P);
        assertThat(store.pages().settings(P)).isNull();
        store.settings().importSettings(java.util.List.of(PageSettings.off(P).withWidgets(Set.of(Widget.POLL))), java.util.List.of());
        assertThat(store.pages().settings(P).widgets()).containsExactly(Widget.POLL);
    }
}
