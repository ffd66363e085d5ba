package org.coquille.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.coquille.spi.StoreHealth;
import org.coquille.spi.StoreProvider.Claim;
import org.coquille.spi.StoreUnavailableException;
import org.coquille.store.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the JDBC store is chosen and opened from the settings, as {@link Stores} finds it on the class path. This module
 * alone has no embedded database: that is coquille-store-h2's, tested there.
 */
class JdbcStoreProviderTest {

    @TempDir
    Path work;

    private final String namingBefore = System.getProperty(Context.INITIAL_CONTEXT_FACTORY);

    @AfterEach
    void restoreNaming() {
        TestNamingFactory.BINDINGS.clear();
        if (namingBefore == null) {
            System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        } else {
            System.setProperty(Context.INITIAL_CONTEXT_FACTORY, namingBefore);
        }
    }

    @Test
    void urlOrJndiSettingClaimsTheSettings() {
        JdbcStoreProvider provider = new JdbcStoreProvider();
        assertThat(provider.claim(Map.of(JdbcStoreProvider.URL, "jdbc:postgresql://db/intranet"))).isEqualTo(Claim.CONFIGURED);
        assertThat(provider.claim(Map.of(JdbcStoreProvider.JNDI, "jdbc/intranet"))).isEqualTo(Claim.CONFIGURED);
        assertThat(provider.claim(Map.of(JdbcStoreProvider.URL, " "))).isEqualTo(Claim.NONE);
    }

    @Test
    void jdbcUrlSettingOpensThatDatabase() {
        Path elsewhere = work.resolve("elsewhere");
        String url = "jdbc:h2:file:" + elsewhere.toAbsolutePath().resolve("db");
        try (SocialStore store = Stores.open(Map.of(JdbcStoreProvider.URL, url, JdbcStoreProvider.USER, "sa"), work)) {
            assertThat(store).isInstanceOf(JdbcStore.class);
            assertThat(store.describe()).isEqualTo("H2 at " + elsewhere.toAbsolutePath().resolve("db"));
        }
        assertThat(work.resolve("coquille.mv.db")).doesNotExist();
    }

    @Test
    void withoutSettingsAndWithoutAnEmbeddedDatabaseNothingIsOpenedAndNothingAccepted() {
        assertThat(new JdbcStoreProvider().claim(Map.of())).isEqualTo(Claim.NONE);
        try (SocialStore store = Stores.open(Map.of(), work)) {
            assertThat(store).isNotInstanceOf(JdbcStore.class);
            assertThat(StoreHealth.of(store).isDown()).isTrue();
            assertThat(store.describe()).contains("coquille-store-h2");
        }
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void namedWithoutSettingsAndWithoutAnEmbeddedDatabaseSaysWhatIsMissing() {
        assertThatThrownBy(() -> Stores.open(Map.of(Stores.STORE, "jdbc"), work))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(JdbcStoreProvider.URL).hasMessageContaining(JdbcStoreProvider.JNDI)
                .hasMessageContaining("coquille-store-h2");
    }

    @Test
    void urlAndJndiTogetherAreRefused() {
        assertThatThrownBy(() -> new JdbcStoreProvider().open(
                Map.of(JdbcStoreProvider.URL, "jdbc:h2:mem:x", JdbcStoreProvider.JNDI, "jdbc/intranet"), work))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
    }

    @Test
    void aPoolSizeOutOfRangeIsRefusedWithTheSettingsName() {
        for (String size : new String[] {"0", "101", "many"}) {
            assertThatThrownBy(() -> new JdbcStoreProvider().open(
                    Map.of(JdbcStoreProvider.URL, "jdbc:h2:mem:pool", JdbcStoreProvider.POOL_SIZE, size), work))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coquille.store.poolSize")
                    .hasMessageContaining(size);
        }
    }

    @Test
    void jndiNameOpensTheHostDataSourceAndLeavesItOpen() throws Exception {
        JdbcDataSource host = new JdbcDataSource();
        host.setURL("jdbc:h2:file:" + work.toAbsolutePath().resolve("host"));
        host.setUser("sa");
        TestNamingFactory.BINDINGS.put("java:comp/env/jdbc/intranet", host);
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, TestNamingFactory.class.getName());
        try (SocialStore store = Stores.open(Map.of(JdbcStoreProvider.JNDI, "jdbc/intranet"), work)) {
            assertThat(store.describe()).startsWith("H2 at ").endsWith("(the host's DataSource)");
            store.votes().putVote(PageId.of("/news"), "alice", 1, Instant.EPOCH);
        }
        try (Connection c = host.getConnection(); Statement s = c.createStatement();
             ResultSet votes = s.executeQuery("SELECT COUNT(*) FROM coq_vote")) {
            assertThat(votes.next()).isTrue();
            assertThat(votes.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void missingJndiNameIsReported() {
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, TestNamingFactory.class.getName());
        assertThatThrownBy(() -> Stores.open(Map.of(JdbcStoreProvider.JNDI, "jdbc/nowhere"), work))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("'jdbc/nowhere'");
    }
}
