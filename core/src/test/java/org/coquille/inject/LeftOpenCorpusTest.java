package org.coquille.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pages that leave elements open where the widget goes (unclosed tables, links, buttons, forms, formatting elements,
 * selects, templates, SVG and MathML), with an HTML5 parser (jsoup) as the oracle: the widget is a child of
 * {@code <body>}, exactly as it is when parsed alone (nothing reopened inside it, none of its forms dropped or nested),
 * the page's own tree is what it was, and every byte of the page is kept around the inserted end tags and widget.
 */
class LeftOpenCorpusTest {

    static final String WIDGET = "<section class=\"coq-widgets\" id=\"coq-widgets\"><h2>Réactions</h2>"
            + "<form method=\"post\" action=\"/_coquille/form/vote\"><button name=\"vote\" value=\"1\">+1</button></form>"
            + "<form method=\"post\" action=\"/_coquille/form/comment\"><textarea name=\"text\"></textarea>"
            + "<button>Envoyer</button></form><p>Écrit par <a href=\"/u\">Anne</a></p></section>";

    private final PageInjector injector = new PageInjector(100);

    static Stream<String> cases() throws IOException {
        Properties cases = new Properties();
        try (InputStream in = LeftOpenCorpusTest.class.getResourceAsStream("/left-open/cases.properties")) {
            cases.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return cases.stringPropertyNames().stream().sorted().map(name -> name + " = " + cases.getProperty(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theWidgetIsAChildOfTheBodyAndThePageIsKept(String line) throws IOException {
        String name = line.substring(0, line.indexOf(" = "));
        byte[] page = read("/left-open/" + name + ".html");

        Injection injection = injector.inject(page, "UTF-8", Placement.DEFAULT, WIDGET);

        if (line.endsWith("left alone")) {
            assertThat(injection).isNull();
            return;
        }
        assertThat(injection).isNotNull();
        byte[] out = injection.bytes();
        String inserted = new String(out, injection.offset(), injection.fragmentLength(), StandardCharsets.UTF_8);
        assertThat(inserted).matches("(</[A-Za-z][A-Za-z0-9._:-]*>)*" + java.util.regex.Pattern.quote(WIDGET));
        byte[] back = new byte[page.length];
        System.arraycopy(out, 0, back, 0, injection.offset());
        System.arraycopy(out, injection.offset() + injection.fragmentLength(), back, injection.offset(),
                page.length - injection.offset());
        assertThat(back).as("the page's bytes around the inserted ones").isEqualTo(page);

        Document decorated = Jsoup.parse(new String(out, StandardCharsets.UTF_8));
        assertThat(decorated.select("section.coq-widgets")).hasSize(1);
        Element widget = decorated.selectFirst("section.coq-widgets");
        assertThat(widget.parent()).as("the widget's parent").isSameAs(decorated.body());
        assertThat(widget.outerHtml()).as("the widget as parsed alone")
                .isEqualTo(Jsoup.parseBodyFragment(WIDGET).body().child(0).outerHtml());
        for (Element form : widget.select("form")) {
            assertThat(form.parents()).as("what holds a widget form")
                    .noneMatch(e -> e.nameIs("form") || e.nameIs("a") || e.nameIs("button"));
        }
        widget.remove();
        Document original = Jsoup.parse(new String(page, StandardCharsets.UTF_8));
        assertThat(withoutWhitespaceAroundTags(decorated)).as("the page's own tree, but for where the whitespace after the"
                + " widget goes").isEqualTo(withoutWhitespaceAroundTags(original));
    }

    private static String withoutWhitespaceAroundTags(Document document) {
        return document.outerHtml().replaceAll("\\s+<", "<").replaceAll(">\\s+", ">");
    }

    private static byte[] read(String path) throws IOException {
        try (InputStream in = LeftOpenCorpusTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
