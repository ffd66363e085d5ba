package org.coquille.internal.render;

/**
 * The URLs the widgets point to. The servlet adapter uses Coquille's prefix; the portlet adapter makes
 * action and resource URLs with the portlet API.
 */
public interface Links {

    /** Where a widget form posts {@code action} ({@code comment}, {@code vote}, ...). */
    String action(String action);

    /** The URL of the asset {@code name} ({@code coquille.js}, {@code coquille.css}). */
    String asset(String name);

    /** Links under a prefix such as {@code /intranet/_coquille/}: {@code form/<action>} and {@code static/<name>?v=<version>}. */
    static Links under(String base, String version) {
        return new Links() {
            @Override
            public String action(String action) {
                return base + "form/" + action;
            }

            @Override
            public String asset(String name) {
                return base + "static/" + name + "?v=" + version;
            }
        };
    }
}
