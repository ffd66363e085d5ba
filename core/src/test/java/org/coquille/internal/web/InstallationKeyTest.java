package org.coquille.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A signature checks only against what was signed, for the purpose it was signed for. */
class InstallationKeyTest {

    private final InstallationKey key = InstallationKey.random();

    @Test
    void whatWasSignedChecks() {
        String token = key.sign("csrf", "u:alice\n4711");
        assertThat(key.verify("csrf", "u:alice\n4711", token)).isTrue();
        assertThat(key.verify("csrf", "u:alice\n4711", key.sign("csrf", "u:alice\n4711"))).isTrue();
    }

    @Test
    void aCheckDoesNotDependOnTheValueHavingBeenSignedOnThisNode() {
        InstallationKey sameKeyElsewhere = new InstallationKey(new byte[32]);
        String token = new InstallationKey(new byte[32]).sign("csrf", "u:bob\n12");
        assertThat(sameKeyElsewhere.verify("csrf", "u:bob\n12", token)).isTrue();
    }

    @Test
    void anotherValuePurposeOrKeyDoesNotCheck() {
        String token = key.sign("csrf", "u:alice\n4711");
        assertThat(key.verify("csrf", "u:alice\n4710", token)).isFalse();
        assertThat(key.verify("csrf", "u:mallory\n4711", token)).isFalse();
        assertThat(key.verify("viewer", "u:alice\n4711", token)).isFalse();
        assertThat(InstallationKey.random().verify("csrf", "u:alice\n4711", token)).isFalse();
    }

    @Test
    void aTamperedOrMalformedTokenDoesNotCheck() {
        String token = key.sign("csrf", "u:alice\n4711");
        char last = token.charAt(token.length() - 1);
        assertThat(key.verify("csrf", "u:alice\n4711", token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A')))
                .isFalse();
        assertThat(key.verify("csrf", "u:alice\n4711", token + "=")).isFalse();
        assertThat(key.verify("csrf", "u:alice\n4711", token.substring(1))).isFalse();
        assertThat(key.verify("csrf", "u:alice\n4711", token.replace('-', '+').replace('_', '/') + "\u00e9")).isFalse();
        assertThat(key.verify("csrf", "u:alice\n4711", "")).isFalse();
        assertThat(key.verify("csrf", "u:alice\n4711", null)).isFalse();
    }
}
