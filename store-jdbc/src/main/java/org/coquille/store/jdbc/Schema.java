package org.coquille.store.jdbc;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and migrates Coquille's tables with Flyway: versioned scripts per database under
 * {@code coquille/db/migration/<database>/}, recorded in Coquille's own history table so that a host
 * application's Flyway never sees them.
 */
final class Schema {

    /** Coquille's Flyway history table. */
    static final String HISTORY_TABLE = "coquille_schema_history";

    /**
     * The version of the newest migration script, the same on every database; raise it with each new script. V6 (the
     * change log between nodes) is MariaDB's alone: PostgreSQL has LISTEN/NOTIFY, and H2 is one node.
     */
    static final String LATEST = "8";

    private final Flyway flyway;

    Schema(DataSource dataSource, Dialect dialect) {
        this.flyway = Flyway.configure(Schema.class.getClassLoader())
                .dataSource(dataSource)
                .locations(dialect.migrations())
                .table(HISTORY_TABLE)
                // a host schema that already has tables gets a baseline below our first script, which still runs
                .baselineOnMigrate(true)
                .baselineVersion(MigrationVersion.fromVersion("0"))
                .baselineDescription("Coquille tables added to an existing schema")
                .failOnMissingLocations(true)
                .placeholderReplacement(false)
                .validateMigrationNaming(true)
                .load();
    }

    /** Brings the tables to the latest version and returns how many scripts ran (0 when already there). */
    int migrate() {
        MigrateResult result = flyway.migrate();
        return result.migrationsExecuted;
    }

    /** The version the tables are at, or {@code null} before the first migration. */
    String currentVersion() {
        var current = flyway.info().current();
        return current == null || current.getVersion() == null ? null : current.getVersion().getVersion();
    }
}
