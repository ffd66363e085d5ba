package org.coquille.internal.page;

import java.time.Clock;
import java.time.ZoneId;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.coquille.core.PageId;
import org.coquille.core.User;
import org.coquille.spi.ActivityStore;
import org.coquille.spi.ViewStore;

/**
 * Who reads and who contributes, for the usage report: views and contributions counted in memory under each person's
 * pseudonym, with the department of those the directory can place, and written to the store at each {@link #flush}.
 */
public final class Audience {

    private final ViewCounter views;
    private final ContributionCounter contributions;
    private final DepartmentLog departments;
    private final UnaryOperator<String> pseudonym;
    private final BooleanSupplier directorySet;

    /**
     * @param pseudonym    the pseudonym of a viewer key ({@code u:} and the user id for someone logged in)
     * @param departmentOf a person's department, from the directory
     * @param directorySet whether a directory is set, so that departments are worth noting
     */
    public Audience(ViewStore viewStore, ActivityStore activity, Clock clock, ZoneId zone, UnaryOperator<String> pseudonym,
                    Function<String, String> departmentOf, BooleanSupplier directorySet) {
        this.pseudonym = pseudonym;
        this.directorySet = directorySet;
        this.views = new ViewCounter(viewStore, clock, zone);
        this.departments = new DepartmentLog(activity, departmentOf, clock, zone);
        this.contributions = new ContributionCounter(activity, clock, zone, this::contributorKey);
    }

    /** Counts a view of {@code page} by {@code viewerKey} under its pseudonym. Never touches the store. */
    public void viewed(PageId page, String viewerKey) {
        String key = pseudonym.apply(viewerKey);
        views.record(page, key);
        if (viewerKey.startsWith("u:") && directorySet.getAsBoolean()) {
            departments.seen(viewerKey.substring(2), key);
        }
    }

    /** Where the use cases say who contributed what. */
    public ContributionCounter contributions() {
        return contributions;
    }

    /** The key under which {@code userId}'s views and contributions are counted. */
    public String pseudonymOf(String userId) {
        return pseudonym.apply("u:" + userId);
    }

    /** Writes what was counted since the last flush to the store. */
    public void flush() {
        views.flush();
        contributions.flush();
        departments.flush();
    }

    /** The pseudonym a contributor is counted under; notes them for the report by department, as a viewer. */
    private String contributorKey(User user) {
        String key = pseudonymOf(user.id());
        if (directorySet.getAsBoolean()) {
            departments.seen(user.id(), key);
        }
        return key;
    }
}
