package org.coquille.store.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Two nodes on one MariaDB database agree within a second through the polled change log {@code coq_change}. Needs
 * {@code COQUILLE_TEST_MARIADB_URL}, such as {@code jdbc:mariadb://127.0.0.1:3306/test?user=root}.
 */
class MariaDbNodesIT extends NodesAgreeContract {

    private static final String URL = System.getenv("COQUILLE_TEST_MARIADB_URL");

    @Override
    protected String createDatabase(String name) throws Exception {
        assumeTrue(URL != null && !URL.isBlank(), "COQUILLE_TEST_MARIADB_URL is not set: MariaDB tests skipped");
        execute("CREATE DATABASE " + name);
        return URL.replaceFirst("(//[^/]+/)[^?]*", "$1" + name);
    }

    @Override
    protected void dropDatabase(String name) throws Exception {
        execute("DROP DATABASE IF EXISTS " + name);
    }

    private static void execute(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
