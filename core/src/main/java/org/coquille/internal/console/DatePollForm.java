package org.coquille.internal.console;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.coquille.core.DatePoll;
import org.coquille.social.DatePolls;
import org.coquille.core.DateSlot;
import org.coquille.core.RuleViolation;
import org.coquille.http.HttpRequest;

/**
 * What an editor typed in the date poll form, kept as text so that it comes back as typed: the page, the title, the
 * length of a date given without an end time, and one row per date (day, start time, optional end time). The rows
 * are numbered as the use case numbers the slots: the filled ones first, blank ones after.
 *
 * @param page   the page id or URL typed
 * @param title  the title typed
 * @param length the minutes a date lasts when its row has no end time, as typed
 * @param rows   the rows shown, filled ones first
 */
record DatePollForm(String page, String title, String length, List<SlotRow> rows) {

    /** The blank rows a new form offers, and how many more "add more dates" gives. */
    static final int ROWS = 6;
    /** The lengths offered for dates without an end time, in minutes. */
    static final List<Integer> LENGTHS = List.of(30, 60, 90, 120, 180, 240, 480);
    /** The most rows read from a post: well above the use case's limit, so that its message counts them right. */
    private static final int READ_LIMIT = 100;

    /**
     * One date as typed.
     *
     * @param date  the day, {@code yyyy-mm-dd}
     * @param start the start time, {@code hh:mm}
     * @param end   the end time, {@code hh:mm}, or empty
     */
    record SlotRow(String date, String start, String end) {

        static final SlotRow BLANK = new SlotRow("", "", "");

        boolean blank() {
            return date.isBlank() && start.isBlank() && end.isBlank();
        }
    }

    DatePollForm {
        rows = List.copyOf(rows);
    }

    /** An empty form for a new date poll on {@code page} (may be empty). */
    static DatePollForm blank(String page) {
        return new DatePollForm(page, "", "60", padded(List.of(), ROWS));
    }

    /** The form of a stored date poll, its slots in {@code zone}. */
    static DatePollForm of(DatePoll poll, ZoneId zone) {
        List<SlotRow> rows = new ArrayList<>();
        for (DateSlot slot : poll.slots()) {
            ZonedDateTime start = slot.start().atZone(zone);
            ZonedDateTime end = slot.end().atZone(zone);
            rows.add(new SlotRow(start.toLocalDate().toString(), time(start.toLocalTime()), time(end.toLocalTime())));
        }
        return new DatePollForm(poll.page().value(), poll.title(), "60", padded(rows, ROWS));
    }

    /** The form as posted: rows {@code date_1}, {@code start_1}, {@code end_1}, ... up to the first one missing. */
    static DatePollForm read(HttpRequest request) {
        List<SlotRow> filled = new ArrayList<>();
        int posted = 0;
        for (int i = 1; i <= READ_LIMIT; i++) {
            String date = request.parameter("date_" + i);
            String start = request.parameter("start_" + i);
            String end = request.parameter("end_" + i);
            if (date == null && start == null && end == null) {
                break;
            }
            posted = i;
            SlotRow row = new SlotRow(text(date), text(start), text(end));
            if (!row.blank()) {
                filled.add(row);
            }
        }
        String length = text(request.parameter("length"));
        return new DatePollForm(text(request.parameter("page")), text(request.parameter("title")),
                length.isEmpty() ? "60" : length, padded(filled, Math.max(posted, ROWS)));
    }

    /** The same form with {@link #ROWS} more blank rows. */
    DatePollForm withMoreRows() {
        return new DatePollForm(page, title, length, padded(rows, rows.size() + ROWS));
    }

    /** Whether the form may offer more rows: not beyond the most slots a date poll has. */
    boolean mayGrow() {
        return rows.size() < DatePolls.MAX_SLOTS;
    }

    /**
     * The slots of the filled rows, in {@code zone}; a row that is not a day and a time is refused with its number.
     * The use case checks the rest (how many, order, duplicates).
     */
    List<DateSlot> slots(ZoneId zone) {
        Duration lasts = Duration.ofMinutes(lengthMinutes());
        List<DateSlot> slots = new ArrayList<>();
        for (int i = 0; i < rows.size() && !rows.get(i).blank(); i++) {
            SlotRow row = rows.get(i);
            int number = i + 1;
            if (row.date().isBlank()) {
                throw new RuleViolation(RuleViolation.Kind.INVALID, "console.datePolls.error.noDay", number);
            }
            LocalDate day = parse(() -> LocalDate.parse(row.date()), "console.datePolls.error.day", number, row.date());
            if (row.start().isBlank()) {
                throw new RuleViolation(RuleViolation.Kind.INVALID, "console.datePolls.error.noStart", number);
            }
            LocalTime start = parse(() -> LocalTime.parse(row.start()), "console.datePolls.error.time", number, row.start());
            LocalDateTime from = day.atTime(start);
            LocalDateTime to = row.end().isBlank() ? from.plus(lasts)
                    : day.atTime(parse(() -> LocalTime.parse(row.end()), "console.datePolls.error.time", number, row.end()));
            slots.add(new DateSlot(from.atZone(zone).toInstant(), to.atZone(zone).toInstant()));
        }
        return slots;
    }

    private int lengthMinutes() {
        try {
            int minutes = Integer.parseInt(length);
            if (LENGTHS.contains(minutes)) {
                return minutes;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new RuleViolation(RuleViolation.Kind.INVALID, "console.error.field", "length", length);
    }

    private interface Parse<T> {
        T run();
    }

    private static <T> T parse(Parse<T> parse, String key, int number, String typed) {
        try {
            return parse.run();
        } catch (DateTimeParseException e) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, key, number, typed);
        }
    }

    private static List<SlotRow> padded(List<SlotRow> filled, int size) {
        List<SlotRow> rows = new ArrayList<>(filled);
        while (rows.size() < size) {
            rows.add(SlotRow.BLANK);
        }
        return rows;
    }

    private static String time(LocalTime time) {
        return time.truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
