package org.coquille.store.jdbc;

import java.nio.file.Path;

import javax.sql.DataSource;

/**
 * A database that lives in the work folder and needs no setting: the JDBC store's embedded default, found by
 * {@link java.util.ServiceLoader} beside this jar. {@code coquille-store-h2} provides H2's; without such an artifact
 * the JDBC store needs {@code coquille.store.url} or {@code coquille.store.jndi}.
 */
public interface EmbeddedDatabase {

    /**
     * Plain connections (the store pools them) to the database in {@code folder}, which exists; the database is
     * created on the first connection if need be. Never through {@link java.sql.DriverManager}, where a host's own
     * driver for the same URLs may be registered.
     */
    DataSource dataSource(Path folder);

    /** Where the data lives in {@code folder}, for the logs: such as {@code /srv/intranet/coquille/coquille}. */
    String location(Path folder);
}
