/**
 * People: who a user id is (display name, e-mail, department), from the directory a {@code coquille.directory}
 * setting names, cached and refreshed; the built-in directories (none, a CSV export) and the discovery of the others.
 */
package org.coquille.people;
