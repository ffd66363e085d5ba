package org.coquille.inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;

/**
 * Finds, in a document parsed with position tracking, the character offset where a fragment goes relative to the first
 * element a selector matches: before its start tag, after its end tag, or just before its end tag.
 *
 * <p>Offsets are always token boundaries of the source (starts and ends of tags, text, comments), so a splice there
 * never cuts a tag. An element whose end tag is implied ({@code <p>One<p>Two}) ends after the furthest source of its
 * content. Nothing goes inside a void element ({@code <img>}) nor before an element that has no start tag in the source
 * (an implied {@code <tbody>}, a {@code <body>} left out).
 */
final class SelectorLocator {

    private SelectorLocator() {
    }

    /** The character offset for {@code anchor} at the first element matching {@code selector}, or -1. */
    static int charOffset(Document document, Evaluator selector, Placement.Anchor anchor) {
        Element element = document.stream()
                .filter(e -> e != document && selector.matches(document, e))
                .findFirst()
                .orElse(null);
        if (element == null) {
            return -1;
        }
        Range start = element.sourceRange();
        Range end = element.endSourceRange();
        return switch (anchor) {
            case BEFORE -> explicit(start) ? start.startPos() : -1;
            case AFTER -> explicit(end) ? end.endPos() : contentEnd(element);
            case INSIDE -> {
                if (!explicit(end)) {
                    yield contentEnd(element);
                }
                yield end.equals(start) ? -1 : end.startPos(); // a void or self-closed element has no inside
            }
            case BODY_END -> throw new IllegalArgumentException("BODY_END takes no selector");
        };
    }

    private static boolean explicit(Range range) {
        return range.isTracked() && !range.isImplicit();
    }

    /** The furthest source end of the element and everything in it, or -1 if none of it is in the source. */
    private static int contentEnd(Element element) {
        int[] furthest = {-1};
        NodeTraversor.traverse((Node node, int depth) -> {
            Range range = node.sourceRange();
            if (explicit(range)) {
                furthest[0] = Math.max(furthest[0], range.endPos());
            }
            if (node instanceof Element e && explicit(e.endSourceRange())) {
                furthest[0] = Math.max(furthest[0], e.endSourceRange().endPos());
            }
        }, element);
        return furthest[0];
    }
}
