package org.coquille.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract on an H2 file database in a temporary folder, opened as the embedded default is (a pool over
 * H2's own {@code DataSource}); coquille-store-h2 runs it again with H2 relocated.
 */
class H2StoreTest extends JdbcStoreContract {

    @TempDir
    Path temp;
    private Path folder;

    @Override
    protected String createDatabase(String name) {
        if (folder == null) {
            folder = temp.resolve(name); // the store's own; a test may make more databases
        }
        return h2Url(temp.resolve(name)) + ";USER=sa";
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
        return embedded(folder);
    }

    /** The URL of the H2 database file {@code coquille.mv.db} in {@code folder}, as coquille-store-h2 makes it. */
    static String h2Url(Path folder) {
        return "jdbc:h2:file:" + folder.toAbsolutePath().resolve("coquille") + ";AUTO_SERVER=FALSE;LOCK_TIMEOUT=10000";
    }

    private static JdbcStore embedded(Path folder) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(h2Url(folder));
        h2.setUser("sa");
        return JdbcStore.embedded(h2, folder.toAbsolutePath().resolve("coquille").toString());
    }

    @Test
    void databaseIsOneFileInTheWorkFolder() {
        assertThat(folder.resolve("coquille.mv.db")).exists();
        assertThat(store.describe()).isEqualTo("H2 at " + folder.toAbsolutePath().resolve("coquille"));
    }
}
