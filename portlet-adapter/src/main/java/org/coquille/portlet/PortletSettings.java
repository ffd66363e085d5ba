package org.coquille.portlet;

import java.util.Map;

import org.coquille.SettingsSources;

/**
 * Coquille's settings for a portlet or portlet filter, lowest precedence first: defaults;
 * {@code coquille.properties} on the classpath; {@code coquille.properties} in the work folder; the
 * init-params; system properties. The adapter's own init-params ({@code coquille.portlet.*}) are kept apart.
 */
final class PortletSettings {

    /** The adapter's own settings start with this. */
    static final String OWN = "coquille.portlet.";
    /** The page id template ({@link PortletPageIds#template}). */
    static final String PAGE_ID = OWN + "pageId";
    /** The class name of a {@link PortletPageIds} with a public no-argument constructor. */
    static final String PAGE_IDS = OWN + "pageIds";

    private PortletSettings() {
    }

    /** The {@code coquille.*} settings for core, from every source, without the adapter's own. */
    static Map<String, String> forCore(Map<String, String> initParams) {
        Map<String, String> merged = SettingsSources.gather(initParams, PortletSettings.class.getClassLoader());
        merged.keySet().removeIf(k -> k.startsWith(OWN) || !k.startsWith("coquille."));
        return merged;
    }

    /** The page ids from the init-params: a class, else a template, else {@code fallback}. */
    static PortletPageIds pageIds(Map<String, String> initParams, String fallback) {
        String type = initParams.get(PAGE_IDS);
        if (type != null && !type.isBlank()) {
            try {
                Class<?> found = Class.forName(type.strip(), true, Thread.currentThread().getContextClassLoader());
                return (PortletPageIds) found.getConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalArgumentException(PAGE_IDS + " names '" + type + "', which is not a PortletPageIds "
                        + "with a public no-argument constructor: " + e, e);
            }
        }
        String template = initParams.get(PAGE_ID);
        return PortletPageIds.template(template != null && !template.isBlank() ? template.strip() : fallback);
    }
}
