package org.coquille.inject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Works out the end tags a body-end fragment must begin with so that a browser puts it in {@code <body>}, whatever the
 * page leaves open where it goes: an unclosed table (which would foster-parent the fragment above it), link, button,
 * form (whose pointer would drop the fragment's own forms), formatting element (which would be reopened inside it),
 * select, template, or SVG or MathML element.
 *
 * <p>The HTML5 parser (jsoup) is the oracle: the page's text before the insertion point is parsed followed by a probe: a
 * word, then a {@code <div>} (which, like the widget's {@code <section>}, closes an open {@code <p>}) holding the word
 * and a {@code <form>}. Where the first word lands says what is open (its ancestors, innermost first, after the table
 * still open when the {@code <div>} was foster-parented before it); their end tags are added and the page parsed again,
 * until the {@code <div>} is the last child of {@code <body>} with its word and its form as its own children. A page
 * where no end tags get there (a frameset page, or one that a few rounds do not settle) gets none: null.
 */
final class ClosingTags {

    static final String PROBE_ATTRIBUTE = "data-coquille-probe-c0q";
    static final String PROBE_WORD = "coquille-probe-c0q";
    private static final String PROBE = PROBE_WORD + "<div " + PROBE_ATTRIBUTE + ">" + PROBE_WORD + "<form></form></div>";
    private static final int ROUNDS = 4;

    private ClosingTags() {
    }

    /**
     * The end tags to put before body-end content, "" when the page leaves nothing open there, or null when the
     * content must not go there at all.
     *
     * @param pageBefore the page's text before the insertion point
     * @param parser     an HTML5 parser
     */
    static String before(String pageBefore, Function<String, Document> parser) {
        StringBuilder closing = new StringBuilder();
        for (int round = 0; round < ROUNDS; round++) {
            List<String> open = stillOpen(parser.apply(pageBefore + closing + PROBE));
            if (open == null) {
                return null;
            }
            if (open.isEmpty()) {
                return closing.toString();
            }
            for (String name : open) {
                closing.append("</").append(name).append('>');
            }
        }
        return null;
    }

    /** The names of the elements to close, innermost first; empty when the probe is in place; null when stuck. */
    private static List<String> stillOpen(Document document) {
        Element body = document.body();
        if (body == null || !body.nameIs("body")) {
            return null; // a frameset
        }
        List<Element> probes = document.getElementsByAttribute(PROBE_ATTRIBUTE);
        Element probe = probes.isEmpty() ? null : probes.get(probes.size() - 1);
        if (probe != null && probe.parent() == body && body.lastChild() == probe
                && probe.textNodes().stream().anyMatch(text -> text.getWholeText().equals(PROBE_WORD))) {
            return probe.children().stream().anyMatch(child -> child.nameIs("form")) ? List.of() : List.of("form");
        }
        TextNode word = firstWord(document);
        if (word == null) {
            return null; // the probe's text was dropped: nothing tells what is open
        }
        List<String> open = new ArrayList<>();
        Element after = probe == null ? null : probe.nextElementSibling();
        if (after != null) {
            open.add(after.tagName()); // the probe was foster-parented before a table still open
        }
        for (Element e = (Element) word.parent(); e != null && e != body && !(e instanceof Document); e = e.parent()) {
            if (e != probe && !e.nameIs("head") && !e.nameIs("html")) {
                open.add(e.tagName());
            }
        }
        return open.isEmpty() || !open.stream().allMatch(ClosingTags::plainName) ? null : open;
    }

    private static TextNode firstWord(Document document) {
        TextNode[] first = {null};
        document.forEachNode(node -> {
            if (first[0] == null && node instanceof TextNode text && text.getWholeText().contains(PROBE_WORD)) {
                first[0] = text;
            }
        });
        return first[0];
    }

    /** Whether an end tag for {@code name} reads back as that name: letters, digits, '-', '_', ':', '.'. */
    private static boolean plainName(String name) {
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x80 || !(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == ':' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
