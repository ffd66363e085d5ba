package org.coquille.social;

import org.coquille.core.Contribution;
import org.coquille.core.PageId;
import org.coquille.core.User;

/** Told of every contribution the use cases accept, for the usage report; must not throw nor block. */
@FunctionalInterface
public interface ContributionLog {

    /** Logs nothing. */
    ContributionLog NONE = (user, page, kind) -> { };

    /** {@code user} made a contribution of {@code kind} on {@code page}, just now. */
    void contributed(User user, PageId page, Contribution kind);
}
