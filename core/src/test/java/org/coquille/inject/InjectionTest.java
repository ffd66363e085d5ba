package org.coquille.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class InjectionTest {

    private static final byte[] PAGE = "<body>caf\u00e9</body>".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] FRAGMENT = "<p>ok</p>".getBytes(StandardCharsets.US_ASCII);

    @Test
    void writtenPageIsTheOriginalWithTheFragmentAtTheOffset() throws IOException {
        Injection injection = new Injection(PAGE, 10, FRAGMENT, StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        injection.writeTo(out);
        assertThat(new String(out.toByteArray(), StandardCharsets.ISO_8859_1)).isEqualTo("<body>caf\u00e9<p>ok</p></body>");
        assertThat(out.toByteArray()).isEqualTo(injection.bytes()).hasSize(injection.length());
    }

    @Test
    void fragmentMayGoAtEitherEnd() {
        assertThat(new Injection(PAGE, 0, FRAGMENT, StandardCharsets.ISO_8859_1).bytes()).startsWith(FRAGMENT);
        assertThat(new String(new Injection(PAGE, PAGE.length, FRAGMENT, StandardCharsets.ISO_8859_1).bytes(),
                StandardCharsets.ISO_8859_1)).endsWith("</body><p>ok</p>");
    }

    @Test
    void offsetOutsideThePageIsRefused() {
        assertThatThrownBy(() -> new Injection(PAGE, PAGE.length + 1, FRAGMENT, StandardCharsets.ISO_8859_1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside a page of 17 bytes");
    }
}
