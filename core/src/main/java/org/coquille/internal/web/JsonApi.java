package org.coquille.internal.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.coquille.social.Ideas;
import org.coquille.core.Messages;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.RuleViolation;
import org.coquille.core.Widget;
import org.coquille.http.HttpRequest;
import org.coquille.http.HttpResponse;

/**
 * The JSON API: {@code GET api/page?page=/x} reads a page's widgets; {@code POST api/<action>} with a
 * JSON body (and the {@code X-Coquille-Csrf} header) acts. Errors are RFC 9457 problem details.
 */
final class JsonApi {

    private static final int MAX_BODY = 64 * 1024;

    private final Web web;
    private final ObjectMapper json;

    JsonApi(Web web) {
        this.web = web;
        this.json = web.json;
    }

    HttpResponse route(HttpRequest request, String path) {
        Messages m = Messages.forLocale(request.locale());
        try {
            if (path.equals("page")) {
                return request.method().equals("GET") || request.method().equals("HEAD") ? read(request)
                        : Problems.methodNotAllowed(json, request, "GET, HEAD");
            }
            if (ActionRequest.ACTIONS.contains(path)) {
                return request.method().equals("POST") ? act(request, path, m)
                        : Problems.methodNotAllowed(json, request, "POST");
            }
            return Problems.problem(json, 404, "not-found", m.get("error.notFound"),
                    "No API operation " + request.method() + " " + path
                            + "; operations are GET page, POST " + String.join(", POST ", ActionRequest.ACTIONS));
        } catch (RuleViolation e) {
            return Problems.problem(json, e.kind().status(), e.key().replace('.', '-'), e.message(m.locale()),
                    e.message(m.locale()));
        } catch (BadRequest e) {
            return Problems.problem(json, 400, "bad-request", m.get("error.badRequest", e.getMessage()), e.getMessage());
        }
    }

    private HttpResponse read(HttpRequest request) {
        PageId page = page(request.parameter("page"));
        PageSettings settings = web.pages.settings(page);
        if (!settings.anyOn()) {
            throw new RuleViolation(RuleViolation.Kind.NOT_FOUND, "rule.widget.off", "any");
        }
        Viewer viewer = web.viewers.of(request);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("page", page.value());
        state.put("widgets", settings.widgets());
        state.put("csrf", web.guard.token(viewer.key()));
        state.put("user", viewer.user() == null ? null : viewer.user().id());
        if (settings.isOn(Widget.COMMENTS)) {
            state.put("comments", web.comments.visibleTo(viewer.user(), page));
        }
        if (settings.isOn(Widget.VOTE)) {
            state.put("vote", web.votes.summary(viewer.user(), page));
        }
        if (settings.isOn(Widget.POLL)) {
            state.put("polls", web.polls.viewsOf(viewer.user(), page));
        }
        if (settings.isOn(Widget.REACTIONS)) {
            state.put("reactions", web.reactions.summary(viewer.user(), page));
        }
        if (settings.isOn(Widget.IDEAS)) {
            state.put("ideas", web.ideas.box(viewer.user(), page, Ideas.Order.parse(request.parameter("order"))));
        }
        if (settings.isOn(Widget.DATE_POLL)) {
            state.put("datePolls", web.datePolls.viewsOf(viewer.user(), page));
        }
        return ok(state);
    }

