package org.coquille.portlet;

import java.util.HashMap;
import java.util.Map;

import javax.portlet.PortletContext;

import org.coquille.Coquille;

/**
 * One Coquille per portlet application and settings, shared by its portlet filters and portlets, and
 * closed when the last of them goes. A host that builds Coquille itself puts it in the application
 * attribute {@value #ATTRIBUTE}; it is then used as it is, and the host closes it.
 */
final class SharedCoquille {

    /** The application attribute holding a Coquille built by the host. */
    static final String ATTRIBUTE = "org.coquille.core.Coquille";
    private static final String REGISTRY = "org.coquille.portlet.shared";

    private SharedCoquille() {
    }

    /** The Coquille for {@code settings} in this application, built on first use. */
    static Coquille acquire(PortletContext context, Map<String, String> settings) {
        if (context.getAttribute(ATTRIBUTE) instanceof Coquille hosts) {
            return hosts;
        }
        synchronized (SharedCoquille.class) {
            Map<Map<String, String>, Entry> registry = registry(context);
            Entry entry = registry.get(settings);
            if (entry == null) {
                entry = new Entry(Coquille.builder().settings(settings).build());
                registry.put(Map.copyOf(settings), entry);
            }
            entry.users++;
            return entry.coquille;
        }
    }

    /** Gives {@code coquille} back; the last user closes it (unless the host built it). */
    static void release(PortletContext context, Coquille coquille) {
        if (coquille == null || context.getAttribute(ATTRIBUTE) == coquille) {
            return;
        }
        synchronized (SharedCoquille.class) {
            Map<Map<String, String>, Entry> registry = registry(context);
            registry.entrySet().removeIf(e -> {
                if (e.getValue().coquille != coquille || --e.getValue().users > 0) {
                    return false;
                }
                coquille.close();
                return true;
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Map<String, String>, Entry> registry(PortletContext context) {
        Object registry = context.getAttribute(REGISTRY);
        if (registry == null) {
            registry = new HashMap<Map<String, String>, Entry>();
            context.setAttribute(REGISTRY, registry);
        }
        return (Map<Map<String, String>, Entry>) registry;
    }

    private static final class Entry {

        final Coquille coquille;
        int users;

        Entry(Coquille coquille) {
            this.coquille = coquille;
        }
    }
}
