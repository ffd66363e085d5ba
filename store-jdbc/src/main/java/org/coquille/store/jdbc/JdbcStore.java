package org.coquille.store.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.coquille.spi.ActivityStore;
import org.coquille.spi.AuditStore;
import org.coquille.spi.ChangeChannel;
import org.coquille.spi.CommentStore;
import org.coquille.spi.DatePollStore;
import org.coquille.spi.IdeaStore;
import org.coquille.spi.PageCatalogueStore;
import org.coquille.spi.PageStore;
import org.coquille.spi.PersonalDataStore;
import org.coquille.spi.PollStore;
import org.coquille.spi.ReactionStore;
import org.coquille.spi.SettingsStore;
import org.coquille.spi.SocialStore;
import org.coquille.spi.StoreHealth;
import org.coquille.spi.StoreUnavailableException;
import org.coquille.spi.ViewStore;
import org.coquille.spi.VoteStore;
import org.flywaydb.core.api.FlywayException;

/**
 * The store that keeps Coquille's data in a relational database (H2, PostgreSQL or MariaDB), creating
 * and migrating its {@code coq_} tables itself on open. Every call crosses one circuit breaker: once the database
 * is found unreachable or hung, calls fail at once ({@link org.coquille.spi.StoreDownException}) until a
 * background probe finds it answering again ({@link StoreHealth}).
 *
 * <pre>{@code
 * SocialStore hosted = JdbcStore.open(dataSourceFromJndi);           // the host's pool, left open by close()
 * SocialStore own = JdbcStore.open("jdbc:postgresql://db/intranet", "coquille", secret);
 * SocialStore embedded = JdbcStore.embedded(h2DataSource, "/srv/intranet/coquille"); // coquille-store-h2's default
 * }</pre>
 */
public final class JdbcStore implements SocialStore, StoreHealth {

    /** The most connections the store's own pool opens, unless {@code coquille.store.poolSize} says otherwise. */
    static final int POOL_SIZE = 8;

    private final Sql sql;
    private final String description;
    private final HikariDataSource ownPool;
    private final Schema schema;
    private final int migrationsRun;
    private final JdbcIdeas ideas;
    private final JdbcDatePolls datePolls;
    private final JdbcPages pages;
    private final JdbcComments comments;
    private final JdbcVotes votes;
    private final JdbcPolls polls;
    private final JdbcReactions reactions;
    private final JdbcViews views;
    private final JdbcActivity activity;
    private final JdbcPersonalData personalData;
    private final JdbcCatalogue catalogue;
    private final JdbcSettings patterns;
    private final JdbcAudit audit;
    private final ChangeChannel changes;
    private final JdbcOutbox outbox;

    private JdbcStore(Sql sql, String description, HikariDataSource ownPool, Schema schema, int migrationsRun,
                      PostgresChanges.Connect listening) {
        this.ideas = new JdbcIdeas(sql);
        this.datePolls = new JdbcDatePolls(sql);
        this.sql = sql;
        this.description = description;
        this.ownPool = ownPool;
        this.schema = schema;
        this.migrationsRun = migrationsRun;
        this.pages = new JdbcPages(sql);
        this.comments = new JdbcComments(sql);
        this.votes = new JdbcVotes(sql);
        this.activity = new JdbcActivity(sql);
        this.personalData = new JdbcPersonalData(sql);
        this.polls = new JdbcPolls(sql);
        this.reactions = new JdbcReactions(sql);
        this.views = new JdbcViews(sql);
        this.catalogue = new JdbcCatalogue(sql);
        this.patterns = new JdbcSettings(sql);
        this.audit = new JdbcAudit(sql);
        this.changes = switch (sql.dialect()) {
            case POSTGRESQL -> new PostgresChanges(sql, listening);
            case MARIADB -> new PolledChanges(sql);
            case H2 -> ChangeChannel.NONE; // the embedded database: one node
        };
        this.outbox = new JdbcOutbox(sql);
    }

    /** A store over the host's {@code dataSource} (from JNDI, say), which {@link #close()} leaves open. */
    public static JdbcStore open(DataSource dataSource) {
        return open(dataSource, Timeouts.DEFAULTS);
    }

