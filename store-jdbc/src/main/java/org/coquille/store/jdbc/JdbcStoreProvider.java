package org.coquille.store.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.sql.DataSource;

import org.coquille.spi.SocialStore;
import org.coquille.spi.StoreProvider;
import org.coquille.spi.StoreUnavailableException;

/**
 * Opens the {@link JdbcStore} named {@code jdbc}: over the JNDI {@code DataSource} named by
 * {@code coquille.store.jndi}, or the database at {@code coquille.store.url} (with
 * {@code coquille.store.user} and {@code coquille.store.password}), or else the {@link EmbeddedDatabase} in the work
 * folder when an artifact provides one ({@code coquille-store-h2}). The settings that configure it make it
 * {@link Claim#CONFIGURED}; else it is the {@link Claim#EMBEDDED_DEFAULT} if there is an embedded database, and
 * opens only when named otherwise. {@code coquille.store.connectionTimeout}, {@code .queryTimeout} and {@code .retryInterval} set how
 * long a caller may wait on the database and how often it is probed once found down ({@link Timeouts}).
 */
public final class JdbcStoreProvider implements StoreProvider {

    /** The provider's name. */
    public static final String NAME = "jdbc";
    /** The JDBC URL of the database, such as {@code jdbc:postgresql://db.intranet/intranet}. */
    public static final String URL = "coquille.store.url";
    /** The database user, unless the URL holds it. */
    public static final String USER = "coquille.store.user";
    /** The database password, unless the URL holds it. */
    public static final String PASSWORD = "coquille.store.password";
    /** The JNDI name of the host's {@code DataSource}, such as {@code java:comp/env/jdbc/intranet}. */
    public static final String JNDI = "coquille.store.jndi";
    /**
     * How long a caller may wait for a database connection (HikariCP's {@code connectionTimeout}, for the store's
     * own pool), an ISO-8601 duration: {@code PT2S} by default, at least {@code PT0.5S}. Until the circuit breaker
     * opens, a page or a write waits at most this long for a database that is down.
     */
    public static final String CONNECTION_TIMEOUT = "coquille.store.connectionTimeout";
    /**
     * How long a caller may wait for any one answer of the database on a connection (JDBC's network timeout, set on
     * each connection the store takes, its own pool's or the host's): {@code PT3S} by default. Bounds a database
     * that accepts connections but hangs. Not applied to the embedded H2.
     */
    public static final String QUERY_TIMEOUT = "coquille.store.queryTimeout";
    /**
     * The most connections the store's own pool opens (with {@code coquille.store.url}): 8 by default, 1 to 100. Each
     * write and each read the cache misses holds one for a round trip to the database.
     */
    public static final String POOL_SIZE = "coquille.store.poolSize";
    /** Once the store is found down, how often a background probe checks whether it answers again: {@code PT2S} by default. */
    public static final String RETRY_INTERVAL = "coquille.store.retryInterval";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Claim claim(Map<String, String> settings) {
        if (isConfigured(settings)) {
            return Claim.CONFIGURED;
        }
        return embeddedDatabase() != null ? Claim.EMBEDDED_DEFAULT : Claim.NONE;
    }

    @Override
    public SocialStore open(Map<String, String> settings, Path workFolder) {
        Timeouts timeouts = Timeouts.from(settings);
        String jndi = value(settings, JNDI);
        String url = value(settings, URL);
        if (jndi != null && url != null) {
            throw new IllegalArgumentException("Set " + JNDI + " or " + URL + ", not both");
        }
        if (jndi != null) {
            return JdbcStore.open(lookUp(jndi), timeouts);
        }
        if (url != null) {
            return JdbcStore.open(url, value(settings, USER), settings.get(PASSWORD), timeouts, poolSize(settings), null);
        }
        EmbeddedDatabase embedded = embeddedDatabase();
        if (embedded == null) {
            throw new IllegalArgumentException("Coquille's JDBC store needs " + URL + " or " + JNDI
                    + ", or org.coquille:coquille-store-h2 beside it for the embedded database in the work folder");
        }
        Path folder = Objects.requireNonNull(workFolder, "workFolder").toAbsolutePath().normalize();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreUnavailableException("Coquille's store could not create its folder " + folder, e);
        }
        return JdbcStore.embedded(embedded.dataSource(folder), embedded.location(folder));
    }

    /** The first embedded database that an artifact beside this one provides, or {@code null}. */
    private static EmbeddedDatabase embeddedDatabase() {
        Iterator<EmbeddedDatabase> found = ServiceLoader.load(EmbeddedDatabase.class,
                JdbcStoreProvider.class.getClassLoader()).iterator();
        return found.hasNext() ? found.next() : null;
    }

    private static int poolSize(Map<String, String> settings) {
        String value = value(settings, POOL_SIZE);
        if (value == null) {
            return JdbcStore.POOL_SIZE;
        }
        try {
            int size = Integer.parseInt(value);
            if (size >= 1 && size <= 100) {
                return size;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(POOL_SIZE + " is a number of connections from 1 to 100, was '" + value + "'");
    }

    /** Whether {@code settings} point at a database (a URL or a JNDI name), rather than leaving the embedded default. */
    public static boolean isConfigured(Map<String, String> settings) {
        return value(settings, JNDI) != null || value(settings, URL) != null;
    }

    private static String value(Map<String, String> settings, String key) {
        String value = settings.get(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Looks {@code name} up as given, then under {@code java:comp/env/} as a resource reference. */
    private static DataSource lookUp(String name) {
        try {
            InitialContext context = new InitialContext();
            try {
                Object found;
                try {
                    found = context.lookup(name);
                } catch (NameNotFoundException e) {
                    if (name.startsWith("java:")) {
                        throw e;
                    }
                    found = context.lookup("java:comp/env/" + name);
                }
                if (found instanceof DataSource dataSource) {
                    return dataSource;
                }
                throw new IllegalArgumentException("The JNDI name '" + name + "' (" + JNDI + ") is bound to "
                        + (found == null ? "nothing" : "a " + found.getClass().getName()) + ", not a javax.sql.DataSource");
            } finally {
                context.close();
            }
        } catch (NamingException e) {
            throw new StoreUnavailableException("Coquille's store could not look up the DataSource '" + name
                    + "' (" + JNDI + ") in JNDI", e);
        }
    }
}
