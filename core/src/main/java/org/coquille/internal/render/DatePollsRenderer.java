package org.coquille.internal.render;

import java.time.ZoneId;
import java.util.List;

import org.coquille.core.Availability;
import org.coquille.core.DatePoll;
import org.coquille.core.DatePollResults;
import org.coquille.social.DatePolls;
import org.coquille.core.DateSlot;
import org.coquille.core.Messages;
import org.coquille.core.Widget;

/**
 * Renders date polls: a table of slots with the viewer's yes / if need be / no for each and everyone's counts, the
 * best slots marked, and once an editor closed it, the chosen date with its calendar event.
 */
final class DatePollsRenderer {

    private final SlotText slotText;

    DatePollsRenderer(ZoneId zone) {
        this.slotText = new SlotText(zone);
    }

    void render(Html html, WidgetModel model) {
        html.open("div", "class", "coq-datepolls", "id", model.id("coq-datepolls"));
        for (DatePolls.View view : model.datePolls()) {
            poll(html, model, view);
        }
        html.close("div");
    }

    private void poll(Html html, WidgetModel model, DatePolls.View view) {
        Messages m = model.messages();
        DatePoll poll = view.poll();
        String id = model.id("coq-datepoll-" + poll.id());
        html.open("div", "class", "coq-widget coq-datepoll", "id", id);
        WidgetModel.Notice notice = model.noticeFor(Widget.DATE_POLL);
        if (notice != null && (notice.target() == null || notice.target() == poll.id())) {
            Forms.notice(html, notice);
        }
        html.element("h2", poll.title(), "class", "coq-title");
        if (poll.closed()) {
            html.open("p", "class", "coq-chosen").text(m.get("ui.datePoll.chosen") + " ")
                    .element("strong", slot(m, poll.chosenSlot())).close("p");
            String calendar = model.links().calendar(poll.id());
            if (calendar != null) {
                html.open("p").element("a", m.get("ui.datePoll.calendar"), "href", calendar, "class", "coq-link",
                        "download", "").close("p");
            }
        }
        boolean answerable = model.canWrite() && !poll.closed();
        if (answerable) {
            Forms.open(html, model, "datepoll", "coq-form");
            Forms.hidden(html, model, "coq_datepoll", String.valueOf(poll.id()));
        }
        table(html, model, view, id, answerable);
        if (answerable) {
            html.element("button", m.get(view.mine().isEmpty() ? "ui.datePoll.answer" : "ui.datePoll.change"),
                    "type", "submit");
            html.close("form");
        }
        html.element("p", m.get("ui.poll.participants", view.results().participants()), "class", "coq-meta");
        if (!poll.closed() && model.viewer() != null && model.viewer().editor()) {
            closeForm(html, model, view, id);
        }
        html.close("div");
    }

    private void table(Html html, WidgetModel model, DatePolls.View view, String id, boolean answerable) {
        Messages m = model.messages();
        List<Integer> best = view.best();
        html.open("table", "class", "coq-datepoll-table");
        html.element("caption", m.get("ui.datePoll.caption"));
        html.open("thead").open("tr");
        html.element("th", m.get("ui.datePoll.slot"), "scope", "col");
        if (answerable) {
            html.element("th", m.get("ui.datePoll.yours"), "scope", "col");
        }
        html.element("th", m.get("ui.datePoll.yes"), "scope", "col");
        html.element("th", m.get("ui.datePoll.ifNeedBe"), "scope", "col");
        html.element("th", m.get("ui.datePoll.no"), "scope", "col");
        html.close("tr").close("thead").open("tbody");
        for (int i = 0; i < view.poll().slots().size(); i++) {
            String when = slot(m, view.poll().slots().get(i));
            boolean isBest = best.contains(i);
            boolean isChosen = view.poll().chosen() != null && view.poll().chosen() == i;
            html.open("tr", "class", isChosen ? "coq-chosen-slot" : isBest ? "coq-best" : null);
            html.open("th", "scope", "row").text(when);
            if (isChosen) {
                html.text(" ").element("span", m.get("ui.datePoll.chosenMark"), "class", "coq-badge");
            } else if (isBest) {
                html.text(" ").element("span", m.get("ui.datePoll.best"), "class", "coq-badge");
            }
            html.close("th");
            if (answerable) {
                html.open("td").open("fieldset", "class", "coq-slot-answer");
                html.element("legend", m.get("ui.datePoll.legend", when), "class", "coq-sr-only");
                for (Availability a : Availability.values()) {
                    String radio = id + "-" + i + "-" + a.formValue();
                    html.open("input", "type", "radio", "id", radio, "name", model.field("coq_slot_" + i),
                            "value", a.formValue(), "checked", view.mine().get(i) == a ? "" : null);
                    html.element("label", m.get("ui.datePoll." + a.formValue()), "for", radio);
                }
                html.close("fieldset").close("td");
            }
            DatePollResults.SlotTally t = view.results().slots().get(i);
            // the labels show beside the counts where a phone stacks the table's cells
            html.element("td", String.valueOf(t.yes()), "data-label", m.get("ui.datePoll.yes"));
            html.element("td", String.valueOf(t.ifNeedBe()), "data-label", m.get("ui.datePoll.ifNeedBe"));
            html.element("td", String.valueOf(t.no()), "data-label", m.get("ui.datePoll.no"));
            html.close("tr");
        }
        html.close("tbody").close("table");
    }

    private void closeForm(Html html, WidgetModel model, DatePolls.View view, String id) {
        Messages m = model.messages();
        List<Integer> best = view.best();
        Forms.open(html, model, "datepoll/close", "coq-form coq-datepoll-close");
        Forms.hidden(html, model, "coq_datepoll", String.valueOf(view.poll().id()));
        html.element("label", m.get("ui.datePoll.choose"), "for", id + "-choice");
        html.open("select", "id", id + "-choice", "name", model.field("coq_slot"));
        for (int i = 0; i < view.poll().slots().size(); i++) {
            html.element("option", slot(m, view.poll().slots().get(i)), "value", String.valueOf(i),
                    "selected", !best.isEmpty() && best.get(0) == i ? "" : null);
        }
        html.close("select");
        html.element("button", m.get("ui.datePoll.close"), "type", "submit");
        html.close("form");
    }

    private String slot(Messages m, DateSlot slot) {
        return slotText.of(m, slot);
    }
}
