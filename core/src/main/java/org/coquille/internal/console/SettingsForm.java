package org.coquille.internal.console;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.coquille.core.Messages;
import org.coquille.core.NamedPosition;
import org.coquille.core.Objective;
import org.coquille.core.PageSettings;
import org.coquille.core.Widget;
import org.coquille.inject.Placement;
import org.coquille.http.HttpRequest;

/**
 * The fields that say what Coquille does on a page or a URL pattern, as {@code console/settings.jte} shows them: the
 * values of some settings, or what the editor typed when the form comes back with an error. Names and ids start with
 * {@code ns}: empty in the console, the portlet's namespace in a portlet's EDIT mode.
 *
 * @param prompt whether widgets are on without objective (the form asks for one: optional, but the report is built on it)
 * @param since  the day the objective was set, or {@code null}, in the editor's language
 * @param positions the places a site administrator named, offered before the CSS selector
 */
record SettingsForm(Messages m, String ns, Set<Widget> widgets, String anchor, String selector, String vote,
                    String moderation, boolean locked, String purpose, String objectiveText, String target,
                    String endDate, String since, boolean prompt, List<NamedPosition> positions) {

    /** The form showing {@code current}, without named positions. */
    static SettingsForm of(Messages m, String ns, PageSettings current) {
        return of(m, ns, current, List.of());
    }

    /** The form showing {@code current}; a placement that is one of {@code positions} is shown by its name. */
    static SettingsForm of(Messages m, String ns, PageSettings current, List<NamedPosition> positions) {
        Objective o = current.objective();
        Placement placement = current.placement();
        boolean named = positions.stream().anyMatch(p -> p.placement().equals(placement));
        return new SettingsForm(m, ns, current.widgets(),
                named ? value(placement) : SettingsFields.lower(placement.anchor()).replace("body_end", "default"),
                named ? null : placement.selector(), SettingsFields.lower(current.voteKind()),
                SettingsFields.lower(current.moderation()), current.commentsLocked(), o == null ? "" : o.purpose().code(),
                o == null ? null : o.text(), o == null || o.target() == null ? null : String.valueOf(o.target()),
                o == null || o.endDate() == null ? null : o.endDate().toString(), o == null ? null
                        : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(m.locale()).format(o.since()),
                current.anyOn() && o == null, List.copyOf(positions));
    }

    /** A named position's option value: its anchor and selector, as {@link SettingsFields#read} takes them. */
    private static String value(Placement placement) {
        return SettingsFields.lower(placement.anchor()) + " " + placement.selector();
    }

    /** This form with what the editor typed for the position and the objective, when the form comes back with an error. */
    SettingsForm keepTyped(HttpRequest request) {
        return new SettingsForm(m, ns, widgets, or(request.parameter("anchor"), anchor),
                or(request.parameter("selector"), selector), vote, moderation, locked,
                or(request.parameter("objective"), purpose), or(request.parameter("objectiveText"), objectiveText),
                or(request.parameter("target"), target), or(request.parameter("endDate"), endDate), since, prompt, positions);
    }

    /** This form with the widgets the editor ticked ticked too. */
    SettingsForm keepTicked(HttpRequest request) {
        Set<Widget> ticked = widgets.isEmpty() ? EnumSet.noneOf(Widget.class) : EnumSet.copyOf(widgets);
        for (Widget w : Widget.values()) {
            if (request.parameters("widget").contains(SettingsFields.lower(w))) {
                ticked.add(w);
            }
        }
        return new SettingsForm(m, ns, ticked, anchor, selector, vote, moderation, locked, purpose, objectiveText,
                target, endDate, since, prompt, positions);
    }

    private static String or(String typed, String shown) {
        return typed != null ? typed : shown;
    }

    String widgetName(Widget w) {
        return SettingsFields.capitalised(m, m.get("widget." + SettingsFields.lower(w)));
    }

    /** Where the widgets go: at the end, the named positions, then before, after or in the element of a selector. */
    List<Choice> anchors() {
        List<Choice> anchors = new ArrayList<>();
        anchors.add(choice("default", "console.anchor.default"));
        positions.forEach(p -> anchors.add(new Choice(value(p.placement()), p.name())));
        anchors.addAll(List.of(choice("before", "console.anchor.before"), choice("after", "console.anchor.after"),
                choice("inside", "console.anchor.inside")));
        return anchors;
    }

    List<Choice> votes() {
        return List.of(choice("thumbs", "console.vote.thumbs"), choice("stars", "console.vote.stars"));
    }

    List<Choice> moderations() {
        return List.of(choice("post", "console.moderation.post"), choice("pre", "console.moderation.pre"));
    }

    List<Choice> purposes() {
        List<Choice> purposes = new ArrayList<>();
        purposes.add(choice("", "console.objective.none"));
        for (Objective.Purpose p : Objective.Purpose.values()) {
            purposes.add(choice(p.code(), "objective.purpose." + p.code()));
        }
        return purposes;
    }

    private Choice choice(String value, String key) {
        return new Choice(value, m.get(key));
    }
}