    static JdbcStore open(DataSource dataSource, Timeouts timeouts) {
        return open(Objects.requireNonNull(dataSource, "dataSource"), null, null, timeouts, null);
    }

    /**
     * A store over its own small connection pool (named {@code coquille}), closed with the store.
     *
     * @param user     the database user, or {@code null} if the URL has it
     * @param password the password, or {@code null} if the URL has it or none is needed
     */
    public static JdbcStore open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, Timeouts.DEFAULTS);
    }

    static JdbcStore open(String jdbcUrl, String user, String password, Timeouts timeouts) {
        return open(jdbcUrl, user, password, timeouts, POOL_SIZE, null);
    }

    static JdbcStore open(String jdbcUrl, String user, String password, Timeouts timeouts,
                          PostgresChanges.Connect listening) {
        return open(jdbcUrl, user, password, timeouts, POOL_SIZE, listening);
    }

    /** As {@link #open(String, String, String)}, the PostgreSQL channel listening on connections from {@code listening}. */
    static JdbcStore open(String jdbcUrl, String user, String password, Timeouts timeouts, int poolSize,
                          PostgresChanges.Connect listening) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        HikariDataSource pool = pool(jdbcUrl, user, password, safeUrl(jdbcUrl), timeouts, poolSize);
        return openOwned(pool, null, timeouts, listening);
    }

    /**
     * A store over its own small connection pool on {@code database}, a {@code DataSource} of plain connections (the
     * embedded database's own, not a pool): the embedded default, which the pool asks for connections directly, without
     * {@code java.sql.DriverManager}. Closed with the store.
     *
     * @param location where the data lives, for {@link #describe()}, such as {@code /srv/intranet/coquille}
     */
    public static JdbcStore embedded(DataSource database, String location) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(location, "location");
        HikariConfig config = config(Timeouts.EMBEDDED);
        config.setDataSource(database);
        return openOwned(pool(config, location), location, Timeouts.EMBEDDED, null);
    }

    private static JdbcStore openOwned(HikariDataSource pool, String location, Timeouts timeouts,
                                       PostgresChanges.Connect listening) {
        try {
            return open(pool, pool, location, timeouts, listening);
        } catch (RuntimeException | Error e) {
            pool.close();
            throw e;
        }
    }

    private static JdbcStore open(DataSource dataSource, HikariDataSource ownPool, String location, Timeouts timeouts,
                                  PostgresChanges.Connect listening) {
        Dialect dialect;
        String where = location;
        boolean otherIsolation;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            dialect = Dialect.of(meta.getDatabaseProductName(), meta.getDatabaseProductVersion());
            if (where == null) {
                where = safeUrl(meta.getURL());
            }
            otherIsolation = connection.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED;
        } catch (SQLException e) {
            throw Sql.unavailable("connect to its database" + (where == null ? "" : " at " + where), e);
        }
        String description = dialect.product() + " at " + where + (ownPool == null ? " (the host's DataSource)" : "");
        Schema schema = new Schema(dataSource, dialect);
        int run;
        try {
            run = schema.migrate();
        } catch (FlywayException e) {
            throw new StoreUnavailableException("Coquille's store could not create or migrate its tables in "
                    + description, e);
        }
        // the store's own pool is read committed; a host's may hand out connections at any level
        Sql sql = new Sql(dataSource, dialect, ownPool == null && otherIsolation, timeouts);
        return new JdbcStore(sql, description, ownPool, schema, run,
                listening != null ? listening : listening(dataSource, ownPool));
    }

    /**
     * How the PostgreSQL channel opens its listening connection, outside the pool: with the pool's URL and
     * credentials when the store has its own, else one connection from the host's {@code DataSource}, kept.
     */
    private static PostgresChanges.Connect listening(DataSource dataSource, HikariDataSource ownPool) {
        if (ownPool == null || ownPool.getJdbcUrl() == null) {
            return dataSource::getConnection;
        }
        String url = ownPool.getJdbcUrl();
        java.util.Properties properties = new java.util.Properties();
        if (ownPool.getUsername() != null) {
            properties.setProperty("user", ownPool.getUsername());
        }
        if (ownPool.getPassword() != null) {
            properties.setProperty("password", ownPool.getPassword());
        }
        properties.setProperty("ApplicationName", "coquille-listen");
        return () -> java.sql.DriverManager.getConnection(url, properties);
    }

    private static HikariDataSource pool(String url, String user, String password, String where, Timeouts timeouts,
                                         int poolSize) {
        HikariConfig config = config(timeouts);
        config.setMaximumPoolSize(poolSize);
        config.setJdbcUrl(url);
        if (user != null && !user.isBlank()) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        return pool(config, where);
    }

    /** The pool's settings but its connections' source. */
    private static HikariConfig config(Timeouts timeouts) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("coquille");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        // how long a caller may wait for a connection, until the breaker opens; then nobody waits at all
        config.setConnectionTimeout(timeouts.connection().toMillis());
        config.setValidationTimeout(timeouts.validation().toMillis());
        // at start-up, one attempt: a database that is down fails the start at once, with its reason
        config.setInitializationFailTimeout(1);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return config;
    }

    private static HikariDataSource pool(HikariConfig config, String where) {
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("Coquille's store could not connect to " + where, e);
        }
    }

    /** {@code url} without what may hold credentials: user info, query parameters, H2 settings. */
    static String safeUrl(String url) {
        if (url == null || url.isBlank()) {
            return "an unknown address";
        }
        String safe = url.strip();
        int end = safe.length();
        for (char c : new char[] {'?', ';'}) {
            int at = safe.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        safe = safe.substring(0, end).replaceFirst("^jdbc:[A-Za-z0-9]+:", "").replaceFirst("^file:", "");
        return safe.replaceFirst("^//[^/@]*@", "//").replaceFirst("^//", "");
    }

    /** How many migration scripts ran when this store opened (0 when the tables were already current). */
    int migrationsRun() {
        return migrationsRun;
    }

    /** The schema version the tables are at. */
    String schemaVersion() {
        return schema.currentVersion();
    }

    Dialect dialect() {
        return sql.dialect();
    }

    @Override
    public String describe() {
        return description;
    }

    /** When the store was found unreachable, or {@code null} while it answers. */
    @Override
    public Instant downSince() {
        return sql.breaker().downSince();
    }

    /** The PostgreSQL channel, for tests that cut it. */
    PostgresChanges postgresChanges() {
        return (PostgresChanges) changes;
    }

    /** The circuit breaker every call crosses, for tests. */
    StoreBreaker breaker() {
        return sql.breaker();
    }

    /**
     * The channel between the nodes that share this database: {@code LISTEN}/{@code NOTIFY} on PostgreSQL, the polled
     * change log {@code coq_change} on MariaDB, none on H2.
     */
    @Override
    public ChangeChannel changes() {
        return changes;
    }

    /** Closes the store's own pool; a {@code DataSource} the store was given stays open. */
    @Override
    public void close() {
        if (changes instanceof AutoCloseable channel) {
            try {
                channel.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        sql.close();
        if (ownPool != null) {
            ownPool.close();
        }
    }

    @Override
    public PageStore pages() {
        return pages;
    }

    @Override
    public CommentStore comments() {
        return comments;
    }

    @Override
    public VoteStore votes() {
        return votes;
    }

    @Override
    public PollStore polls() {
        return polls;
    }

    @Override
    public ReactionStore reactions() {
        return reactions;
    }

    @Override
    public ViewStore views() {
        return views;
    }

    @Override
    public PageCatalogueStore catalogue() {
        return catalogue;
    }

    @Override
    public SettingsStore settings() {
        return patterns;
    }

    @Override
    public AuditStore audit() {
        return audit;
    }

    @Override
    public ActivityStore activity() {
        return activity;
    }

    @Override
    public PersonalDataStore personalData() {
        return personalData;
    }

    @Override
    public IdeaStore ideas() {
        return ideas;
    }

    @Override
    public org.coquille.spi.OutboxStore outbox() {
        return outbox;
    }

    @Override
    public DatePollStore datePolls() {
        return datePolls;
    }
}
