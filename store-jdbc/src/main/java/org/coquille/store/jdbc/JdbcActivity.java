package org.coquille.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.coquille.core.PageId;
import org.coquille.core.ActivityFigures;
import org.coquille.core.ActivityQuery;
import org.coquille.core.Bucket;
import org.coquille.core.Contribution;
import org.coquille.core.ContributionBatch;
import org.coquille.core.DepartmentFigures;
import org.coquille.spi.ActivityStore;

/**
 * Contributions and the report's sums: {@code coq_contribution} holds one row per page, day, kind and
 * contributor key with a count, added to atomically, so unique contributors stay exact across nodes;
 * {@code coq_activity_sealed} holds the aggregates saved before keys are purged. Unique counts are
 * {@code COUNT(DISTINCT ...)} over the keys, in the database.
 */
final class JdbcActivity implements ActivityStore {

    /** The scope of the whole intranet's sealed rows (page ids start with '/'). */
    static final String INTRANET = "*";

    private record Row(PageId page, LocalDate day, String kind, String actor) { }

    private record Key(PageId page, LocalDate start) { }

    private static final Comparator<Row> ROW_ORDER = Comparator.comparing(Row::page).thenComparing(Row::day)
            .thenComparing(Row::kind).thenComparing(Row::actor);

    private static final Comparator<Key> ORDER = Comparator
            .comparing(Key::page, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Key::start, Comparator.nullsFirst(Comparator.naturalOrder()));

    private static final List<String> SEALED_VALUES = List.of("views", "unique_viewers", "comments",
            "unique_commenters", "votes", "reactions", "answers", "unique_reactors", "unique_contributors",
            "ideas", "idea_votes", "date_answers");

    private final Sql sql;
    private final String addContribution;
    private final String saveSealed;
    private final DepartmentRows departments;

    JdbcActivity(Sql sql) {
        this.sql = sql;
        this.departments = new DepartmentRows(sql);
        this.addContribution = sql.dialect().addTo("coq_contribution",
                List.of("page", "contrib_day", "kind", "actor_key"), "amount");
        this.saveSealed = sql.dialect().upsert("coq_activity_sealed", List.of("scope_key", "bucket", "start_day"),
                SEALED_VALUES);
    }

