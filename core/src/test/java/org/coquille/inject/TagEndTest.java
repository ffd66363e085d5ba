package org.coquille.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A tag ends at the first '>' outside a quoted attribute value; quotes open a value only after '='. */
class TagEndTest {

    /** What follows the tag that starts the text (after its name), or null if it never ends. */
    private static String rest(String tag) {
        byte[] bytes = tag.getBytes(StandardCharsets.ISO_8859_1);
        int nameEnd = MarkupScanner.tagNameEnd(bytes, 1, bytes.length);
        int end = TagEnd.after(bytes, nameEnd);
        return end < 0 ? null : tag.substring(end);
    }

    @Test
    void quotedValuesMayHoldGreaterThan() {
        assertThat(rest("<a title=\"x > y\" b='>'>rest")).isEqualTo("rest");
        assertThat(rest("<a title = \"x > y\">rest")).isEqualTo("rest");
    }

    @Test
    void strayQuotesDoNotOpenValues() {
        assertThat(rest("<td width=100\">rest\"")).isEqualTo("rest\"");
        assertThat(rest("<a b\"c>rest")).isEqualTo("rest");
        assertThat(rest("<a =\"x>rest\">")).as("'=' starting a name is part of it").isEqualTo("rest\">");
        assertThat(rest("<a b= =\"x>rest\">")).as("'=' starting a value is part of it").isEqualTo("rest\">");
    }

    @Test
    void slashesAndMissingValuesEndTagsNormally() {
        assertThat(rest("<br/>rest")).isEqualTo("rest");
        assertThat(rest("<img src=x />rest")).isEqualTo("rest");
        assertThat(rest("<a b=>rest")).isEqualTo("rest");
        assertThat(rest("<a b=\"x\"c=\"y>\">rest")).isEqualTo("rest");
    }

    @Test
    void aTagLeftOpenHasNoEnd() {
        assertThat(rest("<a title=\"never closed>")).isNull();
        assertThat(rest("<a b")).isNull();
        assertThat(rest("<a b=")).isNull();
    }

    @Test
    void agreesWithTheAttributeReaderOnRandomTags() {
        Random random = new Random(42);
        String alphabet = "ab=\"' \t\n/>x-";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder tag = new StringBuilder("<p");
            for (int k = random.nextInt(16); k > 0; k--) {
                tag.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            byte[] bytes = tag.toString().getBytes(StandardCharsets.ISO_8859_1);
            int expected = new TagAttributes(bytes, bytes.length).skipToTagEnd(2);
            assertThat(TagEnd.after(bytes, 2)).as(tag.toString()).isEqualTo(expected);
        }
    }
}
