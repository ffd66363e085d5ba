package org.coquille.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.coquille.core.Moderation;
import org.coquille.core.Objective;
import org.coquille.core.PageId;
import org.coquille.core.PageRules;
import org.coquille.core.PageSettings;
import org.coquille.social.Pages;
import org.coquille.core.PatternRule;
import org.coquille.inject.Placement;
import org.coquille.core.VoteKind;
import org.coquille.core.Widget;
import org.junit.jupiter.api.Test;

/**
 * The page objective part of the store contract: every {@link SocialStore} test runs it through
 * {@link SocialStoreContract}. An objective is saved with the settings of a page or a URL pattern, read back
 * whole, replaced or removed with them, and imported with them.
 */
public interface ObjectiveContract {

    PageId OBJECTIVE_PAGE = PageId.of("/restaurant/menu.html");
    LocalDate SET_ON = LocalDate.of(2026, 3, 2);
    /** Every field set, a description with characters a database could mangle. */
    Objective FULL = new Objective(Objective.Purpose.IDEAS, "Idées pour la cantine : « bio » & 50 % local", 30,
            LocalDate.of(2026, 3, 31), SET_ON);
    /** Only what is required: "other" needs its description. */
    Objective BARE = new Objective(Objective.Purpose.OTHER, "Test the new intranet search", null, null, SET_ON);

    /** The store under test, fresh and empty for each test. */
    SocialStore store();

    /** The store closed and opened again over the same data, or {@code null} if it keeps nothing. */
    SocialStore reopenStore() throws Exception;

    private static PageSettings ideasOn(PageId page, Objective objective) {
        return PageSettings.off(page).withWidgets(Set.of(Widget.IDEAS, Widget.COMMENTS)).withObjective(objective);
    }

    @Test
    default void pageObjectiveReadsBackWholeThenChangesAndClears() {
        store().pages().saveSettings(ideasOn(OBJECTIVE_PAGE, FULL));
        assertThat(store().pages().settings(OBJECTIVE_PAGE).objective()).isEqualTo(FULL);
        assertThat(store().pages().allSettings()).containsExactly(ideasOn(OBJECTIVE_PAGE, FULL));

        store().pages().saveSettings(ideasOn(OBJECTIVE_PAGE, BARE));
        assertThat(store().pages().settings(OBJECTIVE_PAGE)).isEqualTo(ideasOn(OBJECTIVE_PAGE, BARE));

        store().pages().saveSettings(ideasOn(OBJECTIVE_PAGE, null));
        assertThat(store().pages().settings(OBJECTIVE_PAGE).objective()).isNull();
        assertThat(store().pages().settings(OBJECTIVE_PAGE).widgets()).containsExactlyInAnyOrder(Widget.IDEAS, Widget.COMMENTS);
    }

    @Test
    default void pageObjectiveSurvivesARestart() throws Exception {
        store().pages().saveSettings(ideasOn(OBJECTIVE_PAGE, FULL));
        SocialStore reopened = reopenStore();
        assumeTrue(reopened != null, "this store keeps nothing across a restart");
        assertThat(reopened.pages().settings(OBJECTIVE_PAGE).objective()).isEqualTo(FULL);
    }

    @Test
    default void patternObjectiveReadsBackAndAppliesToItsPages() {
        PatternRule rule = new PatternRule("/restaurant/*", Set.of(Widget.IDEAS), new Placement(Placement.Anchor.AFTER,
                "#menu"), VoteKind.STARS, Moderation.PRE, true, FULL);
        store().settings().savePatternRule(rule);
        assertThat(store().settings().patternRules()).containsExactly(rule);
        assertThat(new Pages(store().pages(), store().settings(), PageRules.none()).settings(OBJECTIVE_PAGE).objective()).isEqualTo(FULL);

        PatternRule without = PatternRule.of("/restaurant/*", Set.of(Widget.IDEAS));
        store().settings().savePatternRule(without);
        assertThat(store().settings().patternRules()).containsExactly(without);
        assertThat(new Pages(store().pages(), store().settings(), PageRules.none()).settings(OBJECTIVE_PAGE).objective()).isNull();
    }

    @Test
    default void importedObjectivesReadBackOnPagesAndPatterns() {
        store().pages().saveSettings(ideasOn(OBJECTIVE_PAGE, BARE));
        PatternRule events = new PatternRule("/ce/*", Set.of(Widget.DATE_POLL), Placement.DEFAULT, VoteKind.THUMBS,
                Moderation.POST, false, new Objective(Objective.Purpose.EVENT, null, 12, LocalDate.of(2026, 6, 30), SET_ON));
        store().settings().importSettings(List.of(ideasOn(OBJECTIVE_PAGE, FULL)), List.of(events));
        assertThat(store().pages().settings(OBJECTIVE_PAGE).objective()).isEqualTo(FULL);
        assertThat(store().settings().patternRules()).containsExactly(events);
    }
}