    @Override
    public void addContributions(Collection<ContributionBatch> batches) {
        // one row per page, day, kind and key, written in a fixed order so that concurrent flushes cannot deadlock
        Map<Row, Long> rows = new TreeMap<>(ROW_ORDER);
        for (ContributionBatch batch : batches) {
            batch.counts().forEach((actor, n) -> rows.merge(new Row(batch.page(), batch.day(), batch.kind().code(),
                    Sql.fits(actor, JdbcViews.MAX_VIEWER_KEY_LENGTH, "contributor key")), n, Long::sum));
        }
        if (rows.isEmpty()) {
            return;
        }
        sql.write("add contributions", c -> {
            try (PreparedStatement s = c.prepareStatement(addContribution)) {
                for (Map.Entry<Row, Long> e : rows.entrySet()) {
                    s.setString(1, e.getKey().page().value());
                    s.setObject(2, e.getKey().day());
                    s.setString(3, e.getKey().kind());
                    s.setString(4, e.getKey().actor());
                    s.setLong(5, e.getValue());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    /** Sums for one group, filled by three queries. */
    private static final class Sum {
        long views;
        long viewers;
        long comments;
        long commenters;
        long votes;
        long reactions;
        long answers;
        long reactors;
        long contributors;
        long ideas;
        long ideaVotes;
        long dateAnswers;

        ActivityFigures figures(Key key) {
            return new ActivityFigures(key.page(), key.start(), views, viewers, comments, commenters, votes,
                    reactions, answers, reactors, contributors, ideas, ideaVotes, dateAnswers);
        }
    }

    @Override
    public List<ActivityFigures> activity(ActivityQuery q) {
        return sql.read("sum the activity for the usage report", c -> {
            Map<Key, Sum> sums = new TreeMap<>(ORDER);
            query(c, q, "coq_page_view_day", "view_day", "SUM(views)", sums, (sum, rows, at) -> sum.views = rows.getLong(at));
            // unique readers: over the intranet's daily readers when pages are not told apart (a few thousand keys
            // a day), else over each page's
            String readers = q.page() == null && !q.byPage() ? "coq_reader_day" : "coq_page_viewer";
            if (q.bucket() == Bucket.PERIOD) {
                // DISTINCT in a derived table: the database reads the (page,) viewer_key index in order, no sort
                String keys = (q.byPage() ? "page, " : "") + "viewer_key";
                query(c, q, "(SELECT DISTINCT " + keys + " FROM " + readers + " WHERE view_day BETWEEN ? AND ?"
                        + (q.page() != null ? " AND page = ?" : "") + ") r", null, "COUNT(*)", sums,
                        (sum, rows, at) -> sum.viewers = rows.getLong(at));
            } else {
                query(c, q, readers, "view_day", "COUNT(DISTINCT viewer_key)", sums,
                        (sum, rows, at) -> sum.viewers = rows.getLong(at));
            }
            query(c, q, "coq_contribution", "contrib_day",
                    "SUM(CASE WHEN kind = 'C' THEN amount ELSE 0 END), SUM(CASE WHEN kind = 'V' THEN amount ELSE 0 END),"
                    + " SUM(CASE WHEN kind = 'R' THEN amount ELSE 0 END), SUM(CASE WHEN kind = 'A' THEN amount ELSE 0 END),"
                    + " COUNT(DISTINCT CASE WHEN kind IN ('C', 'I') THEN actor_key END),"
                    + " COUNT(DISTINCT CASE WHEN kind NOT IN ('C', 'I') THEN actor_key END), COUNT(DISTINCT actor_key),"
                    + " SUM(CASE WHEN kind = 'I' THEN amount ELSE 0 END), SUM(CASE WHEN kind = 'U' THEN amount ELSE 0 END),"
                    + " SUM(CASE WHEN kind = 'D' THEN amount ELSE 0 END)",
                    sums, (sum, rows, at) -> {
                        sum.comments = rows.getLong(at);
                        sum.votes = rows.getLong(at + 1);
                        sum.reactions = rows.getLong(at + 2);
                        sum.answers = rows.getLong(at + 3);
                        sum.commenters = rows.getLong(at + 4);
                        sum.reactors = rows.getLong(at + 5);
                        sum.contributors = rows.getLong(at + 6);
                        sum.ideas = rows.getLong(at + 7);
                        sum.ideaVotes = rows.getLong(at + 8);
                        sum.dateAnswers = rows.getLong(at + 9);
                    });
            List<ActivityFigures> result = new ArrayList<>(sums.size());
            sums.forEach((key, sum) -> result.add(sum.figures(key)));
            return List.copyOf(result);
        });
    }

    @FunctionalInterface
    private interface Reader {
        void read(Sum sum, ResultSet rows, int firstValue) throws SQLException;
    }

    /**
     * Runs one aggregate over {@code table} grouped as {@code q} asks, and hands each row to {@code reader}.
     * With no {@code dayColumn}, {@code table} is a derived table that already filters on the query's days
     * and page (in that parameter order), and the bucket must be {@link Bucket#PERIOD}.
     */
    private void query(Connection c, ActivityQuery q, String table, String dayColumn, String aggregates,
                       Map<Key, Sum> sums, Reader reader) throws SQLException {
        List<String> groups = new ArrayList<>();
        if (q.byPage()) {
            groups.add("page");
        }
        String bucket = dayColumn == null ? null : bucketOf(q.bucket(), dayColumn);
        if (bucket != null) {
            groups.add(bucket);
        }
        String where = dayColumn == null ? ""
                : " WHERE " + dayColumn + " BETWEEN ? AND ?" + (q.page() != null ? " AND page = ?" : "");
        String select = "SELECT " + (groups.isEmpty() ? "" : String.join(", ", groups) + ", ") + aggregates
                + " FROM " + table + where + (groups.isEmpty() ? "" : " GROUP BY " + String.join(", ", groups));
        try (PreparedStatement s = c.prepareStatement(select)) {
            s.setObject(1, q.from());
            s.setObject(2, q.to());
            if (q.page() != null) {
                s.setString(3, q.page().value());
            }
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    int at = 1;
                    PageId page = q.byPage() ? PageId.of(rows.getString(at++)) : null;
                    LocalDate start = bucket != null ? rows.getObject(at++, LocalDate.class) : null;
                    if (groups.isEmpty() && isEmptyTotal(rows, at, aggregates)) {
                        continue;
                    }
                    reader.read(sums.computeIfAbsent(new Key(page, start), k -> new Sum()), rows, at);
                }
            }
        }
    }

    /** The expression of a bucket's first day for {@code dayColumn}: the day itself, its Monday, or a constant. */
    private String bucketOf(Bucket bucket, String dayColumn) {
        return switch (bucket) {
            case PERIOD -> null;
            case DAY -> dayColumn;
            case WEEK -> sql.dialect().weekStart(dayColumn);
        };
    }

    /** An aggregate without GROUP BY gives one row even over no rows: SUM is then NULL, COUNT zero. */
    private static boolean isEmptyTotal(ResultSet rows, int at, String aggregates) throws SQLException {
        rows.getLong(at);
        return rows.wasNull() || aggregates.startsWith("COUNT") && rows.getLong(at) == 0;
    }

    @Override
    public List<Long> contributionsPerContributor(LocalDate from, LocalDate to) {
        return sql.read("count each contributor's contributions", c -> {
            List<Long> counts = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT SUM(amount) FROM coq_contribution"
                    + " WHERE contrib_day BETWEEN ? AND ? GROUP BY actor_key ORDER BY 1 DESC")) {
                s.setObject(1, from);
                s.setObject(2, to);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        counts.add(rows.getLong(1));
                    }
                }
            }
            return List.copyOf(counts);
        });
    }

    @Override
    public void saveSealed(Bucket bucket, Collection<ActivityFigures> figures) {
        if (bucket == Bucket.PERIOD) {
            throw new IllegalArgumentException("Only daily and weekly figures are sealed");
        }
        if (figures.isEmpty()) {
            return;
        }
        sql.write("save the report's aggregates", c -> {
            try (PreparedStatement s = c.prepareStatement(saveSealed)) {
                for (ActivityFigures f : figures) {
                    s.setString(1, f.page() == null ? INTRANET : f.page().value());
                    s.setString(2, bucket == Bucket.DAY ? "D" : "W");
                    s.setObject(3, f.start());
                    long[] values = {f.views(), f.uniqueViewers(), f.comments(), f.uniqueCommenters(), f.votes(),
                        f.reactions(), f.answers(), f.uniqueReactors(), f.uniqueContributors(), f.ideas(), f.ideaVotes(),
                        f.dateAnswers()};
                    for (int i = 0; i < values.length; i++) {
                        s.setLong(4 + i, values[i]);
                    }
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<ActivityFigures> sealed(ActivityQuery q) {
        if (q.bucket() == Bucket.PERIOD) {
            return List.of();
        }
        String scope = q.page() != null ? "scope_key = ?" : q.byPage() ? "scope_key <> ?" : "scope_key = ?";
        return sql.read("read the report's aggregates", c -> {
            List<ActivityFigures> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT scope_key, start_day, " + String.join(", ", SEALED_VALUES)
                    + " FROM coq_activity_sealed WHERE bucket = ? AND start_day BETWEEN ? AND ? AND " + scope
                    + " ORDER BY scope_key, start_day")) {
                s.setString(1, q.bucket() == Bucket.DAY ? "D" : "W");
                s.setObject(2, q.from());
                s.setObject(3, q.to());
                s.setString(4, q.page() != null ? q.page().value() : INTRANET);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        String key = rows.getString(1);
                        found.add(new ActivityFigures(key.equals(INTRANET) ? null : PageId.of(key),
                                rows.getObject(2, LocalDate.class), rows.getLong(3), rows.getLong(4), rows.getLong(5),
                                rows.getLong(6), rows.getLong(7), rows.getLong(8), rows.getLong(9), rows.getLong(10),
                                rows.getLong(11), rows.getLong(12), rows.getLong(13), rows.getLong(14)));
                    }
                }
            }
            return List.copyOf(found);
        });
    }

    @Override
    public void placeInDepartments(LocalDate day, Map<String, String> departmentOfKey) {
        departments.place(day, departmentOfKey);
    }

    @Override
    public List<DepartmentFigures> departments(LocalDate from, LocalDate to) {
        return departments.figures(from, to);
    }

    @Override
    public Optional<String> departmentOf(String key) {
        return departments.departmentOf(key);
    }

    @Override
    public void purgeKeysBefore(LocalDate day) {
        sql.write("purge the viewer and contributor keys before " + day, c -> {
            for (String delete : List.of("DELETE FROM coq_page_viewer WHERE view_day < ?",
                    "DELETE FROM coq_reader_day WHERE view_day < ?",
                    "DELETE FROM coq_contribution WHERE contrib_day < ?", DepartmentRows.PURGE)) {
                try (PreparedStatement s = c.prepareStatement(delete)) {
                    s.setObject(1, day);
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public void replaceKey(String oldKey, String newKey) {
        Sql.fits(newKey, JdbcViews.MAX_VIEWER_KEY_LENGTH, "viewer key");
        sql.write("replace a viewer key", c -> {
            for (String update : List.of("UPDATE coq_page_viewer SET viewer_key = ? WHERE viewer_key = ?",
                    "UPDATE coq_reader_day SET viewer_key = ? WHERE viewer_key = ?",
                    "UPDATE coq_contribution SET actor_key = ? WHERE actor_key = ?", DepartmentRows.REPLACE_KEY)) {
                try (PreparedStatement s = c.prepareStatement(update)) {
                    s.setString(1, newKey);
                    s.setString(2, oldKey);
                    s.executeUpdate();
                }
            }
            return null;
        });
    }
}
