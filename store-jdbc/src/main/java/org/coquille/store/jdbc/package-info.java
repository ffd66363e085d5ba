/**
 * The JDBC store, artifact {@code coquille-store-jdbc}: {@link org.coquille.store.jdbc.JdbcStore} keeps Coquille's
 * data in PostgreSQL, MariaDB or H2, and {@link org.coquille.store.jdbc.JdbcStoreProvider} opens it from the
 * {@code coquille.store.*} settings, or on the {@link org.coquille.store.jdbc.EmbeddedDatabase} that
 * {@code coquille-store-h2} provides (the embedded default). The tables are prefixed {@code coq_} and migrated by
 * Flyway with the history table {@code coquille_schema_history}. HikariCP and Flyway are bundled in the jar,
 * relocated; the JDBC drivers are the host's.
 */
package org.coquille.store.jdbc;
