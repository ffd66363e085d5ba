package org.coquille.spi;

import java.util.List;

import org.coquille.core.PageId;
import org.coquille.core.PageSettings;

/** Stores which widgets are on for each page. */
public interface PageStore {

    /** The stored settings of {@code page}, or {@code null} if none were ever saved. */
    PageSettings settings(PageId page);

    /** Saves {@code settings}, replacing those stored for the same page. */
    void saveSettings(PageSettings settings);

    /** Every page with stored settings, ordered by page id. */
    List<PageSettings> allSettings();
}
