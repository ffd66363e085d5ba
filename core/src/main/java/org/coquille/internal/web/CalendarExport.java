package org.coquille.internal.web;

import java.time.ZoneId;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;

import org.coquille.core.DatePoll;
import org.coquille.social.DatePolls;
import org.coquille.core.Messages;
import org.coquille.core.RuleViolation;
import org.coquille.http.HttpRequest;
import org.coquille.http.HttpResponse;

/**
 * Serves the date a closed date poll chose as an iCalendar event ({@code calendar/datepoll-<id>.ics}), written by
 * biweekly, so that participants can add it to their calendar.
 */
public final class CalendarExport {

    /** Where the events are, under the prefix. */
    static final String PATH = "calendar/";

    private static final Pattern FILE = Pattern.compile("datepoll-([0-9]{1,18})\\.ics");

    private final DatePolls datePolls;
    private final ObjectMapper json;
    private final ZoneId zone;

    /** @param zone the installation's time zone, which the events' times are written in */
    CalendarExport(DatePolls datePolls, ObjectMapper json, ZoneId zone) {
        this.datePolls = datePolls;
        this.json = json;
        this.zone = zone;
    }

    /** The link to the event of date poll {@code id}, relative to the prefix. */
    public static String path(long id) {
        return PATH + "datepoll-" + id + ".ics";
    }

    HttpResponse serve(HttpRequest request, String file) {
        Messages m = Messages.forLocale(request.locale());
        Matcher name = FILE.matcher(file);
        if (!name.matches()) {
            return Problems.problem(json, 404, "not-found", m.get("error.notFound"), request.path());
        }
        long id = Long.parseLong(name.group(1));
        DatePoll poll;
        try {
            poll = datePolls.chosen(id);
        } catch (RuleViolation e) {
            return Problems.problem(json, e.kind().status(), e.key().replace('.', '-'), e.message(m.locale()),
                    e.message(m.locale()));
        }
        return HttpResponse.of(200, "text/calendar; charset=utf-8", event(poll, request.header("Host"), zone))
                .withHeader("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .withHeader("Cache-Control", "no-store");
    }

    /**
     * The iCalendar text of {@code poll}'s chosen slot: one event, its times in {@code zone} (a {@code TZID} and the
     * zone's {@code VTIMEZONE}), or in UTC ({@code Z}) when the zone is UTC, which needs no definition; with a stable UID.
     */
    static String event(DatePoll poll, String host, ZoneId zone) {
        ICalendar calendar = new ICalendar();
        if (!zone.normalized().equals(java.time.ZoneOffset.UTC)) {
            calendar.getTimezoneInfo().setDefaultTimezone(CalendarZone.of(zone, poll.chosenSlot().start(),
                    poll.chosenSlot().end()));
        }
        calendar.setProductId("-//Coquille//Date poll//EN");
        VEvent event = new VEvent();
        String domain = host == null || !host.matches("[A-Za-z0-9.:\\-\\[\\]]{1,255}") ? "coquille" : host;
        event.setUid("datepoll-" + poll.id() + "@" + domain);
        event.setSummary(poll.title());
        event.setDateStart(Date.from(poll.chosenSlot().start()));
        event.setDateEnd(Date.from(poll.chosenSlot().end()));
        event.setDescription(poll.page().value());
        calendar.addEvent(event);
        return Biweekly.write(calendar).go();
    }
}
