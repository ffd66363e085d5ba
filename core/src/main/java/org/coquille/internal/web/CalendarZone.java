package org.coquille.internal.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.TimeZone;

import biweekly.component.DaylightSavingsTime;
import biweekly.component.Observance;
import biweekly.component.StandardTime;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.util.DateTimeComponents;
import biweekly.util.UtcOffset;

/**
 * The installation's time zone as a calendar file carries it: a {@code VTIMEZONE} named by the zone's id, its
 * observances taken from the JDK's rules around the event (the offset in force at its start, and every change until
 * its end), so that calendar applications show the event at the local time it was typed, with no download.
 */
final class CalendarZone {

    private CalendarZone() {
    }

    /** The assignment that makes biweekly write times in {@code zone}, with its {@code VTIMEZONE}, for an event from {@code start} to {@code end}. */
    static TimezoneAssignment of(ZoneId zone, Instant start, Instant end) {
        VTimezone component = new VTimezone(zone.getId());
        ZoneRules rules = zone.getRules();
        ZoneOffsetTransition before = rules.previousTransition(start.plusSeconds(1));
        if (before == null) {
            ZoneOffset offset = rules.getOffset(start);
            component.addStandardTime(observance(new StandardTime(), LocalDateTime.of(1970, 1, 1, 0, 0), offset, offset));
        } else {
            ZoneOffsetTransition t = before;
            while (t != null && !t.getInstant().isAfter(end)) {
                add(component, rules, t);
                t = rules.nextTransition(t.getInstant());
            }
        }
        return new TimezoneAssignment(TimeZone.getTimeZone(zone), component);
    }

    private static void add(VTimezone component, ZoneRules rules, ZoneOffsetTransition t) {
        if (rules.isDaylightSavings(t.getInstant())) {
            component.addDaylightSavingsTime(observance(new DaylightSavingsTime(), t.getDateTimeBefore(),
                    t.getOffsetBefore(), t.getOffsetAfter()));
        } else {
            component.addStandardTime(observance(new StandardTime(), t.getDateTimeBefore(), t.getOffsetBefore(),
                    t.getOffsetAfter()));
        }
    }

    private static <T extends Observance> T observance(T observance, LocalDateTime from, ZoneOffset before,
                                                       ZoneOffset after) {
        observance.setDateStart(new DateTimeComponents(from.getYear(), from.getMonthValue(), from.getDayOfMonth(),
                from.getHour(), from.getMinute(), from.getSecond(), false));
        observance.setTimezoneOffsetFrom(new UtcOffset(before.getTotalSeconds() * 1000L));
        observance.setTimezoneOffsetTo(new UtcOffset(after.getTotalSeconds() * 1000L));
        return observance;
    }
}
