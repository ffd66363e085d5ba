package org.coquille.directory.ldap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A self-signed certificate for localhost, made once by the JDK's keytool. */
final class TestCertificates {

    static final char[] PASSWORD = "changeit".toCharArray();

    private TestCertificates() {
    }

    static synchronized Path serverKeyStore(Path folder) {
        Path store = folder.resolve("ldap-server.p12");
        if (Files.exists(store)) {
            return store;
        }
        try {
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "ldap", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            return store;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
