package org.coquille.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coquille.spi.ContractFixtures.*;

import java.util.List;
import java.util.Set;

import org.coquille.core.Moderation;
import org.coquille.core.PageSettings;
import org.coquille.core.PatternRule;
import org.coquille.core.VoteKind;
import org.coquille.core.Widget;
import org.coquille.inject.Placement;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SettingsStore} must have: URL pattern rules, deletes and imports of page settings. Part of {@link SocialStoreContract}; a store's
 * test may implement this one alone while it builds that part.
 */
public interface SettingsStoreContract {

    /** The store under test, fresh and empty for each test. */
    SocialStore store();

    @Test
    default void patternRulesReadBackWholeOrderedAndReplaced() {
        PatternRule news = new PatternRule("/actualites/*", Set.of(Widget.COMMENTS, Widget.VOTE),
                Placement.inside("#contenu td.main"), VoteKind.STARS, Moderation.PRE, true);
        PatternRule jsp = PatternRule.of("*.jsp", Set.of(Widget.REACTIONS));
        store().settings().savePatternRule(news);
        store().settings().savePatternRule(jsp);
        assertThat(store().settings().patternRules()).containsExactly(jsp, news);
        PatternRule off = PatternRule.of("/actualites/*", Set.of());
        store().settings().savePatternRule(off);
        assertThat(store().settings().patternRules()).containsExactly(jsp, off);
        assertThat(store().settings().deletePatternRule("/actualites/*")).isTrue();
        assertThat(store().settings().deletePatternRule("/actualites/*")).isFalse();
        assertThat(store().settings().patternRules()).containsExactly(jsp);
    }

    @Test
    default void deletedPageSettingsAreGone() {
        store().pages().saveSettings(allOn(PAGE));
        assertThat(store().settings().deleteSettings(PAGE)).isTrue();
        assertThat(store().pages().settings(PAGE)).isNull();
        assertThat(store().settings().deleteSettings(PAGE)).isFalse();
        assertThat(store().pages().allSettings()).isEmpty();
    }

    @Test
    default void importSavesEveryPageAndPatternReplacingThoseWithTheSameKey() {
        store().pages().saveSettings(PageSettings.off(PAGE));
        store().settings().savePatternRule(PatternRule.of("/rh/*", Set.of(Widget.POLL)));
        store().settings().savePatternRule(PatternRule.of("/kept/*", Set.of(Widget.POLL)));
        PatternRule rh = PatternRule.of("/rh/*", Set.of(Widget.COMMENTS));
        store().settings().importSettings(List.of(allOn(PAGE), allOn(OTHER)), List.of(rh));
        assertThat(store().pages().allSettings()).containsExactly(allOn(OTHER), allOn(PAGE));
        assertThat(store().pages().settings(PAGE)).isEqualTo(allOn(PAGE));
        assertThat(store().settings().patternRules()).containsExactly(PatternRule.of("/kept/*", Set.of(Widget.POLL)), rh);
    }
}
