package org.coquille.internal.report;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.coquille.core.PageId;
import org.coquille.core.Widget;

/**
 * What the report says about a page besides its figures: its title, as the page catalogue has it, and the widgets on
 * for it, so that an editor sees which page a line is about and whether people can react there at all.
 */
final class PageFacts {

    /** No titles and no widgets known. */
    static final PageFacts NONE = new PageFacts(Map.of(), page -> Set.of());

    private final Map<PageId, String> titles;
    private final Function<PageId, Set<Widget>> widgets;

    /**
     * @param titles  page titles by page, as the catalogue has them
     * @param widgets the widgets on for a page (its effective settings)
     */
    PageFacts(Map<PageId, String> titles, Function<PageId, Set<Widget>> widgets) {
        this.titles = titles;
        this.widgets = widgets;
    }

    /** The page's title, or its address when it has none. */
    String title(PageId page) {
        String title = titles.get(page);
        return title == null || title.isBlank() ? page.value() : title;
    }

    boolean hasWidgets(PageId page) {
        return !widgets.apply(page).isEmpty();
    }

    /** The widgets on for {@code page} in words, or "none". */
    String widgets(ReportFormat f, PageId page) {
        Set<Widget> on = widgets.apply(page);
        if (on.isEmpty()) {
            return f.text("report.widgets.none");
        }
        return on.stream().sorted(Comparator.naturalOrder()).map(w -> f.text("widget." + w.name().toLowerCase(java.util.Locale.ROOT)))
                .collect(Collectors.joining(", "));
    }

    /** {@code pages} that have widgets on ({@code on}) or none ({@code !on}). */
    <T> List<T> with(List<T> pages, Function<T, PageId> page, boolean on) {
        return pages.stream().filter(p -> hasWidgets(page.apply(p)) == on).toList();
    }
}
