package org.coquille.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;

import org.coquille.core.CommentState;
import org.coquille.spi.SocialStore;
import org.coquille.spi.SocialStoreContract;
import org.junit.jupiter.api.Test;

/**
 * The store contract plus what only the JDBC store has (migrations, a host's DataSource), run against
 * one database; a subclass per database says how to make and drop an empty one.
 */
abstract class JdbcStoreContract extends SocialStoreContract {

    /** The URL of the database the current test's store is on (credentials in it). */
    protected String url;
    private final List<String> databases = new ArrayList<>();

    /** Creates an empty database (or schema) and returns a JDBC URL to it. */
    protected abstract String createDatabase(String name) throws Exception;

    /** Drops what {@link #createDatabase(String)} made under {@code name}. */
    protected abstract void dropDatabase(String name) throws Exception;

    /** The dialect the database should be detected as. */
    protected abstract Dialect expectedDialect();

    /** Opens the store on {@link #url}. */
    protected JdbcStore openStore() {
        return JdbcStore.open(url, null, null);
    }

    protected static String newName() {
        return "coq_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Override
    protected SocialStore openEmptyStore() throws Exception {
        url = newDatabase();
        return openStore();
    }

    private String newDatabase() throws Exception {
        String name = newName();
        String created = createDatabase(name);
        databases.add(name);
        return created;
    }

    @Override
    protected SocialStore reopen(SocialStore closing) {
        closing.close();
        return openStore();
    }

    @Override
    protected void dropStore() throws Exception {
        for (String name : databases) {
            dropDatabase(name);
        }
        databases.clear();
    }

    private JdbcStore jdbcStore() {
        return (JdbcStore) store;
    }

    @Test
    void emptyDatabaseIsMigratedToTheLatestVersionOnce() {
        assertThat(jdbcStore().migrationsRun()).isPositive();
        assertThat(jdbcStore().schemaVersion()).isEqualTo(Schema.LATEST);
        assertThat(jdbcStore().dialect()).isEqualTo(expectedDialect());
        store.close();
        store = openStore();
        assertThat(jdbcStore().migrationsRun()).isZero();
        assertThat(jdbcStore().schemaVersion()).isEqualTo(Schema.LATEST);
    }

    /**
     * One successful history row per script of this database, from 1 to the latest: {@code "1:true", "2:true", ...};
     * a number this database has no script for (V6 is MariaDB's alone) is skipped.
     */
    private List<String> versions() {
        List<String> rows = new ArrayList<>();
        // the module's own scripts, beside its test classes (target/test-classes)
        java.io.File folder;
        try {
            folder = java.nio.file.Path.of(JdbcStoreContract.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve("../../src/main/resources/coquille/db/migration/"
                            + expectedDialect().name().toLowerCase(java.util.Locale.ROOT)).normalize().toFile();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        java.util.Set<String> present = new java.util.HashSet<>();
        for (String name : folder.list()) {
            present.add(name.substring(1, name.indexOf("__")));
        }
        for (int v = 1; v <= Integer.parseInt(Schema.LATEST); v++) {
            if (present.contains(String.valueOf(v))) {
                rows.add(v + ":true");
            }
        }
        return rows;
    }

    @Test
    void historyTableHasOneSuccessfulRowPerVersion() throws SQLException {
        assertThat(history(url)).containsExactlyElementsOf(versions());
        store.close();
        store = openStore();
        assertThat(history(url)).containsExactlyElementsOf(versions());
    }

    @Test
    void schemaThatAlreadyHasTablesIsBaselinedThenMigrated() throws Exception {
        String hostUrl = newDatabase();
        try (Connection c = DriverManager.getConnection(hostUrl); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE intranet_news (id INT PRIMARY KEY, title VARCHAR(100))");
        }
        try (JdbcStore hosted = JdbcStore.open(hostUrl, null, null)) {
            assertThat(hosted.migrationsRun()).isEqualTo(versions().size());
            assertThat(hosted.schemaVersion()).isEqualTo(Schema.LATEST);
            assertThat(hosted.comments().addComment(PAGE, null, "alice", "in the host schema", T0, CommentState.VISIBLE).id())
                    .isPositive();
        }
        List<String> baselined = new ArrayList<>(List.of("0:true"));
        baselined.addAll(versions());
        assertThat(history(hostUrl)).containsExactlyElementsOf(baselined);
    }

    @Test
    void givenDataSourceStaysOpenAfterClose() throws SQLException {
        try (HikariDataSource host = new HikariDataSource()) {
            host.setJdbcUrl(url);
            host.setPoolName("host");
            host.setMaximumPoolSize(2);
            JdbcStore onHost = JdbcStore.open(host);
            assertThat(onHost.migrationsRun()).isZero();
            assertThat(onHost.describe()).contains(expectedDialect().product()).contains("the host's DataSource");
            onHost.votes().putVote(PAGE, "alice", 1, T0);
            onHost.close();
            assertThat(host.isClosed()).isFalse();
            try (Connection c = host.getConnection()) {
                assertThat(c.isValid(2)).isTrue();
            }
            assertThat(store.votes().vote(PAGE, "alice")).isEqualTo(1);
        }
    }

    @Test
    void describeNamesTheDatabaseWithoutCredentials() {
        assertThat(store.describe()).startsWith(expectedDialect().product() + " at ")
                .doesNotContain("password").doesNotContain("?").doesNotContain(";");
    }

    /** The history table's versioned rows as {@code version:success}, in order (Flyway adds unversioned markers on some databases). */
    private static List<String> history(String url) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url)) {
            DatabaseMetaData meta = c.getMetaData();
            String q = meta.getIdentifierQuoteString().strip();
            String table = q + Schema.HISTORY_TABLE + q;
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT " + q + "version" + q + ", " + q + "success" + q + " FROM " + table
                         + " WHERE " + q + "version" + q + " IS NOT NULL ORDER BY " + q + "installed_rank" + q)) {
                while (r.next()) {
                    rows.add(r.getString(1) + ":" + String.valueOf(r.getBoolean(2)).toLowerCase(Locale.ROOT));
                }
            }
        }
        return rows;
    }
}
