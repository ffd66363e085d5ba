package org.coquille.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The installation's secret key, kept in the work folder ({@code coquille.key}), from which CSRF tokens
 * and the pseudonyms used in analytics are derived with HMAC-SHA256. Nodes that share a store must
 * share this file.
 */
public final class InstallationKey {

    private static final String FILE = "coquille.key";

    /** Signatures made lately: every page view signs its viewer twice (CSRF token, report pseudonym). */
    private static final int RECENT_SIGNATURES = 10_000;

    private record Signed(String purpose, String value) { }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    /** An initialised Mac per thread: getting and initialising one costs more than the HMAC itself. */
    private final ThreadLocal<Mac> macs;
    private final Cache<Signed, String> recent = Caffeine.newBuilder().executor(Runnable::run).maximumSize(RECENT_SIGNATURES).build();

    public InstallationKey(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("The installation key needs at least 32 bytes");
        }
        this.key = key.clone();
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** Reads the key from {@code folder}, creating it (readable by its owner only) the first time. */
    public static InstallationKey inFolder(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            Files.createDirectories(folder);
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                Path tmp = Files.createTempFile(folder, FILE, ".tmp");
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the folder's own permissions protect it
                }
                Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh));
                Files.move(tmp, file);
            } catch (FileAlreadyExistsException e) {
                // another node or thread created it first: use theirs
            }
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            return new InstallationKey(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " does not hold a base64 key; delete it to have a new one made", e);
        }
    }

    /** A random key, for tests and in-memory demos. */
    public static InstallationKey random() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        return new InstallationKey(fresh);
    }

    /** HMAC-SHA256 of {@code purpose} and {@code value}, base64url without padding. */
    public String sign(String purpose, String value) {
        return recent.get(new Signed(purpose, value), this::hmac);
    }

    private String hmac(Signed signed) {
        return ENCODER.encodeToString(mac(signed.purpose(), signed.value()));
    }

    /** The raw HMAC-SHA256 of {@code purpose}, a zero byte and {@code value}. */
    private byte[] mac(String purpose, String value) {
        Mac mac = macs.get();
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether {@code candidate} is the signature of {@code purpose} and {@code value}, in constant time. Computed afresh,
     * not through the cache of {@link #sign}, as every form post checks its CSRF token: the look-up (a record key built,
     * hashed and compared, the cache's read buffer) showed in the write path's profile, while the JDK computes
     * SHA-256 with the processor's instructions; and a check no longer fills the cache with what it compared.
     */
    public boolean verify(String purpose, String value, String candidate) {
        return candidate != null && MessageDigest.isEqual(ENCODER.encode(mac(purpose, value)),
                candidate.getBytes(StandardCharsets.US_ASCII));
    }
}
