package org.coquille.portlet;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.coquille.core.Settings;

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
        Map<String, String> merged = new HashMap<>();
        load(merged, PortletSettings.class.getClassLoader().getResourceAsStream("coquille.properties"));
        Map<String, String> upper = new HashMap<>(initParams);
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("coquille.")) {
                upper.put(k.toString(), v.toString());
            }
        });
        String folder = upper.getOrDefault(Settings.WORK_FOLDER, merged.get(Settings.WORK_FOLDER));
        Path workFile = Path.of(folder != null ? folder : Settings.defaults().get(Settings.WORK_FOLDER), "coquille.properties");
        if (Files.isRegularFile(workFile)) {
            try {
                load(merged, Files.newInputStream(workFile));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + workFile, e);
            }
        }
        merged.putAll(upper);
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

    private static void load(Map<String, String> into, InputStream in) {
        if (in == null) {
            return;
        }
        try (InputStream input = in; var reader = new InputStreamReader(input, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            properties.stringPropertyNames().forEach(k -> into.put(k, properties.getProperty(k)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read coquille.properties", e);
        }
    }
}
