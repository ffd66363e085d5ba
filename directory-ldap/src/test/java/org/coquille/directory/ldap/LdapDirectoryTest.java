package org.coquille.directory.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;

import org.coquille.core.Person;
import org.coquille.people.Directories;
import org.coquille.people.People;
import org.coquille.spi.Directory;
import org.coquille.spi.DirectoryUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LDAP directory against a real LDAP server (UnboundID's in-memory one, loaded from a small LDIF). */
class LdapDirectoryTest {

    @TempDir
    static Path keys;

    private InMemoryDirectoryServer server;
    private final AtomicLong nanos = new AtomicLong();

    @BeforeEach
    void start() throws Exception {
        Path keyStore = TestCertificates.serverKeyStore(keys);
        SSLUtil serverSsl = new SSLUtil(new KeyStoreKeyManager(keyStore.toFile(), TestCertificates.PASSWORD, "PKCS12", "ldap"),
                new TrustStoreTrustManager(keyStore.toFile(), TestCertificates.PASSWORD, "PKCS12", true));
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig("ldap", null, 0, serverSsl.createSSLSocketFactory()),
                InMemoryListenerConfig.createLDAPSConfig("ldaps", null, 0, serverSsl.createSSLServerSocketFactory(), null));
        config.setSchema(null); // departmentNumber and displayName are inetOrgPerson's; no schema check needed
        server = new InMemoryDirectoryServer(config);
        server.importFromLDIF(true, Path.of(getClass().getResource("/people.ldif").toURI()).toFile());
        server.startListening();
    }

    @AfterEach
    void stop() {
        server.shutDown(true);
    }

    private Map<String, String> settings(String url) {
        Map<String, String> s = new HashMap<>();
        s.put("coquille.directory", "ldap");
        s.put("coquille.directory.ldap.url", url);
        s.put("coquille.directory.ldap.bindDn", "uid=coquille,ou=people,dc=example,dc=com");
        s.put("coquille.directory.ldap.password", "s3cret");
        s.put("coquille.directory.ldap.base", "ou=people,dc=example,dc=com");
        s.put("coquille.directory.ldap.departmentAttribute", "departmentNumber");
        return s;
    }

    private People people(Map<String, String> settings) {
        return new People(Directories.open(settings, keys), Duration.ofHours(1), Duration.ofMinutes(1), nanos::get);
    }

    @Test
    void namesEmailsAndDepartmentsComeFromTheDirectory() {
        try (People people = people(settings("ldap://127.0.0.1:" + server.getListenPort("ldap")))) {
            assertThat(people.describe()).startsWith("LDAP at ldap://127.0.0.1:");
            assertThat(people.person("jdupont")).isEqualTo(
                    new Person("jdupont", "Jean Dupont", "jean.dupont@example.com", "Achats", "Lyon"));
            assertThat(people.of("hmartin")).as("no displayName: the cn").isEqualTo("Hélène Martin");
            assertThat(people.person("hmartin").department()).isEqualTo("Ressources humaines");
        }
    }

    @Test
    void someoneNotInTheDirectoryIsTheirId() {
        try (People people = people(settings("ldap://127.0.0.1:" + server.getListenPort("ldap")))) {
            assertThat(people.person("intern42")).isEqualTo(Person.unknown("intern42"));
            assertThat(people.of("*")).as("a filter wildcard is escaped, not a search for everyone").isEqualTo("*");
            assertThat(people.of("jdupont)(uid=*")).isEqualTo("jdupont)(uid=*");
        }
    }

    @Test
    void aDirectoryThatIsDownShowsIdsWithoutWaitingThenNamesAgain() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", port));
        config.setSchema(null);
        InMemoryDirectoryServer later = new InMemoryDirectoryServer(config);
        later.importFromLDIF(true, Path.of(getClass().getResource("/people.ldif").toURI()).toFile());
        Map<String, String> settings = settings("ldap://127.0.0.1:" + port);
        try (People people = people(settings); Directory direct = Directories.open(settings, keys)) {
            assertThatThrownBy(() -> direct.find("jdupont")).isInstanceOf(DirectoryUnavailableException.class);

            assertThat(people.of("jdupont")).isEqualTo("jdupont");
            long start = System.nanoTime();
            assertThat(people.of("hmartin")).isEqualTo("hmartin");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("not asked again during the pause")
                    .isLessThan(Duration.ofMillis(100));

            later.startListening();
            assertThat(people.of("jdupont")).as("still left alone").isEqualTo("jdupont");
            nanos.addAndGet(Duration.ofMinutes(2).toNanos());
            assertThat(people.of("jdupont")).isEqualTo("Jean Dupont");
        } finally {
            later.shutDown(true);
        }
    }

    @Test
    void wrongCredentialsAreADirectoryDownNotAFailure() {
        Map<String, String> settings = settings("ldap://127.0.0.1:" + server.getListenPort("ldap"));
        settings.put("coquille.directory.ldap.password", "wrong");
        try (People people = people(settings)) {
            assertThat(people.of("jdupont")).isEqualTo("jdupont");
        }
    }

    @Test
    void ldapsWithTheServersCertificateTrusted() {
        Map<String, String> settings = settings("ldaps://localhost:" + server.getListenPort("ldaps"));
        settings.put("coquille.directory.ldap.trustStore", TestCertificates.serverKeyStore(keys).toString());
        settings.put("coquille.directory.ldap.trustStorePassword", new String(TestCertificates.PASSWORD));
        try (People people = people(settings)) {
            assertThat(people.person("jdupont").email()).isEqualTo("jean.dupont@example.com");
        }
    }

    @Test
    void startTlsWithTheServersCertificateTrusted() {
        Map<String, String> settings = settings("ldap://localhost:" + server.getListenPort("ldap"));
        settings.put("coquille.directory.ldap.startTls", "true");
        settings.put("coquille.directory.ldap.trustStore", TestCertificates.serverKeyStore(keys).toString());
        settings.put("coquille.directory.ldap.trustStorePassword", new String(TestCertificates.PASSWORD));
        try (People people = people(settings)) {
            assertThat(people.person("jdupont").department()).isEqualTo("Achats");
        }
    }

    @Test
    void anUntrustedCertificateIsRefused() {
        Map<String, String> settings = settings("ldaps://localhost:" + server.getListenPort("ldaps"));
        try (Directory directory = Directories.open(settings, keys)) {
            assertThatThrownBy(() -> directory.find("jdupont")).isInstanceOf(DirectoryUnavailableException.class);
        }
    }

    @Test
    void badSettingsAreRefusedWithTheirName() {
        Map<String, String> settings = settings("http://example.com");
        assertThatThrownBy(() -> Directories.open(settings, keys)).hasMessageContaining("coquille.directory.ldap.url");
        Map<String, String> noBase = settings("ldap://127.0.0.1:389");
        noBase.remove("coquille.directory.ldap.base");
        assertThatThrownBy(() -> Directories.open(noBase, keys)).hasMessageContaining("coquille.directory.ldap.base");
        Map<String, String> filter = settings("ldap://127.0.0.1:389");
        filter.put("coquille.directory.ldap.filter", "(uid=jdupont)");
        assertThatThrownBy(() -> Directories.open(filter, keys)).hasMessageContaining("coquille.directory.ldap.filter");
    }
}
