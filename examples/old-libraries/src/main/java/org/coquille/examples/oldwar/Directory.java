package org.coquille.examples.oldwar;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.google.common.collect.ImmutableList;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intranet's staff directory, written as a 2019 intranet wrote it: its own H2 1.4 database, its schema migrated
 * by Flyway 5 at start-up ({@code db/migration}), each department read through a Caffeine 2 cache into Guava
 * immutable lists, and logged through SLF4J 1.7.
 */
final class Directory {

    private static final Logger LOG = LoggerFactory.getLogger(Directory.class);

    private final JdbcDataSource database;
    private final String schemaVersion;
    private final LoadingCache<String, ImmutableList<Person>> departments;

    private Directory(JdbcDataSource database, String schemaVersion) {
        this.database = database;
        this.schemaVersion = schemaVersion;
        this.departments = Caffeine.newBuilder().maximumSize(100).recordStats().build(this::read);
    }

    /** Opens the directory's database at {@code url}, migrating its schema first. */
    @SuppressWarnings("deprecation") // Flyway 5's own API, which Flyway 6 removed: this host is older than that
    static Directory open(String url) {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL(url);
        database.setUser("sa");
        Flyway flyway = new Flyway();
        flyway.setDataSource(database);
        int applied = flyway.migrate();
        String version = flyway.info().current().getVersion().getVersion();
        LOG.info("Annuaire: {} migration(s) applied by Flyway, schema at version {}", applied, version);
        return new Directory(database, version);
    }

    /** The people of {@code department}, by name. */
    List<Person> department(String department) {
        return departments.get(department);
    }

    /** The version of the database engine, as H2 itself says it. */
    String databaseVersion() {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT H2VERSION()")) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("The directory's database does not answer", e);
        }
    }

    String schemaVersion() {
        return schemaVersion;
    }

    CacheStats cacheStats() {
        return departments.stats();
    }

    private ImmutableList<Person> read(String department) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT nom, departement, telephone FROM personne WHERE departement = ? ORDER BY nom")) {
            query.setString(1, department);
            ImmutableList.Builder<Person> people = ImmutableList.builder();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    people.add(new Person(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
            return people.build();
        }
    }
}
