package org.coquille.spi;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.coquille.core.CataloguedPage;
import org.coquille.core.PageId;

/** Stores the catalogue of pages the filter has served, for the editors' console. */
public interface PageCatalogueStore {

    /**
     * Adds the pages not catalogued yet, in one transaction. A page already there keeps its first sighting;
     * if it has no title yet and the sighting has one, it takes that title.
     */
    void catalogue(Collection<CataloguedPage> sightings);

    /** Every catalogued page, ordered by page id. */
    List<CataloguedPage> cataloguedPages();

    /** The views of every page that has any from {@code from} to {@code to} inclusive, summed per page. */
    Map<PageId, Long> viewTotals(LocalDate from, LocalDate to);
}
