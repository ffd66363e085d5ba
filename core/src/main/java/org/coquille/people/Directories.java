package org.coquille.people;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.coquille.spi.Directory;
import org.coquille.spi.DirectoryProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the directory {@code coquille.directory} names: {@code none} (the default: user ids), {@code csv} (built in),
 * or a provider found by {@link ServiceLoader}, such as {@code ldap} from {@code coquille-directory-ldap}. A provider
 * that is not on the class path is no reason to fail: one error names the artifact to add and ids are shown.
 *
 * <p>The CSV directory's settings: {@code coquille.directory.csv.file} (relative to the work folder),
 * {@code .separator} ({@code ,} by default; {@code ;} for a French Excel), {@code .charset} (UTF-8), and
 * {@code .columns}, the header names of the id, display name, e-mail, department and site columns, in that order
 * ({@code id,name,email,department,site}; leave a name empty for a column the file lacks).
 */
public final class Directories {

    /** The setting naming the directory. */
    public static final String DIRECTORY = "coquille.directory";
    static final String CSV_FILE = "coquille.directory.csv.file";
    static final String CSV_SEPARATOR = "coquille.directory.csv.separator";
    static final String CSV_CHARSET = "coquille.directory.csv.charset";
    static final String CSV_COLUMNS = "coquille.directory.csv.columns";

    private static final Logger LOG = LoggerFactory.getLogger(Directories.class);
    private static final int MAX_FAILURES = 20;

    private Directories() {
    }

    /** Opens the directory {@code settings} name; a bad setting fails with a message naming it. */
    public static Directory open(Map<String, String> settings, Path workFolder) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return open(settings, workFolder, loader != null ? loader : Directories.class.getClassLoader());
    }

    static Directory open(Map<String, String> settings, Path workFolder, ClassLoader loader) {
        String name = settings.getOrDefault(DIRECTORY, "none").strip();
        Directory directory = switch (name) {
            case "", "none" -> new NoDirectory();
            case "csv" -> csv(settings, workFolder);
            default -> {
                Map<String, DirectoryProvider> found = providers(loader);
                DirectoryProvider provider = found.get(name);
                if (provider == null) {
                    LOG.error("Coquille has no directory named '{}' ({}), so user ids are shown instead of names; found: "
                            + "none, csv{}. For LDAP or Active Directory, add org.coquille:coquille-directory-ldap.",
                            name, DIRECTORY, found.isEmpty() ? "" : ", " + String.join(", ", found.keySet()));
                    yield new NoDirectory();
                }
                yield provider.open(settings, workFolder);
            }
        };
        LOG.info("Coquille directory: {}", directory.describe());
        return directory;
    }

    private static Directory csv(Map<String, String> settings, Path workFolder) {
        String file = settings.getOrDefault(CSV_FILE, "");
        if (file.isBlank()) {
            throw new IllegalArgumentException("Setting " + CSV_FILE + " is empty; allowed: the CSV file of the "
                    + "directory, absolute or relative to the work folder");
        }
        String separator = settings.getOrDefault(CSV_SEPARATOR, ",");
        if (separator.equals("\\t") || separator.equals("tab")) {
            separator = "\t";
        }
        if (separator.length() != 1) {
            throw new IllegalArgumentException("Setting " + CSV_SEPARATOR + " is '" + separator
                    + "'; allowed: one character, such as , or ; (or tab)");
        }
        Charset charset;
        try {
            charset = Charset.forName(settings.getOrDefault(CSV_CHARSET, "UTF-8").strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Setting " + CSV_CHARSET + " is '" + settings.get(CSV_CHARSET)
                    + "'; allowed: a charset such as UTF-8 or windows-1252", e);
        }
        List<String> columns = new ArrayList<>(Arrays.stream(settings.getOrDefault(CSV_COLUMNS,
                String.join(",", CsvDirectory.DEFAULT_COLUMNS)).split(",", -1)).map(String::strip).toList());
        if (columns.size() > 5 || columns.get(0).isEmpty()) {
            throw new IllegalArgumentException("Setting " + CSV_COLUMNS + " is '" + settings.get(CSV_COLUMNS)
                    + "'; allowed: up to five column names (id, display name, e-mail, department, site), the id's "
                    + "not empty, such as id,name,email,department,site");
        }
        while (columns.size() < 5) {
            columns.add("");
        }
        return new CsvDirectory(workFolder.resolve(file.strip()), charset, separator.charAt(0),
                new CsvDirectory.Columns(columns.get(0), columns.get(1), columns.get(2), columns.get(3), columns.get(4)));
    }

    private static Map<String, DirectoryProvider> providers(ClassLoader loader) {
        Map<String, DirectoryProvider> found = new LinkedHashMap<>();
        Iterator<DirectoryProvider> it = ServiceLoader.load(DirectoryProvider.class, loader).iterator();
        for (int failures = 0; failures < MAX_FAILURES; ) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                DirectoryProvider provider = it.next();
                found.putIfAbsent(provider.name(), provider);
                failures = 0;
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                failures++;
                LOG.warn("A Coquille directory provider could not be loaded and is ignored: {}", e.getMessage());
            }
        }
        return found;
    }
}
