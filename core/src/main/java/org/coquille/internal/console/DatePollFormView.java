package org.coquille.internal.console;

import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.coquille.core.Messages;
import org.coquille.core.RuleViolation;
import org.coquille.social.DatePolls;

/**
 * The date poll form ({@code console/datepollform.jte}): page, title, and a row of day, start and end inputs per date,
 * with the message of a refused post shown next to the field it is about (the row of the date it names, the title, the
 * page).
 *
 * @param id       the stored poll's id, or empty for a new one
 * @param typed    what the form shows, as typed
 * @param locked   whether nothing can change any more (answered or closed): every control is disabled
 * @param zoneHint the time zone the dates are in, and how many dates to offer, in words
 * @param zoneId   that time zone's id, said next to each time field
 * @param errorAt  where the message goes: page, title, slots, length, slot-N, or {@code null} (at the top only)
 * @param error    the message of a refused post, or {@code null}
 */
record DatePollFormView(String id, DatePollForm typed, boolean locked, String zoneHint, String zoneId, List<Choice> lengths,
                        String errorAt, String error) {

    /** The messages about one row: their first value is the row's number. */
    private static final Set<String> ROW_KEYS = Set.of("rule.datePoll.slotOrder", "rule.datePoll.slotDuplicate",
            "console.datePolls.error.noDay", "console.datePolls.error.day", "console.datePolls.error.noStart",
            "console.datePolls.error.time");

    /** A date's row as shown: its number from 1, what was typed, and the message about it or {@code null}. */
    record Row(int number, DatePollForm.SlotRow typed, String error) { }

    /** @param pollId the stored poll's id, or 0 for a new one */
    static DatePollFormView of(Messages m, DatePollForm typed, long pollId, boolean locked, ZoneId zone,
                               RuleViolation error) {
        return new DatePollFormView(pollId > 0 ? String.valueOf(pollId) : "", typed, locked,
                m.get("console.datePolls.zone", zone.getDisplayName(TextStyle.FULL, m.locale()), zone.getId(),
                        DatePolls.MIN_SLOTS, DatePolls.MAX_SLOTS), zone.getId(),
                DatePollForm.LENGTHS.stream().map(minutes -> new Choice(String.valueOf(minutes), duration(minutes))).toList(),
                fieldOf(error), error == null ? null : error.message(m.locale()));
    }

    /** The message about {@code field}, or {@code null}. */
    String errorOn(String field) {
        return field.equals(errorAt) ? error : null;
    }

    /** The rows shown: all of them, or once locked the dates offered only. */
    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < typed.rows().size(); i++) {
            if (locked && typed.rows().get(i).blank()) {
                break;
            }
            rows.add(new Row(i + 1, typed.rows().get(i), errorOn("slot-" + (i + 1))));
        }
        return rows;
    }

    /** Where the message of {@code error} belongs: page, title, slots, length, slot-N, or nowhere in particular. */
    private static String fieldOf(RuleViolation error) {
        if (error == null) {
            return null;
        }
        String key = error.key();
        Object[] args = error.args();
        if (ROW_KEYS.contains(key) && args.length > 0) {
            return "slot-" + args[0];
        }
        if (key.startsWith("console.error.address.")) {
            return "page";
        }
        if (key.startsWith("rule.datePoll.title")) {
            return "title";
        }
        return switch (key) {
            case "console.error.pageId" -> "page";
            case "rule.datePoll.slotCount" -> "slots";
            case "console.error.field" -> "length";
            default -> null;
        };
    }

    private static String duration(int minutes) {
        int hours = minutes / 60;
        int rest = minutes % 60;
        if (hours == 0) {
            return rest + " min";
        }
        return rest == 0 ? hours + " h" : hours + " h " + rest;
    }
}
