package org.coquille.store.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;


/**
 * The store contract on PostgreSQL, each test in a fresh schema dropped afterwards. Needs
 * {@code COQUILLE_TEST_POSTGRES_URL}, such as {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}.
 */
class PostgresStoreIT extends JdbcStoreContract {

    private static final String URL = System.getenv("COQUILLE_TEST_POSTGRES_URL");

    /** Skips the test, with the reason shown in the report, when the database is not configured. */
    private static void needsPostgres() {
        assumeTrue(URL != null && !URL.isBlank(), "COQUILLE_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped");
    }

    @Override
    protected String createDatabase(String schema) throws Exception {
        needsPostgres();
        execute("CREATE SCHEMA " + schema);
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    protected void dropDatabase(String schema) throws Exception {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Override
    protected Dialect expectedDialect() {
        return Dialect.POSTGRESQL;
    }

    private static void execute(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
