package org.coquille.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The byte scanner finds the real end of the body, and only the real one. */
class BodyEndTest {

    private static final String LEFT_ALONE = "(left alone)";

    /** What follows the insertion point, or LEFT_ALONE. */
    private static String rest(String page) {
        byte[] bytes = page.getBytes(StandardCharsets.ISO_8859_1);
        int offset = BodyEnd.find(bytes);
        return offset < 0 ? LEFT_ALONE : page.substring(offset);
    }

    @Test
    void lastRealBodyEndWinsInAnyCase() {
        assertThat(rest("<html><body>x</BODY >\n</html>")).isEqualTo("</BODY >\n</html>");
        assertThat(rest("<body>a</body>b</body>c")).isEqualTo("</body>c");
        assertThat(rest("<body>a</body/>")).isEqualTo("</body/>");
    }

    @Test
    void namesThatOnlyStartWithBodyOrHaveASpaceAreNotTheBodyEnd() {
        assertThat(rest("<body>a</body>b</bodyx>c</body2></ body>")).isEqualTo("</body>b</bodyx>c</body2></ body>");
    }

    @Test
    void commentsDoNotNest() {
        assertThat(rest("<body>x<!-- a <!-- b --> c </body> -->")).isEqualTo("</body> -->");
    }

    @Test
    void bodyEndInACommentAfterTheRealOneIsIgnored() {
        assertThat(rest("<body>x</body><!-- </body> --></html>")).isEqualTo("</body><!-- </body> --></html>");
        assertThat(rest("<body>x</body><!-- -- </body> --!></html>")).isEqualTo("</body><!-- -- </body> --!></html>");
    }

    @Test
    void abruptlyClosedCommentsEndAtOnce() {
        assertThat(rest("<body>x<!--></body>")).isEqualTo("</body>");
        assertThat(rest("<body>x<!---></body>")).isEqualTo("</body>");
        assertThat(rest("<body>x<!----></body>")).isEqualTo("</body>");
    }

    @Test
    void unterminatedCommentHidesTheRestOfThePage() {
        assertThat(rest("<body>x</body><!-- </body></html>")).isEqualTo("</body><!-- </body></html>");
        assertThat(rest("<html><body>x<!-- </body></html>")).isEqualTo(LEFT_ALONE);
        assertThat(rest("<html><body>x<!-- -- > </html>")).isEqualTo(LEFT_ALONE);
    }

    @Test
    void scriptHoldsTextUntilItsOwnEndTagEvenWhenSplitInAString() {
        assertThat(rest("<body>x</body><script>var a = \"</scr\" + \"ipt></body>\";</script></html>"))
                .isEqualTo("</body><script>var a = \"</scr\" + \"ipt></body>\";</script></html>");
        assertThat(rest("<body>x</body><script>a</scripts></body></SCRIPT >"))
                .isEqualTo("</body><script>a</scripts></body></SCRIPT >");
        assertThat(rest("<body>x</body><script/></body></script>")).isEqualTo("</body><script/></body></script>");
    }

    @Test
    void scriptWrappedInACommentKeepsScriptsItWritesInside() {
        String page = "<body>x</body><script><!--\ndocument.write('<script src=a.js></script></body>');\n//--></script></html>";
        assertThat(rest(page)).startsWith("</body><script><!--");
        assertThat(rest("<body>x</body><script><!-- a --></body></script>")).startsWith("</body><script>");
        assertThat(rest("<body>x<script><!--></script></body>")).isEqualTo("</body>");
        assertThat(rest("<body>x<script><!-- </script></body>")).isEqualTo("</body>");
    }

    @Test
    void scriptWithAnUnclosedEscapedScriptSwallowsTheRestOfThePage() {
        assertThat(rest("<html><body>x<script><!--<script></script></body></html>")).isEqualTo(LEFT_ALONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "TEXTAREA"})
    void rawTextElementsHideTheBodyEnd(String element) {
        String page = "<body>x</body><" + element + " a=1></body></" + element + "></html>";
        assertThat(rest(page)).startsWith("</body><" + element);
    }

    @Test
    void unterminatedScriptHidesTheRestOfThePage() {
        assertThat(rest("<html><body><script>document.write('</body></html>')")).isEqualTo(LEFT_ALONE);
        assertThat(rest("<html><body><script>x</script")).isEqualTo(LEFT_ALONE);
    }

    @Test
    void plaintextMakesTheRestText() {
        assertThat(rest("<html><body>x<plaintext></body></html>")).isEqualTo(LEFT_ALONE);
        assertThat(rest("<body>x</body><plaintext></body>")).isEqualTo("</body><plaintext></body>");
    }

