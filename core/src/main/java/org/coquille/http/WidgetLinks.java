package org.coquille.http;

/**
 * The URLs the widgets point to. The servlet adapter uses Coquille's prefix; the portlet adapter makes
 * action and resource URLs with the portlet API.
 */
public interface WidgetLinks {

    /** Where a widget form posts {@code action} ({@code comment}, {@code vote}, ...). */
    String action(String action);

    /**
     * Where the script posts {@code action} to get the re-rendered widgets back, when that is not
     * {@link #action}: a portlet's resource URL, as its action URL answers with the whole portal page.
     * {@code null} (the default) for the form's own action.
     */
    default String fragment(String action) {
        return null;
    }

    /**
     * The URL of the page showing page {@code number} of the comments: a portlet's render URL. {@code null}
     * (the default) for the page's own URL with {@code coq_cp}.
     */
    default String commentsPage(int number) {
        return null;
    }

    /**
     * The URL of the iCalendar event of the date a closed date poll chose, or {@code null} (the default) where
     * Coquille's prefix does not answer (a portal).
     */
    default String calendar(long datePollId) {
        return null;
    }

    /** The URL of the asset {@code name} ({@code coquille.js}, {@code coquille.css}). */
    String asset(String name);

    /** WidgetLinks under a prefix such as {@code /intranet/_coquille/}: {@code form/<action>} and {@code static/<name>?v=<version>}. */
    static WidgetLinks under(String base, String version) {
        return new WidgetLinks() {
            @Override
            public String action(String action) {
                return base + "form/" + action;
            }

            @Override
            public String calendar(long datePollId) {
                return base + "calendar/datepoll-" + datePollId + ".ics";
            }

            @Override
            public String asset(String name) {
                return base + "static/" + name + "?v=" + version;
            }
        };
    }
}