    private HttpResponse act(HttpRequest request, String action, Messages m) {
        String type = request.header("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return Problems.problem(json, 415, "unsupported-media-type", m.get("error.badRequest", "Content-Type"),
                    "POST api/" + action + " takes a JSON body with Content-Type: application/json");
        }
        Viewer viewer = web.viewers.of(request);
        if (!web.guard.originAllowed(request)) {
            throw new RuleViolation(RuleViolation.Kind.FORBIDDEN, "error.origin");
        }
        if (!web.guard.tokenValid(request, viewer.key(), null)) {
            throw new RuleViolation(RuleViolation.Kind.FORBIDDEN, "error.csrf");
        }
        if (viewer.user() == null) {
            // the JSON API is for signed-in users and anonymous visitors who already have their cookie
            throw new RuleViolation(RuleViolation.Kind.FORBIDDEN, "rule.anonymous");
        }
        ActionRequest parsed = parse(action, body(request));
        if (!web.rateLimiter.tryWrite(viewer.key())) {
            throw new RuleViolation(RuleViolation.Kind.TOO_MANY, "rule.rateLimit");
        }
        return ok(web.actions.perform(viewer.user(), parsed).result().get());
    }

    private JsonNode body(HttpRequest request) {
        try {
            JsonNode node = json.readTree(request.body(MAX_BODY));
            if (node == null || !node.isObject()) {
                throw new BadRequest("the body must be a JSON object");
            }
            return node;
        } catch (HttpRequest.BodyTooLargeException e) {
            throw new BadRequest("the body is larger than " + MAX_BODY + " bytes");
        } catch (JsonProcessingException e) {
            throw new BadRequest("the body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new BadRequest("the body could not be read");
        }
    }

    private static ActionRequest parse(String action, JsonNode body) {
        Set<Integer> options = new LinkedHashSet<>();
        JsonNode chosen = body.path("options");
        if (!chosen.isMissingNode() && !chosen.isArray()) {
            throw new BadRequest("the field 'options' must be an array of option numbers");
        }
        for (JsonNode option : chosen) {
            options.add(integer(option, "options"));
        }
        JsonNode vote = body.path("vote");
        Integer voteValue = vote.isMissingNode() || vote.isNull() ? null : integer(vote, "vote");
        Map<Integer, String> slots = new TreeMap<>();
        JsonNode answers = body.path("slots");
        if (!answers.isMissingNode() && !answers.isObject()) {
            throw new BadRequest("the field 'slots' must be an object of slot numbers to yes, maybe or no");
        }
        for (Map.Entry<String, JsonNode> answer : answers.properties()) {
            if (!answer.getValue().isTextual()) {
                throw new BadRequest("the answers in 'slots' must be \"yes\", \"maybe\" or \"no\"");
            }
            try {
                slots.put(Integer.valueOf(answer.getKey()), answer.getValue().textValue());
            } catch (NumberFormatException e) {
                throw new BadRequest("the keys of 'slots' must be slot numbers, was '" + answer.getKey() + "'");
            }
        }
        JsonNode slot = body.path("slot");
        Integer slotValue = slot.isMissingNode() || slot.isNull() ? null : integer(slot, "slot");
        JsonNode on = body.path("on");
        if (!on.isMissingNode() && !on.isBoolean()) {
            throw new BadRequest("the field 'on' must be true or false");
        }
        return new ActionRequest(action, body.hasNonNull("page") ? page(body.get("page").asText()) : null,
                text(body, "body"), number(body, "parent"), number(body, "comment"),
                voteValue, number(body, "poll"), options, text(body, "emoji"),
                on.isMissingNode() || on.booleanValue(), number(body, "idea"), text(body, "title"),
                text(body, "status"), number(body, "datePoll"), slotValue, slots);
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new BadRequest("the field '" + field + "' must be a string");
        }
        return node.textValue();
    }

    private static Long number(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            // named as sent: Jackson's longValue() of 10^20 or of 1.5 would be another number
            throw new BadRequest("the field '" + field + "' must be an id, a whole number of at most 19 digits, was "
                    + node);
        }
        return node.longValue();
    }

    /** A whole number that fits an int, or a {@link BadRequest} naming the value as sent (never a wrapped one). */
    private static int integer(JsonNode node, String field) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new BadRequest("the field '" + field + "' must hold whole numbers from " + Integer.MIN_VALUE + " to "
                    + Integer.MAX_VALUE + ", was " + node);
        }
        return node.intValue();
    }

    private static PageId page(String value) {
        if (value == null) {
            throw new BadRequest("the field 'page' is missing");
        }
        try {
            return PageId.of(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    private HttpResponse ok(Object value) {
        try {
            return new HttpResponse(200, List.of(Map.entry("Content-Type", "application/json"),
                    Map.entry("Cache-Control", "no-store")), json.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the JSON answer", e);
        }
    }
}
