package org.coquille.store.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Two nodes on one PostgreSQL schema agree within a second through {@code LISTEN}/{@code NOTIFY}. Needs
 * {@code COQUILLE_TEST_POSTGRES_URL}, such as {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}.
 */
class PostgresNodesIT extends NodesAgreeContract {

    static final String URL = System.getenv("COQUILLE_TEST_POSTGRES_URL");

    @Override
    protected String createDatabase(String schema) throws Exception {
        assumeTrue(URL != null && !URL.isBlank(), "COQUILLE_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped");
        execute("CREATE SCHEMA " + schema);
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    protected void dropDatabase(String schema) throws Exception {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    static void execute(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
