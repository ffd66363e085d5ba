package org.coquille;

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

/**
 * Gathers the {@code coquille.*} settings an adapter starts with, from every source, the later winning: a
 * {@code coquille.properties} on the classpath, the {@code coquille.properties} in the work folder, the adapter's own
 * parameters (filter or portlet init-params), system properties.
 * <pre>{@code
 * Coquille coquille = Coquille.builder().settings(SettingsSources.gather(initParams, getClass().getClassLoader())).build();
 * }</pre>
 */
public final class SettingsSources {

    /** The file name looked for on the classpath and in the work folder. */
    public static final String FILE = "coquille.properties";

    private SettingsSources() {
    }

    /**
     * @param adapterParams the adapter's own parameters
     * @param loader        where to look for {@code coquille.properties} on the classpath
     */
    public static Map<String, String> gather(Map<String, String> adapterParams, ClassLoader loader) {
        Map<String, String> merged = new HashMap<>();
        load(merged, loader.getResourceAsStream(FILE), "classpath:" + FILE);
        Map<String, String> upper = new HashMap<>(adapterParams);
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("coquille.")) {
                upper.put(k.toString(), v.toString());
            }
        });
        String folder = upper.getOrDefault(Settings.WORK_FOLDER, merged.get(Settings.WORK_FOLDER));
        Path workFile = Path.of(folder != null ? folder : Settings.defaults().get(Settings.WORK_FOLDER), FILE);
        if (Files.isRegularFile(workFile)) {
            try {
                load(merged, Files.newInputStream(workFile), workFile.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("Coquille cannot read " + workFile, e);
            }
        }
        merged.putAll(upper);
        return merged;
    }

    private static void load(Map<String, String> into, InputStream in, String where) {
        if (in == null) {
            return;
        }
        try (InputStream input = in; var reader = new InputStreamReader(input, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            properties.stringPropertyNames().forEach(k -> into.put(k, properties.getProperty(k)));
        } catch (IOException e) {
            throw new UncheckedIOException("Coquille cannot read " + where, e);
        }
    }
}
