package org.coquille;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.coquille.store.MemoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder takes the installation key as bytes: nodes given the same bytes count people alike. */
class CoquilleBuilderTest {

    @TempDir
    Path work;

    private Coquille withKey(byte[] key) {
        return Coquille.builder().settings(Map.of("coquille.workFolder", work.toString()))
                .store(new MemoryStore()).key(key).build();
    }

    @Test
    void nodesGivenTheSameKeyCountAPersonUnderTheSamePseudonym() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        byte[] other = key.clone();
        other[0] = 8;
        try (Coquille one = withKey(key); Coquille two = withKey(key.clone()); Coquille three = withKey(other)) {
            assertThat(one.pseudonymOf("alice")).isEqualTo(two.pseudonymOf("alice"))
                    .isNotEqualTo(one.pseudonymOf("bruno"))
                    .isNotEqualTo(three.pseudonymOf("alice"))
                    .doesNotContain("alice");
        }
        assertThat(work.resolve("coquille.key")).as("a given key is not written to the work folder").doesNotExist();
    }

    @Test
    void aShortKeyIsRefusedWhenGiven() {
        assertThatThrownBy(() -> Coquille.builder().key(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes, not 16");
    }

    @Test
    void withoutAKeyOneIsMadeInTheWorkFolderAndKept() throws Exception {
        String first;
        try (Coquille one = Coquille.builder().settings(Map.of("coquille.workFolder", work.toString()))
                .store(new MemoryStore()).build()) {
            first = one.pseudonymOf("alice");
        }
        assertThat(Files.readString(work.resolve("coquille.key"))).isNotBlank();
        try (Coquille again = Coquille.builder().settings(Map.of("coquille.workFolder", work.toString()))
                .store(new MemoryStore()).build()) {
            assertThat(again.pseudonymOf("alice")).isEqualTo(first);
        }
    }
}
