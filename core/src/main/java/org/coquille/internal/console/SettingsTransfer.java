package org.coquille.internal.console;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coquille.core.Messages;
import org.coquille.core.Moderation;
import org.coquille.core.Objective;
import org.coquille.core.PageId;
import org.coquille.core.PageRules;
import org.coquille.core.PageSettings;
import org.coquille.core.PatternRule;
import org.coquille.inject.Placement;
import org.coquille.core.RuleViolation;
import org.coquille.core.User;
import org.coquille.core.VoteKind;
import org.coquille.core.Widget;
import org.coquille.http.HttpRequest;
import org.coquille.http.HttpResponse;

/**
 * Settings exported and imported as one JSON file: the settings saved for single pages and the URL patterns
 * saved in the console. An import is checked whole first, every error reported with its line, and written
 * all together or not at all.
 */
final class SettingsTransfer {

    /** The {@code format} a settings file declares. */
    static final String FORMAT = "coquille-settings";
    /** The largest file accepted, in characters. */
    static final int MAX_LENGTH = 5_000_000;

    /** One problem in an imported file: its line and the message (key and arguments). */
    record Problem(int line, String key, Object... args) { }

    /**
     * The page ({@code console/transfer.jte}): the export link and the import form.
     *
     * @param problems the problems of a refused import, in words, or {@code null}
     * @param typed    the file as pasted, shown again after a refused import
     */
    record View(Frame f, List<String> problems, String typed) { }

    private final ConsoleContext ctx;

    SettingsTransfer(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    HttpResponse show(HttpRequest request, User editor, List<Problem> problems, String typed) {
        Messages m = Messages.forLocale(request.locale());
        return ConsolePages.render("console/transfer.jte", new View(Frame.of(ctx, request, editor, "settings",
                m.get("console.settings.title")), problems == null ? null : problems.stream()
                .map(p -> m.get("console.import.line", p.line(), m.get(p.key(), p.args()))).toList(),
                typed == null ? "" : typed), problems == null ? 200 : 400);
    }

    HttpResponse export(HttpRequest request, User editor) {
        ObjectNode root = ctx.json().createObjectNode();
        root.put("format", FORMAT).put("version", 1);
        ArrayNode pages = root.putArray("pages");
        for (PageSettings s : ctx.store().pages().allSettings()) {
            write(pages.addObject().put("page", s.page().value()), s);
        }
        ArrayNode patterns = root.putArray("patterns");
        for (PatternRule r : ctx.store().settings().patternRules()) {
            write(patterns.addObject().put("pattern", r.pattern()), r.forPage(PageId.of("/")));
        }
        try {
            String text = ctx.json().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
            return ConsoleResponses.download("application/json; charset=utf-8", "coquille-settings.json", text + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Coquille could not write its settings as JSON", e);
        }
    }

    private static void write(ObjectNode node, PageSettings s) {
        ArrayNode widgets = node.putArray("widgets");
        s.widgets().stream().sorted().forEach(w -> widgets.add(SettingsFields.lower(w)));
        node.put("position", SettingsFields.position(s.placement()));
        node.put("vote", SettingsFields.lower(s.voteKind()));
        node.put("moderation", SettingsFields.lower(s.moderation()));
        node.put("locked", s.commentsLocked());
        Objective o = s.objective();
        if (o != null) {
            ObjectNode objective = node.putObject("objective").put("purpose", o.purpose().code());
            if (o.text() != null) {
                objective.put("text", o.text());
            }
            if (o.target() != null) {
                objective.put("target", o.target());
            }
            if (o.endDate() != null) {
                objective.put("endDate", o.endDate().toString());
            }
            objective.put("since", o.since().toString());
        }
    }

    HttpResponse importSettings(HttpRequest request, User editor) {
        String text = request.parameter("json") == null ? "" : request.parameter("json");
        List<PageSettings> pages = new ArrayList<>();
        List<PatternRule> patterns = new ArrayList<>();
        List<Problem> problems = read(text, pages, patterns);
        if (!problems.isEmpty()) {
            return show(request, editor, problems, text);
        }
        ctx.store().settings().importSettings(pages, patterns);
        ctx.audit(editor, "settings.import", pages.size() + " pages, " + patterns.size() + " patterns", null,
                String.join(", ", pages.stream().map(p -> p.page().value()).toList())
                        + (pages.isEmpty() || patterns.isEmpty() ? "" : ", ")
                        + String.join(", ", patterns.stream().map(PatternRule::pattern).toList()));
        return ConsoleResponses.done(ctx.base(request) + "settings", "imported");
    }

    /** Reads a settings file into {@code pages} and {@code patterns}, returning every problem found (none: it may be saved). */
    List<Problem> read(String text, List<PageSettings> pages, List<PatternRule> patterns) {
        List<Problem> problems = new ArrayList<>();
        if (text.isBlank()) {
            problems.add(new Problem(1, "console.import.empty"));
            return problems;
        }
        if (text.length() > MAX_LENGTH) {
            problems.add(new Problem(1, "console.import.tooLarge", MAX_LENGTH));
            return problems;
        }
        boolean formatSeen = false;
        try (JsonParser parser = ctx.json().getFactory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                problems.add(new Problem(line(parser.currentTokenLocation()), "console.import.notObject"));
                return problems;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                int line = line(parser.currentTokenLocation());
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "format" -> {
                        formatSeen = true;
                        if (value != JsonToken.VALUE_STRING || !FORMAT.equals(parser.getText())) {
                            problems.add(new Problem(line, "console.import.format", FORMAT));
                        }
                    }
                    case "version" -> {
                        if (value != JsonToken.VALUE_NUMBER_INT || parser.getIntValue() != 1) {
                            problems.add(new Problem(line, "console.import.version"));
                        }
                    }
                    case "pages", "patterns" -> readList(parser, field, line, pages, patterns, problems);
                    default -> {
                        problems.add(new Problem(line, "console.import.unknownField", field, "format, version, pages, patterns"));
                        parser.skipChildren();
                    }
                }
            }
            if (parser.nextToken() != null) {
                problems.add(new Problem(line(parser.currentTokenLocation()), "console.import.trailing"));
            }
        } catch (JsonProcessingException e) {
            problems.add(new Problem(line(e.getLocation()), "console.import.syntax", e.getOriginalMessage()));
            return problems;
        } catch (IOException e) {
            problems.add(new Problem(1, "console.import.syntax", e.getMessage()));
            return problems;
        }
        if (!formatSeen) {
            problems.add(0, new Problem(1, "console.import.format", FORMAT));
        }
        return problems;
    }

