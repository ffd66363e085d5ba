package org.coquille.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coquille.spi.ContractFixtures.*;

import java.util.Set;

import org.coquille.core.Moderation;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.VoteKind;
import org.coquille.core.Widget;
import org.coquille.inject.Placement;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link PageStore} must have: each page's own settings. Part of {@link SocialStoreContract}; a store's
 * test may implement this one alone while it builds that part.
 */
public interface PageStoreContract {

    /** The store under test, fresh and empty for each test. */
    SocialStore store();

    @Test
    default void unknownPageHasNoSettings() {
        assertThat(store().pages().settings(PAGE)).isNull();
        assertThat(store().pages().allSettings()).isEmpty();
    }

    @Test
    default void savedSettingsReadBackWhole() {
        PageSettings settings = new PageSettings(PAGE, Set.of(Widget.COMMENTS, Widget.POLL),
                Placement.after("#content > table.main"), VoteKind.STARS, Moderation.PRE, true);
        store().pages().saveSettings(settings);
        assertThat(store().pages().settings(PAGE)).isEqualTo(settings);
        assertThat(store().pages().settings(OTHER)).isNull();
    }

    @Test
    default void savingAgainReplaces() {
        store().pages().saveSettings(allOn(PAGE));
        PageSettings off = PageSettings.off(PAGE);
        store().pages().saveSettings(off);
        assertThat(store().pages().settings(PAGE)).isEqualTo(off);
        assertThat(store().pages().allSettings()).containsExactly(off);
    }

    @Test
    default void allSettingsAreOrderedByPage() {
        store().pages().saveSettings(allOn(PAGE));
        store().pages().saveSettings(allOn(OTHER));
        assertThat(store().pages().allSettings()).extracting(PageSettings::page).containsExactly(OTHER, PAGE);
    }

    @Test
    default void longestPageIdIsKept() {
        PageId longest = PageId.of("/" + "é".repeat(PageId.MAX_LENGTH - 1));
        store().pages().saveSettings(allOn(longest));
        assertThat(store().pages().settings(longest)).isEqualTo(allOn(longest));
    }
}
