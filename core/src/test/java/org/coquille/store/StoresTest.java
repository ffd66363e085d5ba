package org.coquille.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;

import javax.naming.Context;

import org.h2.jdbcx.JdbcDataSource;

import org.coquille.core.PageId;
import org.coquille.spi.SocialStore;
import org.coquille.spi.StoreProvider;
import org.coquille.spi.StoreUnavailableException;
import org.coquille.store.jdbc.JdbcStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoresTest {

    @TempDir
    Path work;
    @TempDir
    Path providers;

    @Test
    void namedProviderIsUsed() {
        try (SocialStore store = Stores.open(Map.of(Stores.STORE, "memory"), work)) {
            assertThat(store).isInstanceOf(MemoryStore.class);
        }
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void unknownNameListsTheProvidersFound() {
        assertThatThrownBy(() -> Stores.open(Map.of(Stores.STORE, "mongo"), work))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'mongo'").hasMessageContaining("memory").hasMessageContaining("jdbc");
    }

    @Test
    void withoutSettingsTheDataGoesToH2InTheWorkFolder() {
        try (SocialStore store = Stores.open(Map.of(), work)) {
            assertThat(store).isInstanceOf(JdbcStore.class);
            assertThat(store.describe()).isEqualTo("H2 at " + work.toAbsolutePath().resolve("coquille"));
        }
        assertThat(work.resolve("coquille.mv.db")).isRegularFile();
    }

    @Test
    void jdbcUrlSettingOpensThatDatabase() {
        Path elsewhere = work.resolve("elsewhere");
        String url = "jdbc:h2:file:" + elsewhere.toAbsolutePath().resolve("db");
        try (SocialStore store = Stores.open(Map.of("coquille.store.url", url, "coquille.store.user", "sa"), work)) {
            assertThat(store.describe()).isEqualTo("H2 at " + elsewhere.toAbsolutePath().resolve("db"));
        }
        assertThat(work.resolve("coquille.mv.db")).doesNotExist();
    }

    @Test
    void jndiNameOpensTheHostDataSourceAndLeavesItOpen() throws Exception {
        JdbcDataSource host = new JdbcDataSource();
        host.setURL("jdbc:h2:file:" + work.toAbsolutePath().resolve("host"));
        host.setUser("sa");
        TestNamingFactory.BINDINGS.put("java:comp/env/jdbc/intranet", host);
        String before = System.getProperty(Context.INITIAL_CONTEXT_FACTORY);
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, TestNamingFactory.class.getName());
        try (SocialStore store = Stores.open(Map.of("coquille.store.jndi", "jdbc/intranet"), work)) {
            assertThat(store.describe()).startsWith("H2 at ").endsWith("(the host's DataSource)");
            store.votes().putVote(PageId.of("/news"), "alice", 1, Instant.EPOCH);
        } finally {
            TestNamingFactory.BINDINGS.clear();
            if (before == null) {
                System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
            } else {
                System.setProperty(Context.INITIAL_CONTEXT_FACTORY, before);
            }
        }
        try (Connection c = host.getConnection(); Statement s = c.createStatement();
             ResultSet votes = s.executeQuery("SELECT COUNT(*) FROM coq_vote")) {
            assertThat(votes.next()).isTrue();
            assertThat(votes.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void missingJndiNameIsReported() {
        String before = System.getProperty(Context.INITIAL_CONTEXT_FACTORY);
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, TestNamingFactory.class.getName());
        try {
            assertThatThrownBy(() -> Stores.open(Map.of("coquille.store.jndi", "jdbc/nowhere"), work))
                    .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("'jdbc/nowhere'");
        } finally {
            if (before == null) {
                System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
            } else {
                System.setProperty(Context.INITIAL_CONTEXT_FACTORY, before);
            }
        }
    }

    @Test
    void thirdPartyProviderIsPreferredAndABrokenOneIsSkipped() throws IOException {
        int before = FakeStoreProvider.OPENED.get();
        try (URLClassLoader loader = loaderListing(BrokenStoreProvider.class, FakeStoreProvider.class);
             SocialStore store = Stores.open(Map.of(), work, loader)) {
            assertThat(store).isInstanceOf(MemoryStore.class);
        }
        assertThat(FakeStoreProvider.OPENED.get()).isEqualTo(before + 1);
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void jdbcSettingsWinOverAThirdPartyProvider() throws IOException {
        String url = "jdbc:h2:file:" + work.toAbsolutePath().resolve("db");
        try (URLClassLoader loader = loaderListing(FakeStoreProvider.class);
             SocialStore store = Stores.open(Map.of("coquille.store.url", url), work, loader)) {
            assertThat(store).isInstanceOf(JdbcStore.class);
        }
    }

    @Test
    void brokenProviderAskedForByNameIsReported() throws IOException {
        try (URLClassLoader loader = loaderListing(BrokenStoreProvider.class)) {
            assertThatThrownBy(() -> Stores.open(Map.of(Stores.STORE, "broken"), work, loader))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'broken'").hasMessageContaining("1 could not be loaded")
                    .hasMessageContaining(BrokenStoreProvider.class.getName());
        }
    }

    /** A class loader whose {@code META-INF/services} lists {@code providers}, on top of the test's own. */
    private URLClassLoader loaderListing(Class<?>... listed) throws IOException {
        Path root = Files.createTempDirectory(providers, "loader");
        Path services = Files.createDirectories(root.resolve("META-INF/services"));
        StringBuilder listing = new StringBuilder();
        for (Class<?> provider : listed) {
            listing.append(provider.getName()).append('\n');
        }
        Files.writeString(services.resolve(StoreProvider.class.getName()), listing);
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, getClass().getClassLoader());
    }
}