    private void readList(JsonParser parser, String field, int line, List<PageSettings> pages, List<PatternRule> patterns,
                          List<Problem> problems) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            problems.add(new Problem(line, "console.import.notList", field));
            parser.skipChildren();
            return;
        }
        Set<String> keys = new HashSet<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            int at = line(parser.currentTokenLocation());
            JsonNode node = ctx.json().readTree(parser);
            int before = problems.size();
            if (!node.isObject()) {
                problems.add(new Problem(at, "console.import.notEntry", field));
                continue;
            }
            boolean page = field.equals("pages");
            String keyField = page ? "page" : "pattern";
            String key = node.path(keyField).isTextual() ? node.get(keyField).asText() : null;
            PageSettings options = options(node, keyField, at, problems, LocalDate.now(ctx.clock().withZone(ctx.zone())));
            if (key == null) {
                problems.add(new Problem(at, "console.import.missing", keyField));
            } else if (!keys.add(key)) {
                problems.add(new Problem(at, "console.import.duplicate", key));
            } else if (page) {
                PageId id = null;
                try {
                    id = PageId.of(key);
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(at, "console.error.pageId", key));
                }
                if (id != null && options != null && problems.size() == before) {
                    pages.add(new PageSettings(id, options.widgets(), options.placement(), options.voteKind(),
                            options.moderation(), options.commentsLocked(), options.objective()));
                }
            } else if (!PatternRule.isValid(key)) {
                problems.add(new Problem(at, "console.error.pattern", key));
            } else if (options != null && problems.size() == before) {
                patterns.add(PatternRule.from(key, options));
            }
        }
    }

    /** The options of one entry, or {@code null} after adding its problems. */
    private static PageSettings options(JsonNode node, String keyField, int line, List<Problem> problems,
                                        LocalDate today) {
        int before = problems.size();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!List.of(keyField, "widgets", "position", "vote", "moderation", "locked", "objective").contains(name)) {
                problems.add(new Problem(line, "console.import.unknownField", name,
                        keyField + ", widgets, position, vote, moderation, locked, objective"));
            }
        }
        Set<Widget> widgets = EnumSet.noneOf(Widget.class);
        JsonNode list = node.path("widgets");
        if (!list.isMissingNode() && !list.isArray()) {
            problems.add(new Problem(line, "console.import.widgets"));
        }
        for (JsonNode w : list.isArray() ? list : List.<JsonNode>of()) {
            Widget widget = w.isTextual() ? enumOf(Widget.class, w.asText()) : null;
            if (widget == null) {
                problems.add(new Problem(line, "console.import.widget", w.asText(), "comments, vote, poll, reactions"));
            } else {
                widgets.add(widget);
            }
        }
        Placement placement = Placement.DEFAULT;
        if (!node.path("position").isMissingNode()) {
            String position = node.path("position").asText("");
            try {
                placement = PageRules.placement(position.strip());
                if (!placement.isDefault()) {
                    SettingsFields.checkSelector(placement.selector());
                }
            } catch (IllegalArgumentException | RuleViolation e) {
                problems.add(new Problem(line, "console.import.position", position));
            }
        }
        VoteKind vote = choice(node, "vote", VoteKind.class, VoteKind.THUMBS, "thumbs, stars", line, problems);
        Moderation moderation = choice(node, "moderation", Moderation.class, Moderation.POST, "post, pre", line, problems);
        JsonNode locked = node.path("locked");
        if (!locked.isMissingNode() && !locked.isBoolean()) {
            problems.add(new Problem(line, "console.import.locked"));
        }
        Objective objective = objective(node.path("objective"), line, problems, today);
        if (problems.size() > before) {
            return null;
        }
        return new PageSettings(PageId.of("/"), widgets, placement, vote, moderation, locked.asBoolean(false), objective);
    }

    /**
     * The objective of one entry ({@code {"purpose": "ideas", "target": 30, "endDate": "2026-03-31"}}), checked by the
     * same rules as the console's form; {@code null} when absent or after adding its problems. Without {@code since},
     * it counts from today.
     */
    private static Objective objective(JsonNode node, int line, List<Problem> problems, LocalDate today) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(new Problem(line, "console.import.objective"));
            return null;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!List.of("purpose", "text", "target", "endDate", "since").contains(name)) {
                problems.add(new Problem(line, "console.import.unknownField", name, "purpose, text, target, endDate, since"));
            }
        }
        int before = problems.size();
        if (!node.path("purpose").isTextual() || node.get("purpose").asText().isBlank()) {
            problems.add(new Problem(line, "objective.error.purpose", node.path("purpose").asText("")));
        }
        JsonNode target = node.path("target");
        if (!target.isMissingNode() && !target.isNull() && !target.canConvertToInt()) {
            problems.add(new Problem(line, "objective.error.target", target.asText()));
        }
        LocalDate since = today;
        if (node.hasNonNull("since")) {
            try {
                since = LocalDate.parse(node.get("since").asText().strip());
            } catch (DateTimeParseException e) {
                problems.add(new Problem(line, "objective.error.since", node.get("since").asText()));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            return Objective.parse(node.get("purpose").asText(), textOf(node.path("text")),
                    target.isMissingNode() || target.isNull() ? null : target.asText(), textOf(node.path("endDate")), since);
        } catch (RuleViolation e) {
            problems.add(new Problem(line, e.key(), e.args()));
            return null;
        }
    }

    private static String textOf(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static <E extends Enum<E>> E choice(JsonNode node, String field, Class<E> type, E fallback, String allowed,
                                                int line, List<Problem> problems) {
        JsonNode value = node.path(field);
        if (value.isMissingNode()) {
            return fallback;
        }
        E parsed = value.isTextual() ? enumOf(type, value.asText()) : null;
        if (parsed == null) {
            problems.add(new Problem(line, "console.import.choice", field, value.asText(), allowed));
        }
        return parsed;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int line(JsonLocation location) {
        return location == null ? 1 : Math.max(1, location.getLineNr());
    }
}
