package org.coquille.store.h2;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.coquille.store.jdbc.EmbeddedDatabase;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The embedded default: an H2 database file, {@code coquille.mv.db}, in the work folder, that only this JVM opens
 * (no server, no compatibility mode). H2 is bundled relocated, and opened through its own {@code DataSource}, never
 * {@link java.sql.DriverManager}: a host application's H2 keeps its {@code jdbc:h2:} URLs.
 */
public final class H2Database implements EmbeddedDatabase {

    /** The database's name in the folder: H2 adds {@code .mv.db}. */
    static final String NAME = "coquille";

    @Override
    public DataSource dataSource(Path folder) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url(folder));
        h2.setUser("sa");
        h2.setPassword("");
        return h2;
    }

    @Override
    public String location(Path folder) {
        return file(folder).toString();
    }

    /** The URL of the database in {@code folder}, where writers wait up to 10 s on each other's locks. */
    static String url(Path folder) {
        String path = file(folder).toString();
        if (path.indexOf(';') >= 0) {
            throw new IllegalArgumentException("The H2 database folder must not contain ';': " + folder);
        }
        return "jdbc:h2:file:" + path + ";AUTO_SERVER=FALSE;LOCK_TIMEOUT=10000";
    }

    private static Path file(Path folder) {
        return folder.toAbsolutePath().normalize().resolve(NAME);
    }
}
