package org.coquille.core;

import org.coquille.report.Contribution;

/** Told of every contribution the use cases accept, for the usage report; must not throw nor block. */
@FunctionalInterface
public interface ContributionLog {

    /** Logs nothing. */
    ContributionLog NONE = (user, page, kind) -> { };

    /** {@code user} made a contribution of {@code kind} on {@code page}, just now. */
    void contributed(User user, PageId page, Contribution kind);
}
