package org.coquille.report;

import java.util.Objects;

import org.coquille.core.Objective;
import org.coquille.core.PageId;

/**
 * A page with widgets on, as the usage report's objectives section shows it: its objective and how it stands
 * against it, or neither when the editor set no objective.
 *
 * @param page        the page
 * @param objective   what its widgets are for, or {@code null} when no objective is set
 * @param progress    its contributors since the objective was set and where it stands, or {@code null} without objective
 * @param approximate whether the contributors are a sum of weekly counts (the count reaches days whose keys are purged)
 */
public record ObjectiveStanding(PageId page, Objective objective, ObjectiveProgress progress, boolean approximate) {

    public ObjectiveStanding {
        Objects.requireNonNull(page, "page");
        if ((objective == null) != (progress == null)) {
            throw new IllegalArgumentException("A page has both an objective and its progress, or neither");
        }
    }
}
