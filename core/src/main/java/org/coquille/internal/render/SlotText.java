package org.coquille.internal.render;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.coquille.core.DateSlot;
import org.coquille.core.Messages;

/** A date poll's slot as people read it, in the installation's time zone: the widget and the console say it alike. */
public final class SlotText {

    private final ZoneId zone;
    private final Map<Locale, DateTimeFormatter[]> formatters = new ConcurrentHashMap<>();

    public SlotText(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** "Monday 2 March 2026, 09:00 – 10:00" in the language of {@code m}. */
    public String of(Messages m, DateSlot slot) {
        ZonedDateTime start = slot.start().atZone(zone);
        ZonedDateTime end = slot.end().atZone(zone);
        DateTimeFormatter[] dayAndTime = formatters.computeIfAbsent(m.locale(), l -> new DateTimeFormatter[] {
                DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(l),
                DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(l)});
        DateTimeFormatter day = dayAndTime[0];
        DateTimeFormatter time = dayAndTime[1];
        if (start.toLocalDate().equals(end.toLocalDate())) {
            return m.get("ui.datePoll.sameDay", day.format(start), time.format(start), time.format(end));
        }
        return m.get("ui.datePoll.days", day.format(start), time.format(start), day.format(end), time.format(end));
    }
}
