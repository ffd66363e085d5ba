-- The change log through which the nodes sharing this database tell each other what they changed, so that each
-- node's cache forgets it within a fraction of a second (MariaDB has no LISTEN/NOTIFY; PostgreSQL needs no table).
-- Each node adds one row per change (a ChangeNotice as text) and reads the rows after the last id it has seen every
-- 200 ms; rows older than ten minutes are pruned. H2, the embedded single-node store, needs none.

CREATE TABLE coq_change (
    id BIGINT NOT NULL AUTO_INCREMENT,
    notice TEXT NOT NULL,
    changed_at BIGINT NOT NULL,
    PRIMARY KEY (id),
    KEY coq_change_changed_at (changed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
