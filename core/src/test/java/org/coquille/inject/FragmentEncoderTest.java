package org.coquille.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The fragment is written in the page's charset, with numeric references for what the charset lacks. */
class FragmentEncoderTest {

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void latin1KeepsAccentsAndReferencesTheRest() {
        byte[] bytes = FragmentEncoder.encode("R\u00e9actions \u2713 \u20ac", StandardCharsets.ISO_8859_1);
        assertThat(latin1(bytes)).isEqualTo("R\u00e9actions &#10003; &#8364;");
        assertThat(bytes[1]).isEqualTo((byte) 0xE9);
    }

    @Test
    void windows1252HasTheEuroAndCurlyQuotes() {
        byte[] bytes = FragmentEncoder.encode("\u20ac\u2019\u2713", Charset.forName("windows-1252"));
        assertThat(bytes).containsExactly(0x80, 0x92, '&', '#', '1', '0', '0', '0', '3', ';');
    }

    @Test
    void asciiReferencesEveryNonAsciiCharacter() {
        assertThat(latin1(FragmentEncoder.encode("caf\u00e9", StandardCharsets.US_ASCII))).isEqualTo("caf&#233;");
    }

    @Test
    void aCharacterOutsideTheBmpIsOneReference() {
        assertThat(latin1(FragmentEncoder.encode("a\uD83C\uDF89b", StandardCharsets.ISO_8859_1)))
                .isEqualTo("a&#127881;b");
    }

    @Test
    void anUnpairedSurrogateBecomesTheReplacementCharacter() {
        assertThat(latin1(FragmentEncoder.encode("a\uD83Cb", StandardCharsets.ISO_8859_1))).isEqualTo("a&#65533;b");
        assertThat(FragmentEncoder.encode("a\uDF89", StandardCharsets.UTF_8))
                .isEqualTo("a&#65533;".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void utf8EncodesEverythingAsIs() {
        String fragment = "<div>R\u00e9actions \u2713 \u20ac \uD83C\uDF89</div>";
        assertThat(FragmentEncoder.encode(fragment, StandardCharsets.UTF_8)).isEqualTo(fragment.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void longFragmentsOfUnencodableCharactersGrowTheBuffer() {
        String fragment = "\u2713".repeat(5000);
        assertThat(latin1(FragmentEncoder.encode(fragment, StandardCharsets.ISO_8859_1)))
                .isEqualTo("&#10003;".repeat(5000));
        assertThat(FragmentEncoder.encode("", StandardCharsets.ISO_8859_1)).isEmpty();
    }

    @Test
    void shiftJisEncodesJapaneseAndReferencesAccents() {
        Charset sjis = Charset.forName("Shift_JIS");
        byte[] bytes = FragmentEncoder.encode("\u8868\u00e9", sjis);
        assertThat(bytes).containsExactly(0x95, 0x5C, '&', '#', '2', '3', '3', ';');
    }
}
