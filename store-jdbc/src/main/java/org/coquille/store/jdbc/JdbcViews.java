package org.coquille.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.coquille.core.PageId;
import org.coquille.core.PageViews;
import org.coquille.core.ViewBatch;
import org.coquille.spi.ViewStore;

/**
 * Page views: {@code coq_page_view_day} holds the count per page and day, added to atomically;
 * {@code coq_page_viewer} one row per viewer key, inserted only if absent, so unique viewers stay
 * exact when several nodes flush the same page and day; {@code coq_reader_day} one row per viewer key and
 * day, for the whole intranet.
 */
final class JdbcViews implements ViewStore {

    /** The longest viewer key, in characters (an HMAC-SHA256 in base64 has 43). */
    static final int MAX_VIEWER_KEY_LENGTH = 100;

    private record Day(PageId page, LocalDate day) { }

    private static final Comparator<Day> ORDER = Comparator.comparing(Day::page).thenComparing(Day::day);

    private final Sql sql;
    private final String addViews;
    private final String addViewer;
    private final String addReader;

    JdbcViews(Sql sql) {
        this.sql = sql;
        this.addViews = sql.dialect().addTo("coq_page_view_day", List.of("page", "view_day"), "views");
        this.addViewer = sql.dialect().insertIfAbsent("coq_page_viewer", List.of("page", "view_day", "viewer_key"),
                List.of());
        this.addReader = sql.dialect().insertIfAbsent("coq_reader_day", List.of("view_day", "viewer_key"), List.of());
    }

    @Override
    public void addViews(Collection<ViewBatch> batches) {
        // one row per page and day, written in a fixed order so that concurrent flushes cannot deadlock
        Map<Day, Long> views = new TreeMap<>(ORDER);
        Map<Day, Set<String>> viewers = new TreeMap<>(ORDER);
        for (ViewBatch batch : batches) {
            Day day = new Day(batch.page(), batch.day());
            views.merge(day, batch.views(), Long::sum);
            Set<String> keys = viewers.computeIfAbsent(day, d -> new TreeSet<>());
            for (String key : batch.viewerKeys()) {
                keys.add(Sql.fits(key, MAX_VIEWER_KEY_LENGTH, "viewer key"));
            }
        }
        if (views.isEmpty()) {
            return;
        }
        sql.write("add page views", c -> {
            try (PreparedStatement s = c.prepareStatement(addViews)) {
                for (Map.Entry<Day, Long> e : views.entrySet()) {
                    s.setString(1, e.getKey().page().value());
                    s.setObject(2, e.getKey().day());
                    s.setLong(3, e.getValue());
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement(addViewer)) {
                int rows = 0;
                for (Map.Entry<Day, Set<String>> e : viewers.entrySet()) {
                    for (String key : e.getValue()) {
                        s.setString(1, e.getKey().page().value());
                        s.setObject(2, e.getKey().day());
                        s.setString(3, key);
                        s.addBatch();
                        rows++;
                    }
                }
                if (rows > 0) {
                    s.executeBatch();
                }
            }
            // who read anything each day, for the whole intranet's unique readers
            Map<LocalDate, Set<String>> readers = new TreeMap<>();
            viewers.forEach((day, keys) -> readers.computeIfAbsent(day.day(), d -> new TreeSet<>()).addAll(keys));
            try (PreparedStatement s = c.prepareStatement(addReader)) {
                int rows = 0;
                for (Map.Entry<LocalDate, Set<String>> e : readers.entrySet()) {
                    for (String key : e.getValue()) {
                        s.setObject(1, e.getKey());
                        s.setString(2, key);
                        s.addBatch();
                        rows++;
                    }
                }
                if (rows > 0) {
                    s.executeBatch();
                }
            }
            return null;
        });
    }

    @Override
    public List<PageViews> views(PageId page, LocalDate from, LocalDate to) {
        return sql.read("read the views of a page", c -> {
            List<PageViews> found = new ArrayList<>();
            // once a day's keys are purged, its unique viewers are those sealed before the purge
            try (PreparedStatement s = c.prepareStatement("SELECT d.view_day, d.views, COALESCE("
                    + " (SELECT a.unique_viewers FROM coq_activity_sealed a WHERE a.scope_key = d.page AND a.bucket = 'D'"
                    + " AND a.start_day = d.view_day),"
                    + " (SELECT COUNT(*) FROM coq_page_viewer v WHERE v.page = d.page AND v.view_day = d.view_day))"
                    + " FROM coq_page_view_day d WHERE d.page = ? AND d.view_day BETWEEN ? AND ? ORDER BY d.view_day")) {
                s.setString(1, page.value());
                s.setObject(2, from);
                s.setObject(3, to);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        found.add(new PageViews(page, rows.getObject(1, LocalDate.class), rows.getLong(2), rows.getLong(3)));
                    }
                }
            }
            return List.copyOf(found);
        });
    }
}
