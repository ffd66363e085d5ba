package org.coquille.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.coquille.core.CataloguedPage;
import org.coquille.core.PageId;
import org.coquille.spi.PageCatalogueStore;

/** The catalogue of pages served, in {@code coq_page_catalogue}, and views summed per page. */
final class JdbcCatalogue implements PageCatalogueStore {

    private final Sql sql;
    private final String insert;

    JdbcCatalogue(Sql sql) {
        this.sql = sql;
        this.insert = sql.dialect().insertIfAbsent("coq_page_catalogue", List.of("page"), List.of("title", "first_seen"));
    }

    @Override
    public void catalogue(Collection<CataloguedPage> sightings) {
        // one sighting per page, in page order so that concurrent flushes take their locks in the same order
        Map<PageId, CataloguedPage> byPage = new TreeMap<>();
        for (CataloguedPage seen : sightings) {
            byPage.merge(seen.page(), seen, (a, b) -> a.title() != null ? a : b);
        }
        if (byPage.isEmpty()) {
            return;
        }
        sql.write("add pages to the catalogue", c -> {
            try (PreparedStatement s = c.prepareStatement(insert)) {
                for (CataloguedPage p : byPage.values()) {
                    s.setString(1, p.page().value());
                    s.setString(2, p.title());
                    s.setLong(3, p.firstSeen().toEpochMilli());
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE coq_page_catalogue SET title = ? WHERE page = ? AND title IS NULL")) {
                int rows = 0;
                for (CataloguedPage p : byPage.values()) {
                    if (p.title() != null) {
                        s.setString(1, p.title());
                        s.setString(2, p.page().value());
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
    public List<CataloguedPage> cataloguedPages() {
        List<CataloguedPage> all = sql.read("read the catalogue of pages", c -> {
            List<CataloguedPage> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT page, title, first_seen FROM coq_page_catalogue");
                 ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.add(new CataloguedPage(PageId.of(rows.getString(1)), rows.getString(2),
                            Sql.instant(rows, "first_seen")));
                }
            }
            return found;
        });
        all.sort(Comparator.comparing(CataloguedPage::page));
        return List.copyOf(all);
    }

    @Override
    public Map<PageId, Long> viewTotals(LocalDate from, LocalDate to) {
        return sql.read("sum the views of every page", c -> {
            Map<PageId, Long> totals = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT page, SUM(views) FROM coq_page_view_day"
                    + " WHERE view_day BETWEEN ? AND ? GROUP BY page")) {
                s.setObject(1, from);
                s.setObject(2, to);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        totals.put(PageId.of(rows.getString(1)), rows.getLong(2));
                    }
                }
            }
            return new TreeMap<>(totals);
        });
    }
}
