package org.coquille.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an H2 file database in a temporary folder. */
class H2StoreTest extends JdbcStoreContract {

    @TempDir
    Path temp;
    private Path folder;

    @Override
    protected String createDatabase(String name) {
        if (folder == null) {
            folder = temp.resolve(name); // the store's own; a test may make more databases
        }
        return JdbcStore.h2Url(temp.resolve(name)) + ";USER=sa";
    }

    @Override
    protected void dropDatabase(String name) {
        // the temporary folder goes after the test
    }

    @Override
    protected Dialect expectedDialect() {
        return Dialect.H2;
    }

    @Override
    protected JdbcStore openStore() {
        return JdbcStore.h2(folder);
    }

    @Test
    void databaseIsOneFileInTheWorkFolder() {
        assertThat(folder.resolve("coquille.mv.db")).exists();
        assertThat(store.describe()).isEqualTo("H2 at " + folder.toAbsolutePath().resolve("coquille"));
    }

    @Test
    void missingWorkFolderIsCreated() throws Exception {
        Path nested = temp.resolve("not/yet/there");
        try (JdbcStore created = JdbcStore.h2(nested)) {
            assertThat(created.migrationsRun()).isPositive();
        }
        assertThat(Files.isRegularFile(nested.resolve("coquille.mv.db"))).isTrue();
    }
}
