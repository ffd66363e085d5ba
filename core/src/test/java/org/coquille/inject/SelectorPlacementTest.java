package org.coquille.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** Selector placements land before, after or inside the first matching element, at the right byte. */
class SelectorPlacementTest {

    private final AtomicInteger parses = new AtomicInteger();
    private final PageInjector injector = new PageInjector(100, 0, html -> {
        parses.incrementAndGet();
        return Jsoup.parse(html, Parser.htmlParser().setTrackPosition(true));
    });

    /** The page split at the insertion point as "before|after", decoded; or null when left alone. */
    private String split(String page, Charset charset, Placement placement) {
        return split(page.getBytes(charset), charset, placement);
    }

    private String split(byte[] page, Charset charset, Placement placement) {
        Injection injection = injector.inject(page, charset.name(), placement, "|");
        if (injection == null) {
            return null;
        }
        assertThat(injection.fragmentLength()).isEqualTo(1);
        return new String(injection.bytes(), charset);
    }

    private String utf8(String page, Placement placement) {
        return split(page, StandardCharsets.UTF_8, placement);
    }

    @Test
    void beforeAfterAndInsideAnElementWithAnEndTag() {
        String page = "<html><body><p>\u00e9\u00e8 \u2713 \uD83C\uDF89</p><div id=\"w\" class=a><b>x</b> y</div ><p>z</p></body></html>";
        assertThat(utf8(page, Placement.before("#w"))).contains("</p>|<div id=\"w\"");
        assertThat(utf8(page, Placement.after("#w"))).contains("y</div >|<p>z");
        assertThat(utf8(page, Placement.inside("#w"))).contains("<b>x</b> y|</div >");
    }

    @Test
    void theFirstMatchInDocumentOrderIsUsed() {
        String page = "<body><div class=c><div class=c>inner</div>outer</div></body>";
        assertThat(utf8(page, Placement.inside(".c"))).contains("inner</div>outer|</div></body>");
    }

    @Test
    void anElementWithoutEndTagEndsAfterItsContent() {
        assertThat(utf8("<body><p id=a>one<p>two</body>", Placement.after("#a"))).contains("one|<p>two");
        String cells = "<table><tr><td id=c><b>x</b> tail\n<td>y</table>";
        assertThat(utf8(cells, Placement.inside("#c"))).contains("<b>x</b> tail\n|<td>y");
        assertThat(utf8(cells, Placement.after("#c"))).contains("<b>x</b> tail\n|<td>y");
        assertThat(utf8("<body><ul id=l><li>a<li>b</ul></body>", Placement.inside("#l li:last-child"))).contains("<li>b|</ul>");
    }

    @Test
    void anElementLeftOpenAtTheEndOfThePageEndsAfterItsContent() {
        assertThat(utf8("<html><body><div id=y>end</body></html>", Placement.after("#y"))).contains("end|</body>");
    }

    @Test
    void voidElementsHaveAnAfterButNoInside() {
        String page = "<body><p>a<img id=i src=x.gif>b</p></body>";
        assertThat(utf8(page, Placement.before("#i"))).contains("a|<img");
        assertThat(utf8(page, Placement.after("#i"))).contains("x.gif>|b");
        assertThat(utf8(page, Placement.inside("#i"))).isNull();
    }

    @Test
    void elementsImpliedByTheParserHaveNoBeforeButAnInside() {
        String page = "<table id=t><tr><td>x</td></tr></table>";
        assertThat(utf8(page, Placement.before("tbody"))).isNull();
        assertThat(utf8(page, Placement.inside("tbody"))).contains("</tr>|</table>");
    }

    @Test
    void theDocumentItselfIsNeverTheMatch() {
        assertThat(utf8("<html><body>x</body></html>", Placement.inside("*"))).isEqualTo("<html><body>x</body>|</html>");
    }

