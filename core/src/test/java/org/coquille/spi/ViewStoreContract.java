package org.coquille.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coquille.spi.ContractFixtures.*;

import java.util.List;
import java.util.Set;

import org.coquille.core.PageViews;
import org.coquille.core.ViewBatch;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ViewStore} must have: page views per day. Part of {@link SocialStoreContract}; a store's
 * test may implement this one alone while it builds that part.
 */
public interface ViewStoreContract {

    /** The store under test, fresh and empty for each test. */
    SocialStore store();

    @Test
    default void viewsAddUpAndViewersMergeAcrossBatches() {
        // two nodes flushing the same page and DAY: counts add, unique viewers stay exact
        store().views().addViews(List.of(new ViewBatch(PAGE, DAY, 3, Set.of("k1", "k2"))));
        store().views().addViews(List.of(new ViewBatch(PAGE, DAY, 2, Set.of("k2", "k3")),
                new ViewBatch(PAGE, DAY.plusDays(1), 1, Set.of("k1"))));
        assertThat(store().views().views(PAGE, DAY, DAY.plusDays(1))).containsExactly(
                new PageViews(PAGE, DAY, 5, 3), new PageViews(PAGE, DAY.plusDays(1), 1, 1));
    }

    @Test
    default void viewsAreReadForTheAskedDaysAndPageOnly() {
        store().views().addViews(List.of(new ViewBatch(PAGE, DAY, 1, Set.of("k1")),
                new ViewBatch(PAGE, DAY.plusDays(5), 1, Set.of("k1")),
                new ViewBatch(OTHER, DAY, 7, Set.of("k9"))));
        assertThat(store().views().views(PAGE, DAY, DAY.plusDays(4))).containsExactly(new PageViews(PAGE, DAY, 1, 1));
        assertThat(store().views().views(PAGE, DAY.plusDays(6), DAY.plusDays(9))).isEmpty();
    }
}
