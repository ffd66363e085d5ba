package org.coquille.store.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.coquille.spi.SocialStore;
import org.coquille.spi.SocialStoreContract;
import org.coquille.store.Stores;
import org.coquille.store.jdbc.JdbcStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract on the embedded default, opened as an installation without any store setting opens it: the
 * JDBC store finds this artifact's H2 and keeps the data in the work folder.
 */
class EmbeddedH2StoreTest extends SocialStoreContract {

    @TempDir
    Path temp;
    private Path work;

    @Override
    protected SocialStore openEmptyStore() {
        work = temp.resolve(UUID.randomUUID().toString());
        return Stores.open(Map.of(), work);
    }

    @Override
    protected SocialStore reopen(SocialStore closing) {
        closing.close();
        return Stores.open(Map.of(), work);
    }

    @Test
    void withoutSettingsTheDataGoesToOneFileInTheWorkFolder() {
        assertThat(store).isInstanceOf(JdbcStore.class);
        assertThat(store.describe()).isEqualTo("H2 at " + work.toAbsolutePath().resolve("coquille"));
        assertThat(work.resolve("coquille.mv.db")).isRegularFile();
    }

    @Test
    void missingWorkFolderIsCreated() {
        Path nested = temp.resolve("not/yet/there");
        try (SocialStore created = Stores.open(Map.of(Stores.STORE, "jdbc"), nested)) {
            assertThat(created.describe()).startsWith("H2 at ");
        }
        assertThat(Files.isRegularFile(nested.resolve("coquille.mv.db"))).isTrue();
    }

    @Test
    void folderWithASemicolonIsRefusedRatherThanReadAsH2Settings() {
        assertThatThrownBy(() -> H2Database.url(temp.resolve("a;MODE=MySQL")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("';'");
    }
}
