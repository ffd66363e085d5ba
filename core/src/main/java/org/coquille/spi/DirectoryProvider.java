package org.coquille.spi;

import java.nio.file.Path;
import java.util.Map;

/**
 * Opens a directory by name; found through {@link java.util.ServiceLoader}, as store providers are. The setting
 * {@code coquille.directory} names the provider ({@code none} and {@code csv} are built in; {@code ldap} comes with
 * {@code coquille-directory-ldap}).
 */
public interface DirectoryProvider {

    /** The name {@code coquille.directory} uses for this provider, such as {@code "ldap"}. */
    String name();

    /**
     * Opens the directory. A bad setting fails here, with a message naming it; a server that does not answer yet does
     * not: {@link Directory#find} reports it.
     *
     * @param settings   every {@code coquille.*} setting, for the provider's own ({@code coquille.directory.<name>.*})
     * @param workFolder the installation's work folder, against which relative file names are resolved
     */
    Directory open(Map<String, String> settings, Path workFolder);
}
