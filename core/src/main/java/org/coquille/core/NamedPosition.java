package org.coquille.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.coquille.inject.Placement;

/**
 * A place for the widgets that a site administrator names once ("After the article": after {@code div.article}), so
 * that editors pick it by name instead of writing a CSS selector.
 *
 * @param name      what editors see
 * @param placement where the widgets go
 */
public record NamedPosition(String name, Placement placement) {

    public NamedPosition {
        Objects.requireNonNull(placement, "placement");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A named position needs a name");
        }
        name = name.strip();
    }

    /**
     * The positions of a {@code coquille.positions} setting: entries separated by {@code |}, each
     * {@code name: anchor selector} (the name without a colon) where the anchor is {@code before}, {@code after} or {@code inside}, such as
     * {@code After the article: after div.article | Under the title: after h1}. Empty: none.
     *
     * @throws IllegalArgumentException naming the entry that is not of that form
     */
    public static List<NamedPosition> parseAll(String value) {
        List<NamedPosition> positions = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return positions;
        }
        for (String entry : value.split("\\|")) {
            int colon = entry.indexOf(':');
            String[] where = colon < 0 ? new String[0] : entry.substring(colon + 1).strip().split("\\s+", 2);
            if (colon <= 0 || entry.substring(0, colon).isBlank() || where.length < 2
                    || !List.of("before", "after", "inside").contains(where[0].toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("'" + entry.strip() + "' is not a named position: write it as"
                        + " 'name: before|after|inside selector', such as 'After the article: after div.article'");
            }
            positions.add(new NamedPosition(entry.substring(0, colon), new Placement(
                    Placement.Anchor.valueOf(where[0].toUpperCase(Locale.ROOT)), where[1].strip())));
        }
        return List.copyOf(positions);
    }
}
