package org.coquille.spi;

import java.util.Optional;

import org.coquille.core.Person;

/**
 * The company's directory of people (LDAP, Active Directory, an HR export): who a user id is. Coquille caches what it
 * answers, so an implementation simply asks its source. Implementations are thread-safe.
 */
public interface Directory extends AutoCloseable {

    /**
     * The person with this user id, or empty when the directory does not list them.
     *
     * @throws DirectoryUnavailableException when the directory cannot be asked (server down, file missing)
     */
    Optional<Person> find(String userId);

    /** A short description for logs, such as {@code "LDAP at ldaps://ad.example.com:636"}; never a password. */
    String describe();

    /** Releases connections; nothing by default. */
    @Override
    default void close() {
    }
}
