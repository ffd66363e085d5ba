package org.coquille.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coquille.spi.ContractFixtures.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coquille.core.CataloguedPage;
import org.coquille.core.ViewBatch;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link PageCatalogueStore} must have: the catalogue of pages served. Part of {@link SocialStoreContract}; a store's
 * test may implement this one alone while it builds that part.
 */
public interface PageCatalogueStoreContract {

    /** The store under test, fresh and empty for each test. */
    SocialStore store();

    @Test
    default void cataloguedPageKeepsItsFirstSightingAndTakesALateTitle() {
        store().catalogue().catalogue(List.of(new CataloguedPage(PAGE, null, T0)));
        store().catalogue().catalogue(List.of(new CataloguedPage(PAGE, "Cantine", T0.plusSeconds(60)),
                new CataloguedPage(OTHER, "Congés 2026 — RH", T0.plusSeconds(5))));
        store().catalogue().catalogue(List.of(new CataloguedPage(PAGE, "Another title", T0.plusSeconds(120))));
        assertThat(store().catalogue().cataloguedPages()).containsExactly(
                new CataloguedPage(OTHER, "Congés 2026 — RH", T0.plusSeconds(5)),
                new CataloguedPage(PAGE, "Cantine", T0));
    }

    @Test
    default void sameBatchMayNameAPageTwice() {
        store().catalogue().catalogue(List.of(new CataloguedPage(PAGE, null, T0), new CataloguedPage(PAGE, "Cantine", T0)));
        assertThat(store().catalogue().cataloguedPages()).containsExactly(new CataloguedPage(PAGE, "Cantine", T0));
    }

    @Test
    default void viewTotalsSumEachPageOverTheDaysAsked() {
        LocalDate day = LocalDate.of(2026, 3, 2);
        store().views().addViews(List.of(new ViewBatch(PAGE, day, 3, Set.of("a")), new ViewBatch(PAGE, day.minusDays(1), 2, Set.of("a")),
                new ViewBatch(PAGE, day.minusDays(40), 100, Set.of("b")), new ViewBatch(OTHER, day, 1, Set.of("c"))));
        assertThat(store().catalogue().viewTotals(day.minusDays(29), day)).isEqualTo(Map.of(PAGE, 5L, OTHER, 1L));
        assertThat(store().catalogue().viewTotals(day.plusDays(1), day.plusDays(2))).isEmpty();
    }
}
