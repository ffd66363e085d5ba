package org.coquille.store.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.coquille.core.AuditEntry;
import org.coquille.core.CataloguedPage;
import org.coquille.core.Availability;
import org.coquille.core.Comment;
import org.coquille.core.CommentState;
import org.coquille.core.DatePoll;
import org.coquille.core.DatePollResults;
import org.coquille.core.Idea;
import org.coquille.core.IdeaStatus;
import org.coquille.core.IdeaStatusChange;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.PageViews;
import org.coquille.core.PatternRule;
import org.coquille.core.Poll;
import org.coquille.core.PollResults;
import org.coquille.core.ViewBatch;
import org.coquille.core.VoteTally;
import org.coquille.core.ActivityFigures;
import org.coquille.core.ActivityQuery;
import org.coquille.core.Bucket;
import org.coquille.core.ContributionBatch;
import org.coquille.core.UserData;
import org.coquille.spi.SocialStore;
import org.coquille.spi.StoreHealth;
import org.coquille.spi.StoreUnavailableException;
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

    /** The most connections the store's own pool opens. */
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

    private JdbcStore(Sql sql, String description, HikariDataSource ownPool, Schema schema, int migrationsRun) {
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
    }

    /** A store over the host's {@code dataSource} (from JNDI, say), which {@link #close()} leaves open. */
    public static JdbcStore open(DataSource dataSource) {
        return open(dataSource, Timeouts.DEFAULTS);
    }

    static JdbcStore open(DataSource dataSource, Timeouts timeouts) {
        return open(Objects.requireNonNull(dataSource, "dataSource"), null, null, timeouts);
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
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        HikariDataSource pool = pool(jdbcUrl, user, password, safeUrl(jdbcUrl), timeouts);
        return openOwned(pool, null, timeouts);
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
        return openOwned(pool(config, location), location, Timeouts.EMBEDDED);
    }

    private static JdbcStore openOwned(HikariDataSource pool, String location, Timeouts timeouts) {
        try {
            return open(pool, pool, location, timeouts);
        } catch (RuntimeException | Error e) {
            pool.close();
            throw e;
        }
    }

    private static JdbcStore open(DataSource dataSource, HikariDataSource ownPool, String location, Timeouts timeouts) {
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
        return new JdbcStore(sql, description, ownPool, schema, run);
    }

    private static HikariDataSource pool(String url, String user, String password, String where, Timeouts timeouts) {
        HikariConfig config = config(timeouts);
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

    /** The circuit breaker every call crosses, for tests. */
    StoreBreaker breaker() {
        return sql.breaker();
    }

    /** Closes the store's own pool; a {@code DataSource} the store was given stays open. */
    @Override
    public void close() {
        sql.close();
        if (ownPool != null) {
            ownPool.close();
        }
    }

    @Override
    public PageSettings settings(PageId page) {
        return pages.settings(page);
    }

    @Override
    public void saveSettings(PageSettings settings) {
        pages.saveSettings(settings);
    }

    @Override
    public List<PageSettings> allSettings() {
        return pages.allSettings();
    }

    @Override
    public Comment addComment(PageId page, Long parentId, String author, String body, Instant at, CommentState state) {
        return comments.addComment(page, parentId, author, body, at, state);
    }

    @Override
    public Comment comment(long id) {
        return comments.comment(id);
    }

    @Override
    public List<Comment> comments(PageId page) {
        return comments.comments(page);
    }

    @Override
    public List<Comment> commentsInState(CommentState state, int limit) {
        return comments.commentsInState(state, limit);
    }

    @Override
    public boolean editComment(long id, String body, Instant at) {
        return comments.editComment(id, body, at);
    }

    @Override
    public boolean setCommentState(long id, CommentState state) {
        return comments.setCommentState(id, state);
    }

    @Override
    public void putVote(PageId page, String user, int value, Instant at) {
        votes.putVote(page, user, value, at);
    }

    @Override
    public boolean removeVote(PageId page, String user) {
        return votes.removeVote(page, user);
    }

    @Override
    public Integer vote(PageId page, String user) {
        return votes.vote(page, user);
    }

    @Override
    public VoteTally tally(PageId page) {
        return votes.tally(page);
    }

    @Override
    public Poll createPoll(Poll poll) {
        return polls.createPoll(poll);
    }

    @Override
    public boolean updatePoll(Poll poll) {
        return polls.updatePoll(poll);
    }

    @Override
    public boolean deletePoll(long pollId) {
        return polls.deletePoll(pollId);
    }

    @Override
    public Poll poll(long pollId) {
        return polls.poll(pollId);
    }

    @Override
    public List<Poll> polls(PageId page) {
        return polls.polls(page);
    }

    @Override
    public void answerPoll(long pollId, String user, Set<Integer> options, Instant at) {
        polls.answerPoll(pollId, user, options, at);
    }

    @Override
    public Set<Integer> pollAnswer(long pollId, String user) {
        return polls.pollAnswer(pollId, user);
    }

    @Override
    public PollResults pollResults(long pollId) {
        return polls.pollResults(pollId);
    }

    @Override
    public boolean setReaction(PageId page, String user, String emoji, boolean on, Instant at) {
        return reactions.setReaction(page, user, emoji, on, at);
    }

    @Override
    public Map<String, Long> reactionCounts(PageId page) {
        return reactions.reactionCounts(page);
    }

    @Override
    public Set<String> reactionsOf(PageId page, String user) {
        return reactions.reactionsOf(page, user);
    }

    @Override
    public void addViews(Collection<ViewBatch> batches) {
        views.addViews(batches);
    }

    @Override
    public List<PageViews> views(PageId page, LocalDate from, LocalDate to) {
        return views.views(page, from, to);
    }

    @Override
    public void catalogue(Collection<CataloguedPage> sightings) {
        catalogue.catalogue(sightings);
    }

    @Override
    public List<CataloguedPage> cataloguedPages() {
        return catalogue.cataloguedPages();
    }

    @Override
    public Map<PageId, Long> viewTotals(LocalDate from, LocalDate to) {
        return catalogue.viewTotals(from, to);
    }

    @Override
    public List<PatternRule> patternRules() {
        return patterns.patternRules();
    }

    @Override
    public void savePatternRule(PatternRule rule) {
        patterns.savePatternRule(rule);
    }

    @Override
    public boolean deletePatternRule(String pattern) {
        return patterns.deletePatternRule(pattern);
    }

    @Override
    public boolean deleteSettings(PageId page) {
        return patterns.deleteSettings(page);
    }

    @Override
    public void importSettings(List<PageSettings> pages, List<PatternRule> rules) {
        patterns.importSettings(pages, rules);
    }

    @Override
    public AuditEntry addAuditEntry(AuditEntry entry) {
        return audit.addAuditEntry(entry);
    }

    @Override
    public boolean moderateComment(long commentId, CommentState state, AuditEntry entry) {
        return audit.moderateComment(commentId, state, entry);
    }

    @Override
    public List<AuditEntry> auditEntries(int limit) {
        return audit.auditEntries(limit);
    }

    @Override
    public void addContributions(Collection<ContributionBatch> batches) {
        activity.addContributions(batches);
    }

    @Override
    public List<ActivityFigures> activity(ActivityQuery query) {
        return activity.activity(query);
    }

    @Override
    public List<Long> contributionsPerContributor(LocalDate from, LocalDate to) {
        return activity.contributionsPerContributor(from, to);
    }

    @Override
    public void saveSealed(Bucket bucket, Collection<ActivityFigures> figures) {
        activity.saveSealed(bucket, figures);
    }

    @Override
    public List<ActivityFigures> sealed(ActivityQuery query) {
        return activity.sealed(query);
    }

    @Override
    public void purgeKeysBefore(LocalDate day) {
        activity.purgeKeysBefore(day);
    }

    @Override
    public void replaceKey(String oldKey, String newKey) {
        activity.replaceKey(oldKey, newKey);
    }

    @Override
    public UserData userData(String user) {
        return personalData.userData(user);
    }

    @Override
    public void eraseUser(String user) {
        personalData.eraseUser(user);
    }

    @Override
    public Idea addIdea(PageId page, String author, String title, String body, Instant at) {
        return ideas.addIdea(page, author, title, body, at);
    }

    @Override
    public Idea idea(long id) {
        return ideas.idea(id);
    }

    @Override
    public List<Idea> ideas(PageId page) {
        return ideas.ideas(page);
    }

    @Override
    public boolean putIdeaVote(long ideaId, String user, Instant at) {
        return ideas.putIdeaVote(ideaId, user, at);
    }

    @Override
    public boolean removeIdeaVote(long ideaId, String user) {
        return ideas.removeIdeaVote(ideaId, user);
    }

    @Override
    public Set<Long> ideaVotesOf(PageId page, String user) {
        return ideas.ideaVotesOf(page, user);
    }

    @Override
    public boolean changeIdeaStatus(long ideaId, IdeaStatus from, IdeaStatus to, String answer, String editor,
                                    Instant at) {
        return ideas.changeIdeaStatus(ideaId, from, to, answer, editor, at);
    }

    @Override
    public List<IdeaStatusChange> ideaHistory(PageId page) {
        return ideas.ideaHistory(page);
    }

    @Override
    public DatePoll createDatePoll(DatePoll poll) {
        return datePolls.createDatePoll(poll);
    }

    @Override
    public DatePoll datePoll(long id) {
        return datePolls.datePoll(id);
    }

    @Override
    public List<DatePoll> datePolls(PageId page) {
        return datePolls.datePolls(page);
    }

    @Override
    public void answerDatePoll(long pollId, String user, Map<Integer, Availability> answers, Instant at) {
        datePolls.answerDatePoll(pollId, user, answers, at);
    }

    @Override
    public Map<Integer, Availability> datePollAnswer(long pollId, String user) {
        return datePolls.datePollAnswer(pollId, user);
    }

    @Override
    public DatePollResults datePollResults(long pollId) {
        return datePolls.datePollResults(pollId);
    }

    @Override
    public boolean closeDatePoll(long pollId, int chosen, Instant at) {
        return datePolls.closeDatePoll(pollId, chosen, at);
    }

    @Override
    public boolean updateDatePoll(DatePoll poll) {
        return datePolls.updateDatePoll(poll);
    }

    @Override
    public boolean deleteDatePoll(long pollId) {
        return datePolls.deleteDatePoll(pollId);
    }
}
