package org.coquille.internal.console;

import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coquille.social.DatePolls;
import org.coquille.core.Messages;
import org.coquille.core.RuleViolation;
import org.jsoup.nodes.Element;

/**
 * The date poll form: page, title, and a row of day, start and end inputs per date, with the message of a refused
 * post shown next to the field it is about (the row of the date it names, the title, the page).
 */
final class DatePollFormHtml {

    /** The messages about one row: their first value is the row's number. */
    private static final Set<String> ROW_KEYS = Set.of("rule.datePoll.slotOrder", "rule.datePoll.slotDuplicate",
            "console.datePolls.error.noDay", "console.datePolls.error.day", "console.datePolls.error.noStart",
            "console.datePolls.error.time");

    private DatePollFormHtml() {
    }

    /**
     * @param pollId the stored poll's id, or 0 for a new one
     * @param locked whether nothing can change any more (answered or closed): every control is disabled
     */
    static void render(ConsoleHtml html, Element main, DatePollForm typed, long pollId, boolean locked, ZoneId zone,
                       RuleViolation error) {
        Messages m = html.m;
        String errorAt = fieldOf(error);
        String errorText = error == null ? null : error.message(m.locale());
        Element form = html.form(main, "datepoll").addClass("coq-settings");
        boolean exists = pollId > 0;
        ConsoleHtml.hidden(form, "id", exists ? String.valueOf(pollId) : "");
        Element pageRow = html.field(form, "coq-dp-page", m.get("console.pages.col.page"), m.get("console.hint.datePollPage"));
        Element page = ConsoleHtml.input(pageRow, "text", "coq-dp-page", "page", typed.page()).attr("required", true);
        Element titleRow = html.field(form, "coq-dp-title", m.get("console.datePolls.col.title"),
                m.get("console.hint.datePollTitle"));
        Element title = ConsoleHtml.input(titleRow, "text", "coq-dp-title", "title", typed.title()).attr("required", true)
                .attr("maxlength", String.valueOf(DatePolls.MAX_TITLE));
        mark("page".equals(errorAt), page, errorText);
        mark("title".equals(errorAt), title, errorText);

        Element slots = form.appendElement("fieldset").addClass("coq-fieldset coq-slots").id("coq-dp-slots")
                .attr("aria-describedby", "coq-dp-slots-hint");
        slots.appendElement("legend").text(m.get("console.datePolls.slots"));
        slots.appendElement("p").addClass("coq-hint").id("coq-dp-slots-hint").text(m.get("console.datePolls.zone",
                zone.getDisplayName(TextStyle.FULL, m.locale()), zone.getId(), DatePolls.MIN_SLOTS, DatePolls.MAX_SLOTS));
        if ("slots".equals(errorAt)) {
            slots.appendElement("p").addClass("coq-field-error").id("coq-dp-slots-error").text(errorText);
            slots.attr("aria-describedby", "coq-dp-slots-hint coq-dp-slots-error");
        }
        Element lengthRow = html.field(slots, "coq-dp-length", m.get("console.datePolls.length"), null);
        List<Map.Entry<String, String>> lengths = DatePollForm.LENGTHS.stream()
                .map(minutes -> Map.entry(String.valueOf(minutes), duration(minutes))).toList();
        Element length = ConsoleHtml.select(lengthRow, "coq-dp-length", "length", typed.length(), lengths);
        mark("length".equals(errorAt), length, errorText);
        for (int i = 0; i < typed.rows().size(); i++) {
            if (locked && typed.rows().get(i).blank()) {
                break; // nothing to type any more: the dates offered only
            }
            row(slots, m, i + 1, typed.rows().get(i), ("slot-" + (i + 1)).equals(errorAt) ? errorText : null);
        }
        if (locked) {
            form.select("input:not([type=hidden]), select").forEach(e -> e.attr("disabled", true));
            return;
        }
        if (exists) {
            page.attr("disabled", true);
        }
        Element actions = form.appendElement("div").addClass("coq-actions");
        actions.appendElement("button").attr("type", "submit").addClass("coq-primary")
                .text(m.get(exists ? "console.page.save" : "console.datePolls.create"));
        if (typed.mayGrow()) {
            actions.appendElement("button").attr("type", "submit").attr("name", "more").attr("value", "1")
                    .attr("formnovalidate", true).addClass("coq-secondary")
                    .text(m.get("console.datePolls.more", DatePollForm.ROWS));
        }
    }

    /** One date: its day, start and end, in a group named by its number. */
    private static void row(Element slots, Messages m, int number, DatePollForm.SlotRow row, String error) {
        Element group = slots.appendElement("fieldset").addClass("coq-slot").id("coq-dp-slot-" + number);
        group.appendElement("legend").text(m.get("console.datePolls.slot", number));
        Element day = ConsoleHtml.input(group.appendElement("span").addClass("coq-field"), "date", "coq-dp-date-" + number,
                "date_" + number, row.date());
        day.before(new Element("label").attr("for", day.id()).text(m.get("console.datePolls.day")));
        Element start = ConsoleHtml.input(group.appendElement("span").addClass("coq-field"), "time",
                "coq-dp-start-" + number, "start_" + number, row.start());
        start.before(new Element("label").attr("for", start.id()).text(m.get("console.datePolls.start")));
        Element end = ConsoleHtml.input(group.appendElement("span").addClass("coq-field"), "time", "coq-dp-end-" + number,
                "end_" + number, row.end());
        end.before(new Element("label").attr("for", end.id()).text(m.get("console.datePolls.end")));
        if (error != null) {
            group.appendElement("p").addClass("coq-field-error").id("coq-dp-slot-" + number + "-error").text(error);
            for (Element input : List.of(day, start, end)) {
                input.attr("aria-invalid", "true").attr("aria-describedby", "coq-dp-slot-" + number + "-error");
            }
        }
    }

    /** Puts the message next to {@code control} and ties them together. */
    private static void mark(boolean here, Element control, String error) {
        if (!here) {
            return;
        }
        String id = control.id() + "-error";
        control.after(new Element("p").addClass("coq-field-error").id(id).text(error));
        String described = control.attr("aria-describedby");
        control.attr("aria-invalid", "true").attr("aria-describedby", described.isEmpty() ? id : described + " " + id);
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
