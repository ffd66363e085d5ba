package org.coquille.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.coquille.core.Moderation;
import org.coquille.core.Objective;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.PatternRule;
import org.coquille.inject.Placement;
import org.coquille.core.VoteKind;
import org.coquille.core.Widget;
import org.coquille.spi.SettingsStore;

/** URL patterns set in the console ({@code coq_pattern_rule}), and removing or importing page settings. */
final class JdbcSettings implements SettingsStore {

    /** The columns of a page's or a pattern's settings, besides its key. */
    static final List<String> OPTIONS = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("widgets", "anchor", "selector", "vote_kind", "moderation", "comments_locked"),
            ObjectiveColumns.NAMES.stream()).toList();

    private final Sql sql;
    private final String upsertPattern;
    private final String upsertPage;

    JdbcSettings(Sql sql) {
        this.sql = sql;
        this.upsertPattern = sql.dialect().upsert("coq_pattern_rule", List.of("pattern"), OPTIONS);
        this.upsertPage = sql.dialect().upsert("coq_page_settings", List.of("page"), OPTIONS);
    }

    @Override
    public List<PatternRule> patternRules() {
        List<PatternRule> all = sql.read("read the URL patterns", c -> {
            List<PatternRule> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT pattern, " + String.join(", ", OPTIONS)
                    + " FROM coq_pattern_rule"); ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    String selector = rows.getString("selector");
                    found.add(new PatternRule(rows.getString("pattern"), JdbcPages.widgets(rows.getString("widgets")),
                            new Placement(Placement.Anchor.valueOf(rows.getString("anchor")), selector),
                            VoteKind.valueOf(rows.getString("vote_kind")),
                            Moderation.valueOf(rows.getString("moderation")), rows.getBoolean("comments_locked"),
                            ObjectiveColumns.read(rows)));
                }
            }
            return found;
        });
        all.sort(Comparator.comparing(PatternRule::pattern));
        return List.copyOf(all);
    }

    @Override
    public void savePatternRule(PatternRule rule) {
        checkSelector(rule.placement());
        ObjectiveColumns.check(rule.objective());
        sql.write("save a URL pattern", c -> {
            savePattern(c, rule);
            return null;
        });
    }

    @Override
    public boolean deletePatternRule(String pattern) {
        return sql.write("delete a URL pattern", c -> delete(c, "DELETE FROM coq_pattern_rule WHERE pattern = ?", pattern));
    }

    @Override
    public boolean deleteSettings(PageId page) {
        return sql.write("delete the settings of a page",
                c -> delete(c, "DELETE FROM coq_page_settings WHERE page = ?", page.value()));
    }

    @Override
    public void importSettings(List<PageSettings> pages, List<PatternRule> patterns) {
        pages.forEach(p -> checkSelector(p.placement()));
        patterns.forEach(p -> checkSelector(p.placement()));
        pages.forEach(p -> ObjectiveColumns.check(p.objective()));
        patterns.forEach(p -> ObjectiveColumns.check(p.objective()));
        // sorted, so that two concurrent imports take their row locks in the same order
        List<PageSettings> sortedPages = pages.stream().sorted(Comparator.comparing(PageSettings::page)).toList();
        List<PatternRule> sortedPatterns = patterns.stream().sorted(Comparator.comparing(PatternRule::pattern)).toList();
        sql.write("import settings", c -> {
            try (PreparedStatement s = c.prepareStatement(upsertPage)) {
                for (PageSettings p : sortedPages) {
                    bind(s, p.page().value(), p.widgets(), p.placement(), p.voteKind(), p.moderation(), p.commentsLocked(),
                            p.objective());
                    s.executeUpdate();
                }
            }
            for (PatternRule rule : sortedPatterns) {
                savePattern(c, rule);
            }
            return null;
        });
    }

    private void savePattern(Connection c, PatternRule r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(upsertPattern)) {
            bind(s, r.pattern(), r.widgets(), r.placement(), r.voteKind(), r.moderation(), r.commentsLocked(), r.objective());
            s.executeUpdate();
        }
    }

    private static boolean delete(Connection c, String statement, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(statement)) {
            s.setString(1, key);
            return s.executeUpdate() > 0;
        }
    }

    private static void checkSelector(Placement placement) {
        Sql.fits(placement.selector() == null ? "" : placement.selector(), 1000, "CSS selector");
    }

    private static void bind(PreparedStatement s, String key, Set<Widget> widgets, Placement placement, VoteKind vote,
                             Moderation moderation, boolean locked, Objective objective) throws SQLException {
        s.setString(1, key);
        s.setString(2, JdbcPages.widgets(widgets));
        s.setString(3, placement.anchor().name());
        if (placement.selector() == null) {
            s.setNull(4, Types.VARCHAR);
        } else {
            s.setString(4, placement.selector());
        }
        s.setString(5, vote.name());
        s.setString(6, moderation.name());
        s.setBoolean(7, locked);
        ObjectiveColumns.bind(s, 8, objective);
    }
}
