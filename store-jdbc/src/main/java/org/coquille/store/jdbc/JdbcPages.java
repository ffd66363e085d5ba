package org.coquille.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.coquille.core.Moderation;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.inject.Placement;
import org.coquille.core.VoteKind;
import org.coquille.core.Widget;
import org.coquille.spi.PageStore;

/** Page settings in {@code coq_page_settings}, one row per page. */
final class JdbcPages implements PageStore {

    private static final String COLUMNS = "page, widgets, anchor, selector, vote_kind, moderation, comments_locked, "
            + String.join(", ", ObjectiveColumns.NAMES);

    private final Sql sql;
    private final String upsert;

    JdbcPages(Sql sql) {
        this.sql = sql;
        this.upsert = sql.dialect().upsert("coq_page_settings", List.of("page"),
                JdbcSettings.OPTIONS);
    }

    @Override
    public PageSettings settings(PageId page) {
        return sql.read("read the settings of a page", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM coq_page_settings WHERE page = ?")) {
                s.setString(1, page.value());
                try (ResultSet rows = s.executeQuery()) {
                    return rows.next() ? settings(rows) : null;
                }
            }
        });
    }

    @Override
    public void saveSettings(PageSettings settings) {
        Placement placement = settings.placement();
        Sql.fits(placement.selector() == null ? "" : placement.selector(), 1000, "CSS selector");
        ObjectiveColumns.check(settings.objective());
        sql.write("save the settings of a page", c -> {
            try (PreparedStatement s = c.prepareStatement(upsert)) {
                s.setString(1, settings.page().value());
                s.setString(2, widgets(settings.widgets()));
                s.setString(3, placement.anchor().name());
                if (placement.selector() == null) {
                    s.setNull(4, Types.VARCHAR);
                } else {
                    s.setString(4, placement.selector());
                }
                s.setString(5, settings.voteKind().name());
                s.setString(6, settings.moderation().name());
                s.setBoolean(7, settings.commentsLocked());
                ObjectiveColumns.bind(s, 8, settings.objective());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public List<PageSettings> allSettings() {
        List<PageSettings> all = sql.read("read the settings of every page", c -> {
            List<PageSettings> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM coq_page_settings");
                 ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.add(settings(rows));
                }
            }
            return found;
        });
        // ordered as PageId orders, which no database collation promises
        all.sort(Comparator.comparing(PageSettings::page));
        return List.copyOf(all);
    }

    private static PageSettings settings(ResultSet rows) throws SQLException {
        String selector = rows.getString("selector");
        return new PageSettings(PageId.of(rows.getString("page")), widgets(rows.getString("widgets")),
                new Placement(Placement.Anchor.valueOf(rows.getString("anchor")), selector),
                VoteKind.valueOf(rows.getString("vote_kind")), Moderation.valueOf(rows.getString("moderation")),
                rows.getBoolean("comments_locked"), ObjectiveColumns.read(rows));
    }

    static String widgets(Set<Widget> widgets) {
        return widgets.stream().sorted().map(Widget::name).collect(Collectors.joining(","));
    }

    static Set<Widget> widgets(String names) {
        Set<Widget> widgets = EnumSet.noneOf(Widget.class);
        if (names != null && !names.isEmpty()) {
            Arrays.stream(names.split(",")).map(Widget::valueOf).forEach(widgets::add);
        }
        return widgets;
    }
}