    @Test
    void cdataIsSkippedToItsEnd() {
        assertThat(rest("<body>x</body><![CDATA[ a > b </body> ]]></html>"))
                .isEqualTo("</body><![CDATA[ a > b </body> ]]></html>");
    }

    @Test
    void quotedAttributesMayHoldGreaterThanAndBodyEnds() {
        assertThat(rest("<body>x</body><img alt=\"a > </body>\"></html>")).isEqualTo("</body><img alt=\"a > </body>\"></html>");
        assertThat(rest("<body>x</body><img alt='</body>' title = \"'\"></html>"))
                .isEqualTo("</body><img alt='</body>' title = \"'\"></html>");
        assertThat(rest("<body><a title=a>b</body>")).isEqualTo("</body>");
        assertThat(rest("<body><a title=\"a\" b=\"x></body>")).isEqualTo(LEFT_ALONE); // the page ends in a tag
    }

    @Test
    void endTagsMayCarryQuotedAttributes() {
        assertThat(rest("<body>x</body></p title=\"</body>\"></html>"))
                .isEqualTo("</body></p title=\"</body>\"></html>");
    }

    @Test
    void declarationsAndProcessingInstructionsAreSkipped() {
        assertThat(rest("<?xml version=\"1.0\"?><!DOCTYPE html><html><body>x</body></html>")).isEqualTo("</body></html>");
        assertThat(rest("<html><body>x</body><? </body> ></html>")).isEqualTo("</body><? </body> ></html>");
    }

    @Test
    void lessThanInTextIsText() {
        assertThat(rest("<html><body>a < b <3 </body>")).isEqualTo("</body>");
        assertThat(rest("<html><body>a <")).as("'<' would join the fragment").isEqualTo(LEFT_ALONE);
        assertThat(rest("<html><body>a </")).as("'</' would join the fragment").isEqualTo(LEFT_ALONE);
        assertThat(rest("<html><body>a <\n")).isEqualTo("");
    }

    @Test
    void withoutBodyEndTheFragmentGoesBeforeTheLastRealHtmlEnd() {
        assertThat(rest("<html><body>x</html><!-- </html> -->")).isEqualTo("</html><!-- </html> -->");
    }

    @Test
    void withoutBodyOrHtmlEndTheFragmentGoesAtTheEndOfADocument() {
        assertThat(rest("<html><body><p>x")).isEqualTo("");
        assertThat(rest("<title>t</title><p>x")).isEqualTo("");
        assertThat(rest("  <!DOCTYPE html><p>x\n")).isEqualTo("");
    }

    @Test
    void aBareFragmentOfMarkupIsLeftAlone() {
        assertThat(rest("<div class=\"portlet\">x</div>")).isEqualTo(LEFT_ALONE);
        assertThat(rest("")).isEqualTo(LEFT_ALONE);
    }

    @Test
    void framesetBeforeTheBodyLeavesItToTheParser() {
        // a frameset page has no body, but a browser ignores a <frameset> after content: only a parser can tell
        assertThat(unsure("<html><frameset><noframes><body>x</body></noframes></frameset></html>")).isTrue();
        assertThat(unsure("<HTML><FRAMESET cols=\"*\"></html>")).isTrue();
        assertThat(unsure("<html><head><title>t</title></head><p>Texte</p><frameset></html>")).isTrue();
    }

    @Test
    void aBalancedPageNeedsNoParser() {
        assertThat(unsure("<html><body><table><tr><td><a href=x><b>x</b></a><td>y</table><form></form>"
                + "<ul><li>one<li>two</ul><p>para<p>para<br><img src=x><svg><path d=M0/></svg></body></html>")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<table><tr><td>x", "<a href=x>x", "<form>", "<font><p><b>x</font>", "<select><option>x",
        "<template>x", "<svg><foreignObject>x", "<math><mi>x", "<div>x", "<button>x", "<b>x</b></i>", "<a/>x",
        "<div/>x"})
    void anElementLeftOpenOrAStrayEndTagLeavesItToTheParser(String body) {
        assertThat(unsure("<html><body>" + body + "</body></html>")).isTrue();
    }

    private static boolean unsure(String page) {
        BodyEnd.Scan scan = BodyEnd.scan(page.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(scan.offset()).isGreaterThanOrEqualTo(0);
        return scan.unsure();
    }

    @Test
    void framesetAfterTheBodyOrInACommentIsIgnored() {
        assertThat(rest("<html><body>x<frameset></body>")).isEqualTo("</body>");
        assertThat(rest("<html><!-- <frameset> --><body>x</body>")).isEqualTo("</body>");
    }
}
