/**
 * The JDBC store: {@link org.coquille.store.jdbc.JdbcStore} keeps Coquille's data in H2 (the embedded
 * default), PostgreSQL or MariaDB, and {@link org.coquille.store.jdbc.JdbcStoreProvider} opens it from the
 * {@code coquille.store.*} settings. The tables are prefixed {@code coq_} and migrated by Flyway with the
 * history table {@code coquille_schema_history}.
 */
package org.coquille.store.jdbc;
