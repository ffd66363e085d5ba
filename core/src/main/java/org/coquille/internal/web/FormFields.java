package org.coquille.internal.web;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;

import org.coquille.social.DatePolls;
import org.coquille.core.PageId;
import org.coquille.http.HttpRequest;

/** Reads a widget form post into an {@link ActionRequest}; a malformed field is a {@link BadRequest} naming it. */
final class FormFields {

    private FormFields() {
    }

    static ActionRequest parse(HttpRequest request, String action, PageId page) {
        if (!ActionRequest.ACTIONS.contains(action)) {
            throw new BadRequest("unknown action '" + action + "'");
        }
        String vote = request.parameter("coq_vote");
        Set<Integer> options = new LinkedHashSet<>();
        for (String option : request.parameters("coq_option")) {
            options.add(integer(option, "coq_option"));
        }
        String reaction = request.parameter("coq_reaction");
        String emoji = null;
        boolean on = true;
        if (reaction != null) {
            if (reaction.startsWith("on:") || reaction.startsWith("off:")) {
                on = reaction.startsWith("on:");
                emoji = reaction.substring(reaction.indexOf(':') + 1);
            } else {
                emoji = reaction;
            }
        }
        if (action.equals("idea/vote")) {
            on = !"off".equals(request.parameter("coq_on"));
        }
        Map<Integer, String> slots = new TreeMap<>();
        for (int i = 0; i < DatePolls.MAX_SLOTS; i++) {
            String answer = request.parameter("coq_slot_" + i);
            if (answer != null && !answer.isEmpty()) {
                slots.put(i, answer);
            }
        }
        String slot = request.parameter("coq_slot");
        return new ActionRequest(action, page, request.parameter("coq_body"), number(request, "coq_parent"),
                number(request, "coq_comment"), vote == null || vote.isEmpty() ? null : integer(vote, "coq_vote"),
                number(request, "coq_poll"), options, emoji, on, number(request, "coq_idea"),
                request.parameter("coq_title"), request.parameter("coq_status"), number(request, "coq_datepoll"),
                slot == null || slot.isEmpty() ? null : integer(slot, "coq_slot"), slots);
    }

    static Long longOrNull(String value) {
        try {
            return value == null || value.isEmpty() ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long number(HttpRequest request, String field) {
        String value = request.parameter(field);
        if (value == null || value.isEmpty()) {
            return null;
        }
        Long number = longOrNull(value);
        if (number == null) {
            throw new BadRequest("the field '" + field + "' must be a whole number of at most 19 digits, was '" + value + "'");
        }
        return number;
    }

    private static int integer(String value, String field) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest("the field '" + field + "' must be a whole number, was '" + value + "'");
        }
    }
}
