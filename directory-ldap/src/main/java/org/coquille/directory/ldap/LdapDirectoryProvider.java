package org.coquille.directory.ldap;

import java.nio.file.Path;
import java.util.Map;

import org.coquille.spi.Directory;
import org.coquille.spi.DirectoryProvider;

/**
 * {@code coquille.directory=ldap}: people from LDAP or Active Directory. Its settings, under
 * {@code coquille.directory.ldap.}: {@code url} ({@code ldap://} or {@code ldaps://}), {@code startTls} (false),
 * {@code bindDn} and {@code password} (a service account; empty for an anonymous bind), {@code base},
 * {@code filter} ({@code (uid={0})}; {@code (sAMAccountName={0})} for Active Directory), {@code nameAttribute}
 * ({@code displayName,cn}: the first present wins), {@code emailAttribute} ({@code mail}), {@code departmentAttribute}
 * ({@code department,ou}), {@code siteAttribute} ({@code l}), {@code timeout} (PT2S), {@code trustStore} and
 * {@code trustStorePassword} (the JVM's trusted certificates when empty).
 */
public final class LdapDirectoryProvider implements DirectoryProvider {

    @Override
    public String name() {
        return "ldap";
    }

    @Override
    public Directory open(Map<String, String> settings, Path workFolder) {
        return new LdapDirectory(LdapSettings.of(settings));
    }
}
