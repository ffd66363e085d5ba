package org.coquille.spi;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.coquille.core.PageId;
import org.coquille.core.PageViews;
import org.coquille.core.ViewBatch;

/** Stores page views per page per day, with exact unique viewers across nodes. */
public interface ViewStore {

    /** Adds the views of each batch, merging viewer keys with those already stored, in one transaction. */
    void addViews(Collection<ViewBatch> batches);

    /** The views of {@code page} for each day from {@code from} to {@code to} inclusive that has any, by day. */
    List<PageViews> views(PageId page, LocalDate from, LocalDate to);
}
