package org.coquille.spi;

import java.util.List;

import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.PatternRule;

/** Stores the URL patterns editors set in the console, and removes or imports page settings. */
public interface SettingsStore {

    /** Every stored pattern rule, ordered by pattern. */
    List<PatternRule> patternRules();

    /** Saves {@code rule}, replacing the one stored for the same pattern. */
    void savePatternRule(PatternRule rule);

    /** Deletes the rule for {@code pattern}; returns {@code false} if there was none. */
    boolean deletePatternRule(String pattern);

    /** Deletes the settings saved for {@code page}, so patterns apply again; returns {@code false} if there were none. */
    boolean deleteSettings(PageId page);

    /** Saves every page setting and pattern rule given, replacing those with the same key, all or nothing. */
    void importSettings(List<PageSettings> pages, List<PatternRule> patterns);
}
