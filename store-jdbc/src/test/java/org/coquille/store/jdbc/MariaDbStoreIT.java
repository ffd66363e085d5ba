package org.coquille.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The store contract on MariaDB, each test in a fresh database dropped afterwards. The database is created
 * with a latin1 default, to prove that the tables declare utf8mb4 themselves. Needs
 * {@code COQUILLE_TEST_MARIADB_URL}, such as {@code jdbc:mariadb://127.0.0.1:3306/test?user=root}.
 */
class MariaDbStoreIT extends JdbcStoreContract {

    private static final String URL = System.getenv("COQUILLE_TEST_MARIADB_URL");

    /** Skips the test, with the reason shown in the report, when the database is not configured. */
    private static void needsMariaDb() {
        assumeTrue(URL != null && !URL.isBlank(), "COQUILLE_TEST_MARIADB_URL is not set: MariaDB tests skipped");
    }

    @Override
    protected String createDatabase(String name) throws Exception {
        needsMariaDb();
        execute("CREATE DATABASE " + name + " CHARACTER SET latin1 COLLATE latin1_swedish_ci");
        return withDatabase(name);
    }

    @Override
    protected void dropDatabase(String name) throws Exception {
        execute("DROP DATABASE IF EXISTS " + name);
    }

    @Override
    protected Dialect expectedDialect() {
        return Dialect.MARIADB;
    }

    @Test
    void everyTableIsUtf8mb4WithBinaryKeys() throws Exception {
        Map<String, String> collations = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement s = c.prepareStatement("SELECT table_name, table_collation FROM information_schema.tables"
                     + " WHERE table_schema = DATABASE() AND table_name LIKE 'coq\\_%'")) {
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    collations.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        assertThat(collations).containsKeys("coq_comment", "coq_page_settings", "coq_page_catalogue", "coq_pattern_rule",
                "coq_audit").allSatisfy((table, collation) -> assertThat(collation).isEqualTo("utf8mb4_bin"));
    }

    /** The test URL with its database replaced by {@code name}. */
    private static String withDatabase(String name) {
        int hosts = URL.indexOf("//") + 2;
        int slash = URL.indexOf('/', hosts);
        int query = URL.indexOf('?', hosts);
        String base = slash < 0 || query >= 0 && query < slash ? URL.substring(0, query < 0 ? URL.length() : query)
                : URL.substring(0, slash);
        return base + "/" + name + (query < 0 ? "" : URL.substring(query));
    }

    private static void execute(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