    @Test
    void offsetsCountBytesNotCharacters() {
        String page = "<body>\u65e5\u672c\u8a9e \uD83C\uDF89<span id=s>s</span></body>";
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        Injection injection = injector.inject(bytes, "UTF-8", Placement.before("#s"), "|");
        int expected = "<body>\u65e5\u672c\u8a9e \uD83C\uDF89".getBytes(StandardCharsets.UTF_8).length;
        assertThat(injection.offset()).isEqualTo(expected);
    }

    @Test
    void malformedBytesBeforeTheElementDoNotShiftTheOffset() {
        byte[] page = "<body>caf\u00e9 \u00e9 <span id=s>s</span></body>".getBytes(StandardCharsets.ISO_8859_1);
        Injection injection = injector.inject(page, "UTF-8", Placement.before("#s"), "|"); // Latin-1 bytes, UTF-8 header
        assertThat(new String(injection.bytes(), StandardCharsets.ISO_8859_1)).isEqualTo(
                "<body>caf\u00e9 \u00e9 |<span id=s>s</span></body>");
        byte[] windows = "<body>\u0081\u008d <i id=i>i</i></body>".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(split(windows, Charset.forName("windows-1252"), Placement.after("#i"))).endsWith("i</i>|</body>");
    }

    @Test
    void aByteOrderMarkCountsInTheOffset() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "<div id=d>\u00e9</div>".getBytes(StandardCharsets.UTF_8);
        byte[] page = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, page, 0, 3);
        System.arraycopy(body, 0, page, 3, body.length);
        Injection injection = injector.inject(page, null, Placement.inside("#d"), "\u2713");
        assertThat(injection.offset()).isEqualTo(3 + "<div id=d>\u00e9".getBytes(StandardCharsets.UTF_8).length);
        assertThat(injection.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void noMatchLeavesThePageAlone() {
        assertThat(utf8("<body><p>x</p></body>", Placement.after("#nowhere"))).isNull();
    }

    @Test
    void invalidSelectorLeavesThePageAloneWithoutParsingIt() {
        byte[] page = "<body><p>x</p></body>".getBytes(StandardCharsets.UTF_8);
        assertThat(injector.inject(page, null, Placement.after("td[[["), "|")).isNull();
        assertThat(injector.inject(page, null, Placement.inside("p:has("), "|")).isNull();
        assertThat(injector.inject(page, null, Placement.before(">>"), "|")).isNull();
        assertThat(parses).hasValue(0);
    }

    @Test
    void theSecondCallForTheSamePageAndPlacementDoesNotParse() {
        String page = "<body><div id=a>x</div></body>";
        String first = utf8(page, Placement.after("#a"));
        assertThat(utf8(page, Placement.after("#a"))).isEqualTo(first);
        assertThat(parses).hasValue(1);
        assertThat(utf8(page, Placement.after("#nowhere"))).isNull();
        assertThat(utf8(page, Placement.after("#nowhere"))).isNull();
        assertThat(parses).as("no match is remembered too").hasValue(2);
    }

    @Test
    void anotherPlacementAnotherPageOrAnotherCharsetIsPlannedAgain() {
        String page = "<body><div id=a>\u00e9</div></body>";
        utf8(page, Placement.after("#a"));
        utf8(page, Placement.inside("#a"));
        utf8(page.replace("\u00e9", "e"), Placement.after("#a"));
        assertThat(parses).hasValue(3);
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        injector.inject(bytes, "ISO-8859-1", Placement.after("#a"), "|");
        assertThat(parses).hasValue(4);
        injector.inject(bytes, "UTF-8", Placement.after("#a"), "|");
        assertThat(parses).hasValue(4);
    }

    @Test
    void selectorPlacementsInUtf16PagesAreLeftAlone() {
        byte[] page = "<body><div id=a>x</div></body>".getBytes(StandardCharsets.UTF_16LE);
        assertThat(injector.inject(page, "UTF-16LE", Placement.after("#a"), "|")).isNull();
        assertThat(parses).hasValue(0);
    }
}
