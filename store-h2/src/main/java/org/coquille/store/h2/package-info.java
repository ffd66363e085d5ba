/**
 * The embedded default, artifact {@code coquille-store-h2}: {@link org.coquille.store.h2.H2Database} gives the JDBC
 * store an H2 database file in the work folder when no {@code coquille.store.url} or {@code coquille.store.jndi} is
 * set. Adding the artifact is all it takes; H2 comes inside it, relocated.
 */
package org.coquille.store.h2;
