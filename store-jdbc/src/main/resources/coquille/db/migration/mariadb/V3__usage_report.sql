-- The usage report's tables on MariaDB. Keep in step with H2 and PostgreSQL: same tables, columns and keys.
-- coq_contribution: who (a pseudonymous key, the same as in coq_page_viewer) contributed what (kind: C comment,
-- V vote, R reaction, A poll answer), on which page and day, how many times. Unique counts over any period are
-- COUNT(DISTINCT actor_key), exact across nodes because every node adds to the same rows.
-- coq_activity_sealed: the daily (bucket D) and weekly (W) figures per page (scope_key = the page) and for the
-- whole intranet (scope_key = '*'), saved before the keys of those days are purged.

CREATE TABLE coq_contribution (
    page         VARCHAR(500)  NOT NULL,
    contrib_day  DATE          NOT NULL,
    kind         CHAR(1)       NOT NULL,
    actor_key    VARCHAR(100)  NOT NULL,
    amount       BIGINT        NOT NULL,
    CONSTRAINT coq_contribution_pk PRIMARY KEY (page, contrib_day, kind, actor_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE INDEX coq_contribution_day_ix ON coq_contribution (contrib_day, actor_key);
CREATE INDEX coq_contribution_actor_ix ON coq_contribution (actor_key);

CREATE TABLE coq_activity_sealed (
    scope_key            VARCHAR(500)  NOT NULL,
    bucket               CHAR(1)       NOT NULL,
    start_day            DATE          NOT NULL,
    views                BIGINT        NOT NULL,
    unique_viewers       BIGINT        NOT NULL,
    comments             BIGINT        NOT NULL,
    unique_commenters    BIGINT        NOT NULL,
    votes                BIGINT        NOT NULL,
    reactions            BIGINT        NOT NULL,
    answers              BIGINT        NOT NULL,
    unique_reactors      BIGINT        NOT NULL,
    unique_contributors  BIGINT        NOT NULL,
    CONSTRAINT coq_activity_sealed_pk PRIMARY KEY (scope_key, bucket, start_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;

-- coq_reader_day: who viewed any page on each day, so that the whole intranet's unique readers over any period
-- are counted over a few thousand keys a day instead of one row per page read. Filled with coq_page_viewer.
CREATE TABLE coq_reader_day (
    view_day    DATE          NOT NULL,
    viewer_key  VARCHAR(100)  NOT NULL,
    CONSTRAINT coq_reader_day_pk PRIMARY KEY (view_day, viewer_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
-- (viewer_key, view_day): the intranet's unique readers over a period read from the index in order, and erasure
CREATE INDEX coq_reader_day_key_ix ON coq_reader_day (viewer_key, view_day);
INSERT INTO coq_reader_day (view_day, viewer_key) SELECT DISTINCT view_day, viewer_key FROM coq_page_viewer;

-- An erase finds one key or one user.
-- (page, viewer_key, view_day) lets the database count each page's unique readers over a period by reading the
-- index in order, without sorting or hashing: 0.3 s instead of 2 s for 900,000 rows on PostgreSQL.
CREATE INDEX coq_page_viewer_reader_ix ON coq_page_viewer (page, viewer_key, view_day);
CREATE INDEX coq_page_viewer_key_ix ON coq_page_viewer (viewer_key);
CREATE INDEX coq_comment_author_ix ON coq_comment (author);
CREATE INDEX coq_vote_user_ix ON coq_vote (user_id);
CREATE INDEX coq_poll_ballot_user_ix ON coq_poll_ballot (user_id);
CREATE INDEX coq_reaction_user_ix ON coq_reaction (user_id);
