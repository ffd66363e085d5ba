package org.coquille.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The JDBC store's pieces that need no database: dialect detection, safe descriptions, conflict detection. */
class JdbcStoreTest {

    @Test
    void dialectIsDetectedFromTheProductName() {
        assertThat(Dialect.of("H2", "2.3.232 (2024-08-11)")).isEqualTo(Dialect.H2);
        assertThat(Dialect.of("PostgreSQL", "15.20")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialect.of("MariaDB", "10.11.19-MariaDB")).isEqualTo(Dialect.MARIADB);
        assertThat(Dialect.of("MySQL", "5.5.5-10.11.19-MariaDB")).isEqualTo(Dialect.MARIADB);
    }

    @Test
    void unknownDatabaseIsRefusedByName() {
        assertThatThrownBy(() -> Dialect.of("Oracle", "19c")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Oracle 19c").hasMessageContaining("H2, PostgreSQL and MariaDB");
        assertThatThrownBy(() -> Dialect.of("MySQL", "8.0.36")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MySQL");
    }

    @Test
    void upsertsAreWrittenPerDatabase() {
        List<String> keys = List.of("page", "user_id");
        List<String> values = List.of("vote_value");
        assertThat(Dialect.H2.upsert("coq_vote", keys, values))
                .isEqualTo("MERGE INTO coq_vote (page, user_id, vote_value) KEY (page, user_id) VALUES (?, ?, ?)");
        assertThat(Dialect.POSTGRESQL.upsert("coq_vote", keys, values)).isEqualTo("INSERT INTO coq_vote"
                + " (page, user_id, vote_value) VALUES (?, ?, ?) ON CONFLICT (page, user_id) DO UPDATE SET"
                + " vote_value = EXCLUDED.vote_value");
        assertThat(Dialect.MARIADB.upsert("coq_vote", keys, values)).isEqualTo("INSERT INTO coq_vote"
                + " (page, user_id, vote_value) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE vote_value = VALUES(vote_value)");
        assertThat(Dialect.MARIADB.insertIfAbsent("coq_page_viewer", List.of("page", "viewer_key"), List.of()))
                .isEqualTo("INSERT IGNORE INTO coq_page_viewer (page, viewer_key) VALUES (?, ?)");
    }

    @Test
    void describedAddressHasNoCredentials() {
        assertThat(JdbcStore.safeUrl("jdbc:postgresql://db.intranet:5432/intranet?user=coq&password=s3cret"))
                .isEqualTo("db.intranet:5432/intranet");
        assertThat(JdbcStore.safeUrl("jdbc:mariadb://coq:s3cret@db.intranet/intranet?sslMode=trust"))
                .isEqualTo("db.intranet/intranet");
        assertThat(JdbcStore.safeUrl("jdbc:h2:file:/srv/coquille/coquille;USER=sa;PASSWORD=s3cret"))
                .isEqualTo("/srv/coquille/coquille");
        assertThat(JdbcStore.safeUrl(null)).isEqualTo("an unknown address");
    }

    @Test
    void lostRacesAreRetriedOtherFailuresAreNot() {
        assertThat(Sql.isConflict(new SQLException("duplicate", "23505"))).isTrue();
        assertThat(Sql.isConflict(new SQLIntegrityConstraintViolationException("dup", "23000", 1062))).isTrue();
        assertThat(Sql.isConflict(new SQLException("serialization", "40001"))).isTrue();
        assertThat(Sql.isConflict(new SQLException("deadlock", "40P01"))).isTrue();
        assertThat(Sql.isConflict(new SQLException("deadlock", "40001", 1213))).isTrue();
        assertThat(Sql.isConflict(new SQLException("wrapped", "HY000", new SQLException("dup", "23505")))).isTrue();
        assertThat(Sql.isConflict(new SQLException("connection refused", "08001"))).isFalse();
        assertThat(Sql.isConflict(new SQLException("syntax", "42601"))).isFalse();
    }

    @Test
    void failureMessageSaysWhatFailedButNotTheValues() {
        SQLException cause = new SQLException("Duplicate entry '/secret-page-alice' for key 'PRIMARY'", "23000");
        assertThat(Sql.unavailable("record a vote", cause)).hasMessage("Coquille's store could not record a vote"
                + " (SQL state 23000)").hasCause(cause);
    }
}
