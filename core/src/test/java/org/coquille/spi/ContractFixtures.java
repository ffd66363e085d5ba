package org.coquille.spi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.Poll;
import org.coquille.core.PollChoice;
import org.coquille.core.ResultsVisibility;
import org.coquille.core.Widget;

/** The pages, instants and values the per-area store contracts share. */
public final class ContractFixtures {

    public static final PageId PAGE = PageId.of("/news/canteen.jsp");
    public static final PageId OTHER = PageId.of("/hr/holidays.jsp?year=2026");
    public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    public static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private ContractFixtures() {
    }

    /** {@code page}'s settings with every widget on. */
    public static PageSettings allOn(PageId page) {
        return PageSettings.off(page).withWidgets(Set.of(Widget.values()));
    }

    /** A poll on {@code page}, its results visible at any time. */
    public static Poll poll(PageId page, PollChoice choice, String... options) {
        return new Poll(0, page, "Which day for the team lunch?", List.of(options), choice, null, null,
                ResultsVisibility.ALWAYS);
    }
}
